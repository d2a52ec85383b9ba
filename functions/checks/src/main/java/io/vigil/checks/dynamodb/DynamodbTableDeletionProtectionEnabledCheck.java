package io.vigil.checks.dynamodb;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/** Every DynamoDB table has deletion protection on. */
@Singleton
public final class DynamodbTableDeletionProtectionEnabledCheck
    extends ResourceCheck<DynamoDbSnapshot, DynamoDbSnapshot.Table> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("dynamodb_table_deletion_protection_enabled")
          .title("DynamoDB table has deletion protection enabled")
          .resourceType("AWS::DynamoDB::Table")
          .severity(Severity.LOW)
          .supporting("A.5.33", "A.8.13")
          .rationale("DeleteTable removes a table and its point-in-time recovery history at once."
              + " With deletion protection on, the delete is refused until the setting is"
              + " turned off in a separate, logged change, which protects the records the table"
              + " holds (A.5.33) and their recoverability (A.8.13).")
          .remediation("aws dynamodb update-table --table-name NAME --deletion-protection-enabled"
              + " (CDK: deletionProtection: true).")
          .build();

  public DynamodbTableDeletionProtectionEnabledCheck() {
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
    evidence.put("TableStatus", d.status());
    evidence.put("DeletionProtectionEnabled", d.deletionProtection());
    return Observation.of(d.deletionProtection(), table.arn(),
        subject + ": deletion protection is enabled",
        subject + ": deletion protection is disabled", evidence);
  }
}
