package io.vigil.checks.ec2;

import static io.vigil.checks.ec2.Ec2Fixtures.TARGET;
import static io.vigil.checks.ec2.Ec2Fixtures.instance;
import static io.vigil.checks.ec2.Ec2Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ec2InstanceNoPublicIpCheckTest {

  private final Ec2InstanceNoPublicIpCheck check = new Ec2InstanceNoPublicIpCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoInstance() {
    assertEquals(List.of(), check.evaluate(snapshot().build(), TARGET));
  }

  @Test
  void evaluate_passes_forAPrivateInstance() {
    var o = check.evaluate(snapshot().instances(instance("i-1", "required", "enabled", null))
        .build(), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("instance i-1: has no public IPv4 address", o.reason());
    assertEquals("none", o.evidence().get("publicIp"));
  }

  @Test
  void evaluate_fails_andNamesTheAddress() {
    var o = check.evaluate(snapshot().instances(instance("i-2", "required", "enabled",
        "203.0.113.7")).build(), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("instance i-2: has public IPv4 address 203.0.113.7", o.reason());
    assertEquals("203.0.113.7", o.evidence().get("publicIp"));
  }

  @Test
  void evaluate_judgesEveryInstance() {
    var observations = check.evaluate(snapshot().instances(
        instance("i-a", "required", "enabled", "198.51.100.1"),
        instance("i-b", "required", "enabled", "")).build(), TARGET);
    assertEquals(List.of(CheckStatus.FAIL, CheckStatus.PASS),
        observations.stream().map(Observation::status).toList());
  }
}
