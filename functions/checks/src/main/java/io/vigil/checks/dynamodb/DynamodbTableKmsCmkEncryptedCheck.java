package io.vigil.checks.dynamodb;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * Every DynamoDB table is encrypted with a customer managed KMS key. DynamoDB always encrypts at
 * rest; this check asks for the key the customer controls (key policy, rotation, disabling,
 * CloudTrail record of every use) rather than the AWS owned or AWS managed key.
 */
@Singleton
public final class DynamodbTableKmsCmkEncryptedCheck
    extends ResourceCheck<DynamoDbSnapshot, DynamoDbSnapshot.Table> {

  private static final String CUSTOMER = "CUSTOMER";

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("dynamodb_table_kms_cmk_encrypted")
          .title("DynamoDB table is encrypted with a customer managed KMS key")
          .resourceType("AWS::DynamoDB::Table")
          .severity(Severity.LOW)
          .supporting("A.8.24")
          .rationale("Every DynamoDB table is encrypted at rest, by default with a key AWS owns"
              + " and the customer cannot see or control. A customer managed key adds key"
              + " management to the use of cryptography (A.8.24): the key policy decides who can"
              + " decrypt, every use is logged in CloudTrail, and disabling the key cuts access.")
          .remediation("aws dynamodb update-table --table-name NAME --sse-specification"
              + " Enabled=true,SSEType=KMS,KMSMasterKeyId=KEY_ARN (CDK: encryption:"
              + " TableEncryption.CUSTOMER_MANAGED, encryptionKey: key).")
          .build();

  public DynamodbTableKmsCmkEncryptedCheck() {
    super(METADATA, DynamoDbSnapshot.class, DynamoDbSnapshot::tables);
  }

  @Override
  protected Observation judge(DynamoDbSnapshot.Table table, ScanTarget target) {
    var subject = "table " + table.name();
    if (table.description().isFailed()) {
      return table.description().toErrorObservation(table.arn(), subject);
    }
    var d = table.description().value();
    var evidence = new LinkedHashMap<String, Object>();
    if (!d.kmsEncrypted()) {
      evidence.put("SSEType", "AWS_OWNED_KEY");
      return Observation.fail(table.arn(),
          subject + ": encrypted with an AWS owned key, not a customer managed KMS key", evidence);
    }
    if (table.kmsKeyManager().isFailed()) {
      return table.kmsKeyManager().toErrorObservation(table.arn(), subject);
    }
    var manager = table.kmsKeyManager().value();
    evidence.put("SSEType", d.sseType());
    evidence.put("KMSMasterKeyArn", d.kmsKeyArn());
    evidence.put("KeyManager", String.valueOf(manager));
    return Observation.of(CUSTOMER.equals(manager), table.arn(),
        subject + ": encrypted with customer managed KMS key " + d.kmsKeyArn(),
        subject + ": encrypted with the AWS managed KMS key " + d.kmsKeyArn()
            + ", not a customer managed one", evidence);
  }
}
