package io.vigil.checks.rds;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * Every standalone DB instance is a Multi-AZ deployment. Members of a DB cluster are
 * NOT_APPLICABLE: the cluster's storage is replicated across zones and its redundancy is the set
 * of its instances.
 */
@Singleton
public final class RdsInstanceMultiAzCheck
    extends ResourceCheck<RdsSnapshot, RdsSnapshot.DbInstance> {

  private static final CheckMetadata METADATA = CheckMetadata.builder("rds_instance_multi_az")
      .title("RDS DB instance is deployed across multiple Availability Zones")
      .resourceType("AWS::RDS::DBInstance")
      .severity(Severity.MEDIUM)
      .primary("A.8.14")
      .supporting("A.5.30")
      .rationale("A Multi-AZ DB instance keeps a synchronous standby in another Availability"
          + " Zone and fails over to it automatically, so the loss of one zone or host does not"
          + " make the data unavailable: redundancy of information processing facilities"
          + " (A.8.14) and ICT readiness for business continuity (A.5.30).")
      .remediation("aws rds modify-db-instance --db-instance-identifier ID --multi-az"
          + " --apply-immediately (CDK: multiAz: true).")
      .build();

  public RdsInstanceMultiAzCheck() {
    super(METADATA, RdsSnapshot.class, RdsSnapshot::instances);
  }

  @Override
  protected Observation judge(RdsSnapshot.DbInstance db, ScanTarget target) {
    var subject = "DB instance " + db.id();
    if (db.clusterMember()) {
      return Observation.notApplicable(db.arn(), subject + ": member of DB cluster "
          + db.clusterId() + ", whose instances provide the redundancy");
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("Engine", db.engine());
    evidence.put("MultiAZ", db.multiAz());
    return Observation.of(db.multiAz(), db.arn(),
        subject + ": Multi-AZ deployment",
        subject + ": single-AZ deployment (no standby in another Availability Zone)", evidence);
  }
}
