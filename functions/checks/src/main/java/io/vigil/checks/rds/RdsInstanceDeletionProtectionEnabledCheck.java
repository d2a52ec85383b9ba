package io.vigil.checks.rds;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * Every standalone DB instance has deletion protection on. Members of a DB cluster are
 * NOT_APPLICABLE: the cluster's deletion protection applies.
 */
@Singleton
public final class RdsInstanceDeletionProtectionEnabledCheck
    extends ResourceCheck<RdsSnapshot, RdsSnapshot.DbInstance> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("rds_instance_deletion_protection_enabled")
          .title("RDS DB instance has deletion protection enabled")
          .resourceType("AWS::RDS::DBInstance")
          .severity(Severity.MEDIUM)
          .supporting("A.5.33", "A.8.13")
          .rationale("With deletion protection on, DeleteDBInstance is refused until the setting"
              + " is turned off in a separate, logged change, so a mistaken or malicious delete"
              + " cannot destroy the database and its automated backups in one step. It"
              + " contributes to protection of records (A.5.33) and of backups (A.8.13).")
          .remediation("aws rds modify-db-instance --db-instance-identifier ID"
              + " --deletion-protection --apply-immediately (CDK: deletionProtection: true).")
          .build();

  public RdsInstanceDeletionProtectionEnabledCheck() {
    super(METADATA, RdsSnapshot.class, RdsSnapshot::instances);
  }

  @Override
  protected Observation judge(RdsSnapshot.DbInstance db, ScanTarget target) {
    var subject = "DB instance " + db.id();
    if (db.clusterMember()) {
      return Observation.notApplicable(db.arn(), subject + ": member of DB cluster "
          + db.clusterId() + ", whose deletion protection applies");
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("Engine", db.engine());
    evidence.put("DeletionProtection", db.deletionProtection());
    return Observation.of(db.deletionProtection(), db.arn(),
        subject + ": deletion protection is enabled",
        subject + ": deletion protection is disabled", evidence);
  }
}
