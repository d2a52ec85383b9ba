package io.vigil.checks.rds;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/** Every DB instance has PubliclyAccessible off, so its endpoint resolves to private IPs only. */
@Singleton
public final class RdsInstanceNotPubliclyAccessibleCheck
    extends ResourceCheck<RdsSnapshot, RdsSnapshot.DbInstance> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("rds_instance_not_publicly_accessible")
          .title("RDS DB instance is not publicly accessible")
          .resourceType("AWS::RDS::DBInstance")
          .severity(Severity.CRITICAL)
          .primary("A.8.20")
          .supporting("A.8.3", "A.8.22")
          .rationale("A publicly accessible DB instance gets a public IP and a DNS name that"
              + " resolves to it, so only its security groups stand between the database and the"
              + " internet. Keeping databases in private subnets, reachable from the application"
              + " tier only, is basic network security (A.8.20) and segregation (A.8.22) and"
              + " restricts access to the information (A.8.3).")
          .remediation("aws rds modify-db-instance --db-instance-identifier ID"
              + " --no-publicly-accessible --apply-immediately (CDK: publiclyAccessible: false,"
              + " vpcSubnets: { subnetType: SubnetType.PRIVATE_ISOLATED }).")
          .build();

  public RdsInstanceNotPubliclyAccessibleCheck() {
    super(METADATA, RdsSnapshot.class, RdsSnapshot::instances);
  }

  @Override
  protected Observation judge(RdsSnapshot.DbInstance db, ScanTarget target) {
    var subject = "DB instance " + db.id();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("Engine", db.engine());
    evidence.put("PubliclyAccessible", db.publiclyAccessible());
    return Observation.of(!db.publiclyAccessible(), db.arn(),
        subject + ": not publicly accessible",
        subject + ": publicly accessible (the endpoint resolves to a public IP)", evidence);
  }
}
