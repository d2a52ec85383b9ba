package io.vigil.checks.s3;

import io.vigil.checks.Lookup;
import io.vigil.checks.internal.PolicyDocument;
import java.util.List;
import java.util.Objects;

/**
 * The S3 configuration of one account: the account-level Block Public Access settings and every
 * bucket, wherever its region. Per-bucket settings are {@link Lookup}s because each comes from its
 * own call that may be denied for that bucket alone.
 *
 * @param accountPublicAccessBlock account-level Block Public Access (S3 Control);
 *     {@link PublicAccessBlock#NONE} when the account has no configuration
 * @param buckets every bucket the account owns
 */
public record S3Snapshot(Lookup<PublicAccessBlock> accountPublicAccessBlock, List<Bucket> buckets) {

  public S3Snapshot {
    Objects.requireNonNull(accountPublicAccessBlock, "accountPublicAccessBlock");
    buckets = List.copyOf(buckets);
  }

  /** Every bucket together with the account-level block that also governs it. */
  public List<BucketInAccount> bucketsInAccount() {
    return buckets.stream().map(b -> new BucketInAccount(b, accountPublicAccessBlock)).toList();
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
   * @param policy the bucket policy (GetBucketPolicy); absent when the bucket has none, failed
   *     when it could not be read or is not a valid policy document
   * @param acl the grants of the bucket ACL (GetBucketAcl)
   * @param accessLogging the target bucket of server access logs (GetBucketLogging); absent when
   *     logging is off
   * @param objectLock the Object Lock configuration (GetObjectLockConfiguration); absent when the
   *     bucket has none
   */
  public record Bucket(
      String name,
      String arn,
      Lookup<String> region,
      Lookup<PublicAccessBlock> publicAccessBlock,
      Lookup<String> defaultEncryption,
      Lookup<String> versioning,
      Lookup<PolicyDocument> policy,
      Lookup<List<Grant>> acl,
      Lookup<String> accessLogging,
      Lookup<ObjectLock> objectLock) {

    public Bucket {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(publicAccessBlock, "publicAccessBlock");
      Objects.requireNonNull(defaultEncryption, "defaultEncryption");
      Objects.requireNonNull(versioning, "versioning");
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(acl, "acl");
      Objects.requireNonNull(accessLogging, "accessLogging");
      Objects.requireNonNull(objectLock, "objectLock");
    }
  }

  /**
   * A bucket as the public-access checks see it: its own settings and the account-level block.
   *
   * @param bucket the bucket
   * @param accountBlock the account-level Block Public Access of the snapshot
   */
  public record BucketInAccount(Bucket bucket, Lookup<PublicAccessBlock> accountBlock) {

    public BucketInAccount {
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(accountBlock, "accountBlock");
    }
  }

  /**
   * One ACL grant.
   *
   * @param granteeType {@code CanonicalUser}, {@code Group} or {@code AmazonCustomerByEmail}
   * @param grantee the canonical id, group URI or e-mail address
   * @param permission {@code READ}, {@code WRITE}, {@code READ_ACP}, {@code WRITE_ACP} or
   *     {@code FULL_CONTROL}
   */
  public record Grant(String granteeType, String grantee, String permission) {

    static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    static final String AUTHENTICATED_USERS =
        "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    public Grant {
      granteeType = granteeType == null ? "" : granteeType;
      grantee = grantee == null ? "" : grantee;
      permission = permission == null ? "" : permission;
    }

    /** Granted to everyone (AllUsers) or to every AWS account (AuthenticatedUsers). */
    public boolean isPublic() {
      return "Group".equals(granteeType)
          && (ALL_USERS.equals(grantee) || AUTHENTICATED_USERS.equals(grantee));
    }

    /** "AllUsers" or "AuthenticatedUsers" for a public group, else the grantee itself. */
    public String granteeName() {
      return grantee.substring(grantee.lastIndexOf('/') + 1);
    }
  }

  /**
   * Object Lock of a bucket.
   *
   * @param enabled ObjectLockEnabled is {@code Enabled}
   * @param defaultMode {@code GOVERNANCE} or {@code COMPLIANCE}; empty without a default rule
   * @param defaultDays default retention in days, or 0
   * @param defaultYears default retention in years, or 0
   */
  public record ObjectLock(boolean enabled, String defaultMode, int defaultDays, int defaultYears) {

    public ObjectLock {
      defaultMode = defaultMode == null ? "" : defaultMode;
    }
  }

  /**
   * The four Block Public Access flags of a bucket or account.
   *
   * @param configured false when there is no Block Public Access configuration at all
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

    /** All four flags are on. */
    public boolean blocksAll() {
      return blockPublicAcls && ignorePublicAcls && blockPublicPolicy && restrictPublicBuckets;
    }
  }
}
