package io.vigil.checks.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Ec2SecuritygroupAdminPortsRestrictedCheckTest {

  private static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");

  private final Ec2SecuritygroupAdminPortsRestrictedCheck check =
      new Ec2SecuritygroupAdminPortsRestrictedCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoSecurityGroup() {
    assertEquals(List.of(), check.evaluate(snapshot(), TARGET));
  }

  @Test
  void evaluate_passes_whenOnlyHttpsIsOpenAndSshComesFromAPrivateRange() {
    // GIVEN
    var web = group("sg-web", tcp(443, 443, "0.0.0.0/0"), tcp(22, 22, "10.0.0.0/8"));
    // WHEN
    var o = check.evaluate(snapshot(web), TARGET).get(0);
    // THEN the internet-facing rule is recorded as evidence
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("arn:aws:ec2:eu-west-1:123456789012:security-group/sg-web", o.resourceArn());
    @SuppressWarnings("unchecked")
    var rules = (List<Map<String, Object>>) o.evidence().get("internetIngressRules");
    assertEquals(1, rules.size());
    assertEquals(443, rules.get(0).get("fromPort"));
  }

  @Test
  void evaluate_fails_whenSshIsOpenToIpv4Internet() {
    // GIVEN
    var ssh = group("sg-ssh", tcp(22, 22, "0.0.0.0/0"));
    // WHEN
    var o = check.evaluate(snapshot(ssh), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("security group sg-ssh (sg-ssh-name): allows port 22 from 0.0.0.0/0 (tcp 22)",
        o.reason());
  }

  @Test
  void evaluate_fails_whenRdpIsOpenToIpv6Internet() {
    // GIVEN
    var rule = new Ec2Snapshot.IngressRule("tcp", 3389, 3389, List.of(), List.of("::/0"));
    // WHEN
    var o = check.evaluate(snapshot(group("sg-rdp", rule)), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertTrue(o.reason().contains("port 3389 from ::/0"), o.reason());
  }

  @Test
  void evaluate_fails_whenPortRangeZeroTo65535CoversBothAdminPorts() {
    // GIVEN
    var wide = group("sg-wide", tcp(0, 65535, "0.0.0.0/0"));
    // WHEN
    var o = check.evaluate(snapshot(wide), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("security group sg-wide (sg-wide-name): allows port 22 from 0.0.0.0/0"
        + " (tcp 0-65535) and port 3389 from 0.0.0.0/0 (tcp 0-65535)", o.reason());
  }

  @Test
  void evaluate_fails_whenRangeCoversOnlyRdp() {
    // GIVEN
    var range = group("sg-range", tcp(1000, 4000, "0.0.0.0/0"));
    // WHEN
    var o = check.evaluate(snapshot(range), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertTrue(o.reason().contains("port 3389"), o.reason());
    assertTrue(!o.reason().contains("port 22 "), o.reason());
  }

  @Test
  void evaluate_fails_whenAllTrafficProtocolIsOpen() {
    // GIVEN protocol -1 carries no ports
    var all = new Ec2Snapshot.IngressRule("-1", null, null, List.of("0.0.0.0/0"), List.of("::/0"));
    // WHEN
    var o = check.evaluate(snapshot(group("sg-all", all)), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertTrue(o.reason().contains("port 22 from 0.0.0.0/0 and ::/0 (all traffic)"), o.reason());
  }

  @Test
  void evaluate_passes_whenUdpOrRangesBesideTheAdminPortsAreOpen() {
    // GIVEN UDP 22, TCP 23-3388 and TCP 3390-65535 from anywhere
    var udp = new Ec2Snapshot.IngressRule("udp", 0, 65535, List.of("0.0.0.0/0"), List.of());
    var g = group("sg-near", udp, tcp(23, 3388, "0.0.0.0/0"), tcp(3390, 65535, "::/0"));
    // WHEN
    var o = check.evaluate(snapshot(g), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
  }

  @Test
  void evaluate_treatsProtocolNumberSixAsTcp() {
    // GIVEN
    var six = new Ec2Snapshot.IngressRule("6", 20, 25, List.of("0.0.0.0/0"), List.of());
    // WHEN
    var o = check.evaluate(snapshot(group("sg-six", six)), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
  }

  @Test
  void evaluate_judgesEveryGroup() {
    // GIVEN
    var ok = group("sg-a", tcp(443, 443, "0.0.0.0/0"));
    var bad = group("sg-b", tcp(22, 22, "0.0.0.0/0"));
    var closed = group("sg-c");
    // WHEN
    var observations = check.evaluate(snapshot(ok, bad, closed), TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.PASS),
        observations.stream().map(Observation::status).toList());
  }

  private static Ec2Snapshot snapshot(Ec2Snapshot.SecurityGroup... groups) {
    return Ec2Fixtures.snapshot().groups(groups).build();
  }

  private static Ec2Snapshot.SecurityGroup group(String id, Ec2Snapshot.IngressRule... rules) {
    return new Ec2Snapshot.SecurityGroup(id, id + "-name", "vpc-1",
        "arn:aws:ec2:eu-west-1:123456789012:security-group/" + id, List.of(rules));
  }

  private static Ec2Snapshot.IngressRule tcp(int from, int to, String cidr) {
    return cidr.contains(":")
        ? new Ec2Snapshot.IngressRule("tcp", from, to, List.of(), List.of(cidr))
        : new Ec2Snapshot.IngressRule("tcp", from, to, List.of(cidr), List.of());
  }
}
