package io.vigil.checks.s3;

import io.vigil.checks.Lookup;
import io.vigil.checks.internal.PolicyDocument;
import io.vigil.domain.check.ScanTarget;
import java.util.List;

/** Plain-data buckets for the S3 check tests. */
final class S3Fixtures {

  static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  static final S3Snapshot.PublicAccessBlock ALL_BLOCKED =
      S3Snapshot.PublicAccessBlock.of(true, true, true, true);
  static final S3Snapshot.Grant OWNER_FULL_CONTROL =
      new S3Snapshot.Grant("CanonicalUser", "75aa57f09aa0c8caeab4f8c2", "FULL_CONTROL");

  private S3Fixtures() {}

  /** An account without account-level Block Public Access holding {@code buckets}. */
  static S3Snapshot snapshot(S3Snapshot.Bucket... buckets) {
    return new S3Snapshot(Lookup.found(S3Snapshot.PublicAccessBlock.NONE), List.of(buckets));
  }

  /** A bucket in eu-west-1 with every setting compliant. */
  static S3Snapshot.Bucket compliant(String name) {
    return bucket(name, Lookup.found(ALL_BLOCKED), Lookup.found("aws:kms"),
        Lookup.found("Enabled"));
  }

  /** A bucket with the given core settings, no policy, a private ACL, no logging, no lock. */
  static S3Snapshot.Bucket bucket(
      String name,
      Lookup<S3Snapshot.PublicAccessBlock> block,
      Lookup<String> encryption,
      Lookup<String> versioning) {
    return new S3Snapshot.Bucket(name, "arn:aws:s3:::" + name, Lookup.found("eu-west-1"), block,
        encryption, versioning, Lookup.absent(), Lookup.found(List.of(OWNER_FULL_CONTROL)),
        Lookup.absent(), Lookup.absent());
  }

  static S3Snapshot.Bucket withPolicy(S3Snapshot.Bucket b, Lookup<PolicyDocument> policy) {
    return new S3Snapshot.Bucket(b.name(), b.arn(), b.region(), b.publicAccessBlock(),
        b.defaultEncryption(), b.versioning(), policy, b.acl(), b.accessLogging(), b.objectLock());
  }

  static S3Snapshot.Bucket withPolicy(S3Snapshot.Bucket b, String json) {
    return withPolicy(b, Lookup.found(PolicyDocument.parse(json)));
  }

  static S3Snapshot.Bucket withBlock(
      S3Snapshot.Bucket b, Lookup<S3Snapshot.PublicAccessBlock> block) {
    return new S3Snapshot.Bucket(b.name(), b.arn(), b.region(), block, b.defaultEncryption(),
        b.versioning(), b.policy(), b.acl(), b.accessLogging(), b.objectLock());
  }

  static S3Snapshot.Bucket withAcl(S3Snapshot.Bucket b, Lookup<List<S3Snapshot.Grant>> acl) {
    return new S3Snapshot.Bucket(b.name(), b.arn(), b.region(), b.publicAccessBlock(),
        b.defaultEncryption(), b.versioning(), b.policy(), acl, b.accessLogging(), b.objectLock());
  }

  static S3Snapshot.Bucket withLogging(S3Snapshot.Bucket b, Lookup<String> logging) {
    return new S3Snapshot.Bucket(b.name(), b.arn(), b.region(), b.publicAccessBlock(),
        b.defaultEncryption(), b.versioning(), b.policy(), b.acl(), logging, b.objectLock());
  }

  static S3Snapshot.Bucket withObjectLock(
      S3Snapshot.Bucket b, Lookup<S3Snapshot.ObjectLock> lock) {
    return new S3Snapshot.Bucket(b.name(), b.arn(), b.region(), b.publicAccessBlock(),
        b.defaultEncryption(), b.versioning(), b.policy(), b.acl(), b.accessLogging(), lock);
  }

  /** A bucket with no Block Public Access at all (so nothing neutralises public grants). */
  static S3Snapshot.Bucket open(String name) {
    return bucket(name, Lookup.found(S3Snapshot.PublicAccessBlock.NONE), Lookup.absent(),
        Lookup.absent());
  }

  static S3Snapshot.Grant group(String group, String permission) {
    return new S3Snapshot.Grant("Group", "http://acs.amazonaws.com/groups/global/" + group,
        permission);
  }
}
