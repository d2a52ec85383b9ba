package io.vigil.checks.ec2;

import static io.vigil.checks.ec2.Ec2Fixtures.TARGET;
import static io.vigil.checks.ec2.Ec2Fixtures.acl;
import static io.vigil.checks.ec2.Ec2Fixtures.inbound;
import static io.vigil.checks.ec2.Ec2Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ec2NetworkAclAdminPortsRestrictedCheckTest {

  private static final Ec2Snapshot.AclEntry IMPLICIT_DENY =
      inbound(32767, "-1", false, "0.0.0.0/0", null, null);

  private final Ec2NetworkAclAdminPortsRestrictedCheck check =
      new Ec2NetworkAclAdminPortsRestrictedCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoNetworkAcl() {
    assertEquals(List.of(), check.evaluate(snapshot().build(), TARGET));
  }

  @Test
  void evaluate_fails_forTheDefaultAllowAllAcl() {
    // GIVEN
    var o = check.evaluate(snapshot().acls(acl("acl-1",
        inbound(100, "-1", true, "0.0.0.0/0", null, null), IMPLICIT_DENY)).build(), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("network ACL acl-1 (vpc-1, 2 subnets): allows inbound port 22 from 0.0.0.0/0"
        + " (rule 100) and port 3389 from 0.0.0.0/0 (rule 100)", o.reason());
  }

  @Test
  void evaluate_passes_whenLowerNumberedDenyEntriesComeFirst() {
    // GIVEN denies at 10 and 20 (TCP), before the allow-all at 100; IPv6 only allows HTTPS
    var snapshot = snapshot().acls(acl("acl-2",
        inbound(100, "-1", true, "0.0.0.0/0", null, null),
        inbound(10, "6", false, "0.0.0.0/0", 22, 22),
        inbound(20, "6", false, "0.0.0.0/0", 3389, 3389),
        inbound(30, "6", true, "::/0", 443, 443), IMPLICIT_DENY)).build();
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("network ACL acl-2 (vpc-1, 2 subnets): denies inbound port 22 and 3389 from the"
        + " internet", o.reason());
  }

  @Test
  void evaluate_fails_whenAnAllowPrecedesTheDeny_orComesFromIpv6() {
    var snapshot = snapshot().acls(acl("acl-3",
        inbound(5, "6", true, "0.0.0.0/0", 0, 1024),
        inbound(10, "6", false, "0.0.0.0/0", 22, 22),
        inbound(40, "-1", true, "::/0", null, null))).build();
    var o = check.evaluate(snapshot, TARGET).get(0);
    assertEquals("network ACL acl-3 (vpc-1, 2 subnets): allows inbound port 22 from 0.0.0.0/0"
        + " (rule 5), port 22 from ::/0 (rule 40) and port 3389 from ::/0 (rule 40)",
        o.reason());
  }

  @Test
  void evaluate_ignoresNarrowCidrsUdpAndOutbound() {
    // GIVEN allows only from a private range, UDP from anywhere, and an outbound allow-all
    var snapshot = snapshot().acls(acl("acl-4",
        inbound(10, "6", true, "10.0.0.0/8", 22, 22),
        inbound(20, "17", true, "0.0.0.0/0", null, null),
        new Ec2Snapshot.AclEntry(30, true, "-1", true, "0.0.0.0/0", null, null),
        IMPLICIT_DENY), acl("acl-5", inbound(1, "-1", true, "0.0.0.0/0", null, null))).build();
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
  }
}
