package io.vigil.checks.ec2;

import static io.vigil.checks.ec2.Ec2Fixtures.TARGET;
import static io.vigil.checks.ec2.Ec2Fixtures.group;
import static io.vigil.checks.ec2.Ec2Fixtures.snapshot;
import static io.vigil.checks.ec2.Ec2Fixtures.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ec2SecuritygroupDefaultRestrictsAllTrafficCheckTest {

  private static final Ec2Snapshot.IngressRule SELF = new Ec2Snapshot.IngressRule("-1", null,
      null, List.of(), List.of(), List.of("sg-def"));
  private static final Ec2Snapshot.IngressRule ANYWHERE = new Ec2Snapshot.IngressRule("-1", null,
      null, List.of("0.0.0.0/0"), List.of());

  private final Ec2SecuritygroupDefaultRestrictsAllTrafficCheck check =
      new Ec2SecuritygroupDefaultRestrictsAllTrafficCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoSecurityGroup() {
    assertEquals(List.of(), check.evaluate(snapshot().build(), TARGET));
  }

  @Test
  void evaluate_omitsGroupsThatAreNotTheDefault() {
    var web = group("sg-web", "web", List.of(tcp(443, 443, "0.0.0.0/0")), List.of(ANYWHERE));
    assertEquals(List.of(), check.evaluate(snapshot().groups(web).build(), TARGET));
  }

  @Test
  void evaluate_passes_forAnEmptyDefaultGroup() {
    var o = check.evaluate(snapshot().groups(group("sg-def", "default", List.of(), List.of()))
        .build(), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("default security group sg-def (default) of vpc-1: has no inbound or outbound"
        + " rule", o.reason());
  }

  @Test
  void evaluate_fails_forTheOutOfTheBoxRules_countingGroupReferences() {
    // GIVEN the rules AWS creates: inbound from the group itself, outbound anywhere
    var o = check.evaluate(snapshot().groups(group("sg-def", "default", List.of(SELF),
        List.of(ANYWHERE))).build(), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("default security group sg-def (default) of vpc-1: has 1 inbound and 1 outbound"
        + " rules", o.reason());
    assertEquals(1, o.evidence().get("inboundRuleCount"));
  }

  @Test
  void evaluate_fails_forOutboundOnly_withSingularWording() {
    var o = check.evaluate(snapshot().groups(group("sg-d2", "default", List.of(),
        List.of(ANYWHERE))).build(), TARGET).get(0);
    assertEquals("default security group sg-d2 (default) of vpc-1: has 1 outbound rule",
        o.reason());
  }
}
