package io.vigil.checks.cloudwatch;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * Every log group is encrypted with a KMS key. CloudWatch Logs always encrypts at rest with a
 * service key; a KMS key puts decryption under the key policy.
 */
@Singleton
public final class CloudwatchLogGroupKmsEncryptedCheck
    extends ResourceCheck<CloudWatchSnapshot, CloudWatchSnapshot.LogGroup> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("cloudwatch_log_group_kms_encrypted")
          .title("CloudWatch Logs log group is encrypted with a KMS key")
          .resourceType("AWS::Logs::LogGroup")
          .severity(Severity.LOW)
          .supporting("A.8.24", "A.8.15")
          .rationale("Log events often hold personal data, tokens in URLs or internal details."
              + " CloudWatch Logs encrypts them with a service key by default; associating a"
              + " KMS key the customer manages adds key management (A.8.24): reading the logs"
              + " then also needs kms:Decrypt under the key policy, which protects log"
              + " information (A.8.15).")
          .remediation("aws logs associate-kms-key --log-group-name NAME --kms-key-id KEY_ARN"
              + " (the key policy must allow logs.REGION.amazonaws.com; CDK: encryptionKey:"
              + " key).")
          .build();

  public CloudwatchLogGroupKmsEncryptedCheck() {
    super(METADATA, CloudWatchSnapshot.class, CloudWatchSnapshot::logGroups);
  }

  @Override
  protected Observation judge(CloudWatchSnapshot.LogGroup group, ScanTarget target) {
    var subject = "log group " + group.name();
    var key = group.kmsKeyId();
    var encrypted = key != null && !key.isBlank();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("KmsEncrypted", encrypted);
    if (encrypted) {
      evidence.put("KmsKeyId", key);
    }
    return Observation.of(encrypted, group.arn(),
        subject + ": encrypted with KMS key " + key,
        subject + ": not encrypted with a KMS key (service-managed encryption only)", evidence);
  }
}
