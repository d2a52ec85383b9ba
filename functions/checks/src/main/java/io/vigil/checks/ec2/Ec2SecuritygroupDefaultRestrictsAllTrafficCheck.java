package io.vigil.checks.ec2;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * The default security group of every VPC has no inbound and no outbound rule, so resources that
 * end up in it by omission can neither receive nor send traffic. Other groups are not judged.
 */
@Singleton
public final class Ec2SecuritygroupDefaultRestrictsAllTrafficCheck
    extends ResourceCheck<Ec2Snapshot, Ec2Snapshot.SecurityGroup> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "ec2_securitygroup_default_restricts_all_traffic")
      .title("Default security group of the VPC has no inbound or outbound rules")
      .resourceType("AWS::EC2::SecurityGroup")
      .severity(Severity.MEDIUM)
      .supporting("A.8.20", "A.8.22")
      .rationale("Instances, endpoints and functions launched without an explicit security group"
          + " land in the VPC's default group, which out of the box lets members talk to each"
          + " other and reach anywhere outbound. Emptying it makes every allowed flow a"
          + " deliberate choice in a purpose-built group, which supports network security"
          + " (A.8.20) and segregation of networks (A.8.22).")
      .remediation("Move resources to dedicated security groups, then remove every rule of the"
          + " default group: aws ec2 revoke-security-group-ingress and"
          + " revoke-security-group-egress --group-id sg-DEFAULT --ip-permissions ... (CDK:"
          + " restrictDefaultSecurityGroup: true on the Vpc).")
      .build();

  public Ec2SecuritygroupDefaultRestrictsAllTrafficCheck() {
    super(METADATA, Ec2Snapshot.class, Ec2Snapshot::securityGroups);
  }

  @Override
  protected Observation judge(Ec2Snapshot.SecurityGroup group, ScanTarget target) {
    if (!group.isDefault()) {
      return null;
    }
    var subject = "default " + group.subject() + (group.vpcId().isEmpty() ? ""
        : " of " + group.vpcId());
    var rules = new ArrayList<String>();
    if (!group.ingress().isEmpty()) {
      rules.add(group.ingress().size() + " inbound");
    }
    if (!group.egress().isEmpty()) {
      rules.add(group.egress().size() + " outbound");
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("inboundRuleCount", group.ingress().size());
    evidence.put("outboundRuleCount", group.egress().size());
    var total = group.ingress().size() + group.egress().size();
    return Observation.of(rules.isEmpty(), group.arn(),
        subject + ": has no inbound or outbound rule",
        subject + ": has " + String.join(" and ", rules) + (total == 1 ? " rule" : " rules"),
        evidence);
  }
}
