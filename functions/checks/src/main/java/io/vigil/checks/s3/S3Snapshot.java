package io.vigil.checks.s3;

import io.vigil.checks.Lookup;
import java.util.List;
import java.util.Objects;

/**
 * The S3 configuration of one account: every bucket, wherever its region. Per-bucket settings are
 * {@link Lookup}s because each comes from its own call that may be denied for that bucket alone.
 *
 * @param buckets every bucket the account owns
 */
public record S3Snapshot(List<Bucket> buckets) {

  public S3Snapshot {
    buckets = List.copyOf(buckets);
  }

  /**
   * One bucket.
   *
   * @param name bucket name
   * @param arn {@code arn:<partition>:s3:::<name>}
   * @param region the bucket's region (GetBucketLocation)
   * @param publicAccessBlock bucket-level Block Public Access; {@link PublicAccessBlock#NONE} when
   *     the bucket has no configuration
   * @param defaultEncryption the default SSE algorithm ({@code AES256}, {@code aws:kms},
   *     {@code aws:kms:dsse}); absent when the bucket has no default encryption
   * @param versioning {@code Enabled} or {@code Suspended}; absent when never enabled
   */
  public record Bucket(
      String name,
      String arn,
      Lookup<String> region,
      Lookup<PublicAccessBlock> publicAccessBlock,
      Lookup<String> defaultEncryption,
      Lookup<String> versioning) {

    public Bucket {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(publicAccessBlock, "publicAccessBlock");
      Objects.requireNonNull(defaultEncryption, "defaultEncryption");
      Objects.requireNonNull(versioning, "versioning");
    }
  }

  /**
   * The four Block Public Access flags of a bucket.
   *
   * @param configured false when the bucket has no Block Public Access configuration at all
   */
  public record PublicAccessBlock(
      boolean configured,
      boolean blockPublicAcls,
      boolean ignorePublicAcls,
      boolean blockPublicPolicy,
      boolean restrictPublicBuckets) {

    /** No configuration: nothing is blocked. */
    public static final PublicAccessBlock NONE =
        new PublicAccessBlock(false, false, false, false, false);

    /** A configuration with the given flags. */
    public static PublicAccessBlock of(
        boolean blockPublicAcls,
        boolean ignorePublicAcls,
        boolean blockPublicPolicy,
        boolean restrictPublicBuckets) {
      return new PublicAccessBlock(
          true, blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets);
    }
  }
}
