package io.vigil.checks.rds;

import io.vigil.checks.ResourceCheck;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * Every standalone DB instance keeps automated backups for at least {@value #MIN_DAYS} days.
 * Members of a DB cluster are NOT_APPLICABLE: the cluster's retention governs their backups.
 */
@Singleton
public final class RdsInstanceBackupRetention7DaysCheck
    extends ResourceCheck<RdsSnapshot, RdsSnapshot.DbInstance> {

  /** The minimum automated backup retention, in days. */
  public static final int MIN_DAYS = 7;

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("rds_instance_backup_retention_7_days")
          .title("RDS DB instance keeps automated backups for at least 7 days")
          .resourceType("AWS::RDS::DBInstance")
          .severity(Severity.MEDIUM)
          .primary("A.8.13")
          .supporting("A.5.30")
          .rationale("Automated backups with point-in-time recovery are the database's backup"
              + " copies (A.8.13). A retention of 0 turns them off; fewer than 7 days leaves"
              + " too little time to notice corruption or a bad change and restore from before"
              + " it, which also matters for ICT readiness for business continuity (A.5.30).")
          .remediation("aws rds modify-db-instance --db-instance-identifier ID"
              + " --backup-retention-period 7 --apply-immediately (CDK: backupRetention:"
              + " Duration.days(7)).")
          .build();

  public RdsInstanceBackupRetention7DaysCheck() {
    super(METADATA, RdsSnapshot.class, RdsSnapshot::instances);
  }

  @Override
  protected Observation judge(RdsSnapshot.DbInstance db, ScanTarget target) {
    var subject = "DB instance " + db.id();
    if (db.clusterMember()) {
      return Observation.notApplicable(db.arn(), subject + ": member of DB cluster "
          + db.clusterId() + ", whose backup retention applies");
    }
    var days = db.backupRetentionDays();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("Engine", db.engine());
    evidence.put("BackupRetentionPeriod", days);
    evidence.put("RequiredMinimumDays", MIN_DAYS);
    return Observation.of(days >= MIN_DAYS, db.arn(),
        subject + ": automated backups are kept for " + Texts.count(days, "day"),
        days == 0 ? subject + ": automated backups are disabled (retention 0 days)"
            : subject + ": automated backups are kept for only " + Texts.count(days, "day")
                + " (minimum " + MIN_DAYS + ")",
        evidence);
  }
}
