package io.vigil.checks.ec2;

import io.vigil.checks.ResourceCheck;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;

/**
 * No network ACL lets inbound traffic from the whole internet reach TCP port 22 (SSH) or 3389
 * (RDP). Entries are evaluated as AWS does, lowest rule number first: for each port the first
 * entry with a prefix-length-0 CIDR that covers it decides; an allow there opens the port, a deny
 * closes it. Entries with narrower CIDRs neither open the port to everyone nor close it for
 * everyone and are skipped.
 */
@Singleton
public final class Ec2NetworkAclAdminPortsRestrictedCheck
    extends ResourceCheck<Ec2Snapshot, Ec2Snapshot.NetworkAcl> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "ec2_network_acl_admin_ports_restricted")
      .title("Network ACL denies inbound traffic from the internet to SSH (22) and RDP (3389)")
      .resourceType("AWS::EC2::NetworkAcl")
      .severity(Severity.MEDIUM)
      .supporting("A.8.20", "A.8.22")
      .rationale("Network ACLs are the subnet-level, stateless layer under security groups. An"
          + " ACL that admits SSH or RDP from 0.0.0.0/0 or ::/0 leaves the security groups as"
          + " the only barrier, so one permissive group exposes remote administration. Denying"
          + " them at the subnet edge is defence in depth for network security (A.8.20) and"
          + " segregation (A.8.22). Supporting evidence: the default ACL allows everything and"
          + " security groups are judged separately.")
      .remediation("Add inbound deny entries with a lower rule number than the allow-all entry:"
          + " aws ec2 create-network-acl-entry --network-acl-id ACL --ingress --rule-number 50"
          + " --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action"
          + " deny (repeat for 3389 and ::/0 with --ipv6-cidr-block), or allow 22/3389 only from"
          + " the management network.")
      .build();

  public Ec2NetworkAclAdminPortsRestrictedCheck() {
    super(METADATA, Ec2Snapshot.class, Ec2Snapshot::networkAcls);
  }

  @Override
  protected Observation judge(Ec2Snapshot.NetworkAcl acl, ScanTarget target) {
    var subject = "network ACL " + acl.id() + " (" + (acl.isDefault() ? "default, " : "")
        + acl.vpcId() + ", " + Texts.count(acl.subnetCount(), "subnet") + ")";
    var open = new ArrayList<String>();
    for (var port : Ec2SecuritygroupAdminPortsRestrictedCheck.ADMIN_PORTS) {
      for (var family : new String[] {"0.0.0.0/0", "::/0"}) {
        decidingEntry(acl, port, family.contains(":")).filter(Ec2Snapshot.AclEntry::allow)
            .ifPresent(e -> open.add("port " + port + " from " + e.cidr() + " (rule "
                + e.ruleNumber() + ")"));
      }
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("isDefault", acl.isDefault());
    evidence.put("subnetCount", acl.subnetCount());
    evidence.put("openAdminAccess", open);
    return Observation.of(open.isEmpty(), acl.arn(),
        subject + ": denies inbound port 22 and 3389 from the internet",
        subject + ": allows inbound " + Texts.joinAnd(open),
        evidence);
  }

  /** The first inbound entry, by rule number, with an internet-wide CIDR covering the port. */
  static Optional<Ec2Snapshot.AclEntry> decidingEntry(
      Ec2Snapshot.NetworkAcl acl, int port, boolean ipv6) {
    return acl.entries().stream()
        .filter(e -> !e.egress())
        .filter(e -> e.cidr().trim().endsWith("/0") && e.cidr().contains(":") == ipv6)
        .filter(e -> covers(e, port))
        .min(Comparator.comparingInt(Ec2Snapshot.AclEntry::ruleNumber));
  }

  /** All protocols, or TCP (6) with no port range or a range covering {@code port}. */
  static boolean covers(Ec2Snapshot.AclEntry entry, int port) {
    var protocol = entry.protocol().trim().toLowerCase(Locale.ROOT);
    if (protocol.equals("-1") || protocol.equals("all")) {
      return true;
    }
    if (!protocol.equals("6") && !protocol.equals("tcp")) {
      return false;
    }
    if (entry.fromPort() == null || entry.toPort() == null) {
      return true;
    }
    return entry.fromPort() <= port && port <= entry.toPort();
  }
}
