package io.vigil.checks.rds;

import io.vigil.checks.ResourceCheck;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/** Every DB cluster keeps automated backups for at least {@value #MIN_DAYS} days. */
@Singleton
public final class RdsClusterBackupRetention7DaysCheck
    extends ResourceCheck<RdsSnapshot, RdsSnapshot.DbCluster> {

  /** The minimum automated backup retention, in days. */
  public static final int MIN_DAYS = RdsInstanceBackupRetention7DaysCheck.MIN_DAYS;

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("rds_cluster_backup_retention_7_days")
          .title("RDS DB cluster keeps automated backups for at least 7 days")
          .resourceType("AWS::RDS::DBCluster")
          .severity(Severity.MEDIUM)
          .primary("A.8.13")
          .supporting("A.5.30")
          .rationale("A DB cluster always keeps continuous backups for its retention period (1 to"
              + " 35 days) and can be restored to any second within it. With the default of one"
              + " day, corruption or a bad change noticed after a weekend can no longer be"
              + " undone; 7 days is the least that serves as information backup (A.8.13) and"
              + " ICT readiness for business continuity (A.5.30).")
          .remediation("aws rds modify-db-cluster --db-cluster-identifier ID"
              + " --backup-retention-period 7 --apply-immediately (CDK: backup: { retention:"
              + " Duration.days(7) }).")
          .build();

  public RdsClusterBackupRetention7DaysCheck() {
    super(METADATA, RdsSnapshot.class, RdsSnapshot::clusters);
  }

  @Override
  protected Observation judge(RdsSnapshot.DbCluster cluster, ScanTarget target) {
    var subject = "DB cluster " + cluster.id();
    var days = cluster.backupRetentionDays();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("Engine", cluster.engine());
    evidence.put("BackupRetentionPeriod", days);
    evidence.put("RequiredMinimumDays", MIN_DAYS);
    return Observation.of(days >= MIN_DAYS, cluster.arn(),
        subject + ": automated backups are kept for " + Texts.count(days, "day"),
        subject + ": automated backups are kept for only " + Texts.count(days, "day") + " (minimum "
            + MIN_DAYS + ")", evidence);
  }
}
