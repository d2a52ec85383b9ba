package io.vigil.adapters.s3;

import java.util.Objects;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Creates the evidence bucket for {@code vigil init}, the demo and the tests: versioned, all
 * public access blocked, default encryption SSE-S3. Idempotent. In AWS the infrastructure creates
 * the production bucket (with Object Lock and SSE-KMS on top).
 */
public final class EvidenceBucket {

  private final S3Client s3;
  private final String bucket;

  public EvidenceBucket(S3Client s3, String bucket) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
  }

  public String name() {
    return bucket;
  }

  /**
   * Creates the bucket unless this account owns it already. Versioning and the public access
   * block, which only ever tighten a bucket, are (re)applied every time; default encryption SSE-S3
   * only to a bucket this call created, so that an existing bucket's SSE-KMS (the production
   * bucket of the infrastructure) is never downgraded.
   *
   * @return true if this call created the bucket
   * @throws software.amazon.awssdk.services.s3.model.S3Exception if another account owns a
   *     bucket of this name (403 on HeadBucket, or BucketAlreadyExists on CreateBucket)
   */
  public boolean createIfAbsent() {
    boolean created = false;
    if (!exists()) {
      try {
        var region = s3.serviceClientConfiguration().region();
        s3.createBucket(r -> {
          r.bucket(bucket);
          if (region != null && !Region.US_EAST_1.equals(region)) {
            r.createBucketConfiguration(c -> c.locationConstraint(region.id()));
          }
        });
        created = true;
      } catch (BucketAlreadyOwnedByYouException createdConcurrently) {
        created = false;
      }
    }
    s3.putBucketVersioning(r -> r.bucket(bucket)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3.putPublicAccessBlock(r -> r.bucket(bucket)
        .publicAccessBlockConfiguration(p -> p.blockPublicAcls(true)
            .ignorePublicAcls(true)
            .blockPublicPolicy(true)
            .restrictPublicBuckets(true)));
    if (created) {
      s3.putBucketEncryption(r -> r.bucket(bucket)
          .serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
              .applyServerSideEncryptionByDefault(
                  d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
    }
    return created;
  }

  /** True if the bucket exists and we may use it; a bucket of another account fails loudly. */
  private boolean exists() {
    try {
      s3.headBucket(r -> r.bucket(bucket));
      return true;
    } catch (NoSuchBucketException e) {
      return false;
    }
  }
}
