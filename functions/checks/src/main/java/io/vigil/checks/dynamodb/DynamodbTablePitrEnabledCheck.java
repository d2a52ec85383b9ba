package io.vigil.checks.dynamodb;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.Map;

/** Every DynamoDB table has point-in-time recovery (continuous backups) on. */
@Singleton
public final class DynamodbTablePitrEnabledCheck
    extends ResourceCheck<DynamoDbSnapshot, DynamoDbSnapshot.Table> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("dynamodb_table_pitr_enabled")
          .title("DynamoDB table has point-in-time recovery enabled")
          .resourceType("AWS::DynamoDB::Table")
          .severity(Severity.MEDIUM)
          .primary("A.8.13")
          .supporting("A.5.30")
          .rationale("Point-in-time recovery keeps continuous backups of a table for 35 days (or"
              + " the configured period), so the table can be restored to any second before an"
              + " accidental write, delete or corruption: information backup (A.8.13) and ICT"
              + " readiness for business continuity (A.5.30).")
          .remediation("aws dynamodb update-continuous-backups --table-name NAME"
              + " --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true"
              + " (CDK: pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }).")
          .build();

  public DynamodbTablePitrEnabledCheck() {
    super(METADATA, DynamoDbSnapshot.class, DynamoDbSnapshot::tables);
  }

  @Override
  protected Observation judge(DynamoDbSnapshot.Table table, ScanTarget target) {
    var subject = "table " + table.name();
    var pitr = table.pointInTimeRecovery();
    if (pitr.isFailed()) {
      return pitr.toErrorObservation(table.arn(), subject);
    }
    var enabled = Boolean.TRUE.equals(pitr.value());
    return Observation.of(enabled, table.arn(),
        subject + ": point-in-time recovery is enabled",
        subject + ": point-in-time recovery is disabled",
        Map.of("PointInTimeRecoveryEnabled", enabled));
  }
}
