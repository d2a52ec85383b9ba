package io.vigil.checks.ec2;

import io.vigil.checks.ResourceCheck;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * No security group allows ingress from the whole internet (any CIDR with prefix length 0, e.g.
 * {@code 0.0.0.0/0} or {@code ::/0}) to TCP port 22 (SSH) or 3389 (RDP), whether through a single
 * port, a port range covering them, or protocol {@code -1} (all traffic).
 */
@Singleton
public final class Ec2SecuritygroupAdminPortsRestrictedCheck
    extends ResourceCheck<Ec2Snapshot, Ec2Snapshot.SecurityGroup> {

  /** Remote administration ports: SSH and RDP. */
  static final List<Integer> ADMIN_PORTS = List.of(22, 3389);

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "ec2_securitygroup_admin_ports_restricted")
      .title("Security group allows no ingress from the internet to SSH (22) or RDP (3389)")
      .resourceType("AWS::EC2::SecurityGroup")
      .severity(Severity.HIGH)
      .primary("A.8.20")
      .supporting("A.8.22")
      .rationale("SSH and RDP open to 0.0.0.0/0 or ::/0 expose remote administration to constant"
          + " internet-wide brute force and exploit scanning. Network security (A.8.20) calls for"
          + " restricting administrative access paths to known networks; segregating management"
          + " access supports A.8.22. Port ranges and all-traffic rules that cover 22 or 3389"
          + " count as open.")
      .remediation("Remove the rule (aws ec2 revoke-security-group-ingress --group-id ID"
          + " --ip-permissions ...) and reach instances through Systems Manager Session Manager,"
          + " EC2 Instance Connect Endpoint, or a VPN with a narrow source CIDR.")
      .build();

  public Ec2SecuritygroupAdminPortsRestrictedCheck() {
    super(METADATA, Ec2Snapshot.class, Ec2Snapshot::securityGroups);
  }

  @Override
  protected Observation judge(Ec2Snapshot.SecurityGroup group, ScanTarget target) {
    var subject = "security group " + group.id()
        + (group.name().isEmpty() ? "" : " (" + group.name() + ")");
    var internetRules = new ArrayList<Map<String, Object>>();
    var exposures = new ArrayList<String>();
    for (var rule : group.ingress()) {
      var sources = internetSources(rule);
      if (sources.isEmpty()) {
        continue;
      }
      internetRules.add(describe(rule, sources));
      var ports = ADMIN_PORTS.stream().filter(p -> coversTcpPort(rule, p)).toList();
      for (var port : ports) {
        exposures.add("port " + port + " from " + String.join(" and ", sources)
            + " (" + rangeText(rule) + ")");
      }
    }
    return Observation.of(exposures.isEmpty(), group.arn(),
        subject + ": no ingress from the internet to port 22 or 3389",
        subject + ": allows " + Texts.joinAnd(exposures),
        Map.of("internetIngressRules", internetRules, "adminPorts", ADMIN_PORTS));
  }

  /** The rule's source CIDRs that span the whole address space (prefix length 0). */
  static List<String> internetSources(Ec2Snapshot.IngressRule rule) {
    return Stream.concat(rule.ipv4Ranges().stream(), rule.ipv6Ranges().stream())
        .filter(cidr -> cidr != null && cidr.trim().endsWith("/0"))
        .toList();
  }

  /** True when the rule admits TCP traffic to {@code port}: all traffic, or TCP with the port. */
  static boolean coversTcpPort(Ec2Snapshot.IngressRule rule, int port) {
    var protocol = rule.protocol().trim().toLowerCase(Locale.ROOT);
    if (protocol.equals("-1") || protocol.equals("all")) {
      return true;
    }
    if (!protocol.equals("tcp") && !protocol.equals("6")) {
      return false;
    }
    if (rule.fromPort() == null || rule.toPort() == null) {
      return true;
    }
    var from = rule.fromPort() == -1 ? 0 : rule.fromPort();
    var to = rule.toPort() == -1 ? 65535 : rule.toPort();
    return from <= port && port <= to;
  }

  static String rangeText(Ec2Snapshot.IngressRule rule) {
    if (rule.protocol().equals("-1") || rule.protocol().equalsIgnoreCase("all")) {
      return "all traffic";
    }
    if (rule.fromPort() == null || rule.toPort() == null) {
      return rule.protocol() + " all ports";
    }
    return rule.protocol() + " " + (rule.fromPort().equals(rule.toPort())
        ? rule.fromPort().toString() : rule.fromPort() + "-" + rule.toPort());
  }

  static Map<String, Object> describe(Ec2Snapshot.IngressRule rule, List<String> sources) {
    var m = new LinkedHashMap<String, Object>();
    m.put("protocol", rule.protocol());
    if (rule.fromPort() != null && rule.toPort() != null) {
      m.put("fromPort", rule.fromPort());
      m.put("toPort", rule.toPort());
    }
    m.put("sources", sources);
    return m;
  }
}
