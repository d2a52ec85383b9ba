package io.vigil.checks.cloudtrail;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/** Every trail encrypts its log files with a KMS key (SSE-KMS) rather than SSE-S3 only. */
@Singleton
public final class CloudtrailTrailKmsEncryptedCheck
    extends ResourceCheck<CloudTrailSnapshot, CloudTrailSnapshot.Trail> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "cloudtrail_trail_kms_encrypted")
      .title("CloudTrail trail encrypts its log files with a KMS key")
      .resourceType("AWS::CloudTrail::Trail")
      .severity(Severity.MEDIUM)
      .primary("A.8.24")
      .supporting("A.8.15")
      .rationale("CloudTrail log files describe every API call of the account, which makes them"
          + " sensitive. With SSE-KMS, reading them needs both S3 access to the bucket and"
          + " kms:Decrypt on a key whose use is itself logged, so a leaked bucket permission"
          + " alone does not expose the audit trail. That applies the rules on cryptography"
          + " (A.8.24) to the protection of log information (A.8.15).")
      .remediation("Create a customer managed key whose policy lets cloudtrail.amazonaws.com"
          + " encrypt (kms:GenerateDataKey*) and your auditors decrypt, then aws cloudtrail"
          + " update-trail --name NAME --kms-key-id KEY_ARN (CDK: encryptionKey on the Trail).")
      .build();

  public CloudtrailTrailKmsEncryptedCheck() {
    super(METADATA, CloudTrailSnapshot.class, CloudTrailSnapshot::trails);
  }

  @Override
  protected Observation judge(CloudTrailSnapshot.Trail trail, ScanTarget target) {
    var encrypted = !trail.kmsKeyId().isEmpty();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("kmsKeyId", encrypted ? trail.kmsKeyId() : "none");
    evidence.put("homeRegion", trail.homeRegion());
    return Observation.of(encrypted, trail.arn(),
        trail.subject() + ": log files are encrypted with KMS key " + trail.kmsKeyId(),
        trail.subject() + ": log files are not encrypted with a KMS key (SSE-S3 only)",
        evidence);
  }
}
