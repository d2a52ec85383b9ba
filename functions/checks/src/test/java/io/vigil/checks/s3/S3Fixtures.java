package io.vigil.checks.s3;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.ScanTarget;

/** Plain-data buckets for the S3 check tests. */
final class S3Fixtures {

  static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  static final S3Snapshot.PublicAccessBlock ALL_BLOCKED =
      S3Snapshot.PublicAccessBlock.of(true, true, true, true);

  private S3Fixtures() {}

  /** A bucket in eu-west-1 with every setting compliant. */
  static S3Snapshot.Bucket compliant(String name) {
    return bucket(name, Lookup.found(ALL_BLOCKED), Lookup.found("aws:kms"),
        Lookup.found("Enabled"));
  }

  static S3Snapshot.Bucket bucket(
      String name,
      Lookup<S3Snapshot.PublicAccessBlock> block,
      Lookup<String> encryption,
      Lookup<String> versioning) {
    return new S3Snapshot.Bucket(name, "arn:aws:s3:::" + name, Lookup.found("eu-west-1"), block,
        encryption, versioning);
  }
}
