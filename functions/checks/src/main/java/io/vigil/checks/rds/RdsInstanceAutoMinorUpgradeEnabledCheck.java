package io.vigil.checks.rds;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/** Every DB instance applies minor engine versions automatically in its maintenance window. */
@Singleton
public final class RdsInstanceAutoMinorUpgradeEnabledCheck
    extends ResourceCheck<RdsSnapshot, RdsSnapshot.DbInstance> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("rds_instance_auto_minor_upgrade_enabled")
          .title("RDS DB instance upgrades minor engine versions automatically")
          .resourceType("AWS::RDS::DBInstance")
          .severity(Severity.LOW)
          .supporting("A.8.8")
          .rationale("Minor engine versions carry security fixes. With automatic minor version"
              + " upgrade on, RDS installs them in the maintenance window, so known"
              + " vulnerabilities of the database engine are closed without a manual step"
              + " (management of technical vulnerabilities, A.8.8). Major versions still need"
              + " a planned upgrade, so this check supports the control without evidencing it.")
          .remediation("aws rds modify-db-instance --db-instance-identifier ID"
              + " --auto-minor-version-upgrade (CDK: autoMinorVersionUpgrade: true).")
          .build();

  public RdsInstanceAutoMinorUpgradeEnabledCheck() {
    super(METADATA, RdsSnapshot.class, RdsSnapshot::instances);
  }

  @Override
  protected Observation judge(RdsSnapshot.DbInstance db, ScanTarget target) {
    var subject = "DB instance " + db.id();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("Engine", db.engine());
    evidence.put("AutoMinorVersionUpgrade", db.autoMinorVersionUpgrade());
    return Observation.of(db.autoMinorVersionUpgrade(), db.arn(),
        subject + ": automatic minor version upgrade is enabled",
        subject + ": automatic minor version upgrade is disabled", evidence);
  }
}
