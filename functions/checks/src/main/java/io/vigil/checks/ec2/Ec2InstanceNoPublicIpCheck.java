package io.vigil.checks.ec2;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/** No instance that is not terminated has a public IPv4 address. */
@Singleton
public final class Ec2InstanceNoPublicIpCheck
    extends ResourceCheck<Ec2Snapshot, Ec2Snapshot.Instance> {

  private static final CheckMetadata METADATA = CheckMetadata.builder("ec2_instance_no_public_ip")
      .title("EC2 instance has no public IPv4 address")
      .resourceType("AWS::EC2::Instance")
      .severity(Severity.MEDIUM)
      .supporting("A.8.20", "A.8.22")
      .rationale("An instance with a public IP address is directly reachable from the internet;"
          + " its only protection is its security groups and network ACL, and one permissive"
          + " rule exposes it. Placing instances in private subnets behind load balancers, NAT"
          + " and Session Manager supports network security (A.8.20) and segregation of"
          + " networks (A.8.22). Supporting evidence: a public address does not by itself mean"
          + " an open port, and some workloads (bastions, NAT instances) need one by design.")
      .remediation("Launch instances in private subnets (MapPublicIpOnLaunch false, CDK:"
          + " subnetType PRIVATE_WITH_EGRESS), put an ALB or NLB in front of services, and use"
          + " Session Manager for access; release Elastic IPs that are no longer needed (aws ec2"
          + " disassociate-address). An instance keeps an auto-assigned public IP until it is"
          + " stopped or replaced.")
      .build();

  public Ec2InstanceNoPublicIpCheck() {
    super(METADATA, Ec2Snapshot.class, Ec2Snapshot::instances);
  }

  @Override
  protected Observation judge(Ec2Snapshot.Instance instance, ScanTarget target) {
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("state", instance.state());
    evidence.put("publicIp", instance.publicIp().isEmpty() ? "none" : instance.publicIp());
    return Observation.of(instance.publicIp().isEmpty(), instance.arn(),
        instance.subject() + ": has no public IPv4 address",
        instance.subject() + ": has public IPv4 address " + instance.publicIp(),
        evidence);
  }
}
