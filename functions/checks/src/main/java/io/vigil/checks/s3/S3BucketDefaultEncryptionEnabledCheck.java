package io.vigil.checks.s3;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.Map;

/** Every bucket has default server-side encryption configured (SSE-S3, SSE-KMS or DSSE-KMS). */
@Singleton
public final class S3BucketDefaultEncryptionEnabledCheck
    extends ResourceCheck<S3Snapshot, S3Snapshot.Bucket> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "s3_bucket_default_encryption_enabled")
      .title("S3 bucket encrypts new objects by default with server-side encryption")
      .resourceType("AWS::S3::Bucket")
      .severity(Severity.MEDIUM)
      .primary("A.8.24")
      .rationale("Default encryption makes S3 encrypt every new object at rest even when the"
          + " writer does not ask for it, so the rules for the use of cryptography (A.8.24) hold"
          + " without relying on each client. Any of AES256 (SSE-S3), aws:kms or aws:kms:dsse"
          + " passes; prefer SSE-KMS where key access must be controlled and logged.")
      .remediation("aws s3api put-bucket-encryption --bucket NAME"
          + " --server-side-encryption-configuration"
          + " '{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":"
          + "{\"SSEAlgorithm\":\"aws:kms\"}}]}'"
          + " (CDK: encryption: BucketEncryption.KMS).")
      .build();

  public S3BucketDefaultEncryptionEnabledCheck() {
    super(METADATA, S3Snapshot.class, S3Snapshot::buckets);
  }

  @Override
  protected Observation judge(S3Snapshot.Bucket bucket, ScanTarget target) {
    var lookup = bucket.defaultEncryption();
    if (lookup.isFailed()) {
      return lookup.toErrorObservation(bucket.arn(), "bucket " + bucket.name());
    }
    var subject = "bucket " + bucket.name();
    return Observation.of(lookup.isPresent(), bucket.arn(),
        subject + ": new objects are encrypted by default with " + lookup.value(),
        subject + ": has no default encryption configuration",
        BucketEvidence.of(bucket, Map.of(
            "defaultEncryption", lookup.isPresent() ? lookup.value() : "none")));
  }
}
