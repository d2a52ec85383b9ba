package io.vigil.checks.rds;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/** Every DB cluster has deletion protection on. */
@Singleton
public final class RdsClusterDeletionProtectionEnabledCheck
    extends ResourceCheck<RdsSnapshot, RdsSnapshot.DbCluster> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("rds_cluster_deletion_protection_enabled")
          .title("RDS DB cluster has deletion protection enabled")
          .resourceType("AWS::RDS::DBCluster")
          .severity(Severity.MEDIUM)
          .supporting("A.5.33", "A.8.13")
          .rationale("With deletion protection on, DeleteDBCluster is refused until the setting"
              + " is turned off in a separate, logged change, so one mistaken or malicious call"
              + " cannot destroy the cluster volume and its automated backups. It contributes to"
              + " protection of records (A.5.33) and of backups (A.8.13).")
          .remediation("aws rds modify-db-cluster --db-cluster-identifier ID"
              + " --deletion-protection --apply-immediately (CDK: deletionProtection: true).")
          .build();

  public RdsClusterDeletionProtectionEnabledCheck() {
    super(METADATA, RdsSnapshot.class, RdsSnapshot::clusters);
  }

  @Override
  protected Observation judge(RdsSnapshot.DbCluster cluster, ScanTarget target) {
    var subject = "DB cluster " + cluster.id();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("Engine", cluster.engine());
    evidence.put("DeletionProtection", cluster.deletionProtection());
    return Observation.of(cluster.deletionProtection(), cluster.arn(),
        subject + ": deletion protection is enabled",
        subject + ": deletion protection is disabled", evidence);
  }
}
