package io.vigil.checks.ec2;

import static io.vigil.checks.ec2.Ec2Fixtures.TARGET;
import static io.vigil.checks.ec2.Ec2Fixtures.instance;
import static io.vigil.checks.ec2.Ec2Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ec2InstanceImdsv2RequiredCheckTest {

  private final Ec2InstanceImdsv2RequiredCheck check = new Ec2InstanceImdsv2RequiredCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoInstance() {
    assertEquals(List.of(), check.evaluate(snapshot().build(), TARGET));
  }

  @Test
  void evaluate_passes_whenTokensAreRequired() {
    // GIVEN
    var i = new Ec2Snapshot.Instance("i-1", Ec2Fixtures.OWN + "instance/i-1", "web", "running",
        "required", "enabled", "");
    // WHEN
    var o = check.evaluate(snapshot().instances(i).build(), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("arn:aws:ec2:eu-west-1:123456789012:instance/i-1", o.resourceArn());
    assertEquals("instance i-1 (web): IMDSv2 session tokens are required", o.reason());
    assertEquals("required", o.evidence().get("HttpTokens"));
  }

  @Test
  void evaluate_fails_whenTokensAreOptional() {
    var o = check.evaluate(snapshot().instances(instance("i-2", "optional", "enabled", ""))
        .build(), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("instance i-2: IMDSv1 is allowed (HttpTokens optional)", o.reason());
  }

  @Test
  void evaluate_passes_whenMetadataEndpointIsDisabled_evenWithOptionalTokens() {
    var o = check.evaluate(snapshot().instances(instance("i-3", "optional", "disabled", ""))
        .build(), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("instance i-3: the instance metadata endpoint is disabled", o.reason());
  }

  @Test
  void evaluate_judgesEveryInstance_andFailsWhenOptionsAreUnknown() {
    // GIVEN
    var snapshot = snapshot().instances(instance("i-a", "required", "enabled", ""),
        instance("i-b", null, null, ""), instance("i-c", "optional", "enabled", "")).build();
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
    assertEquals("instance i-b: IMDSv1 is allowed (HttpTokens unknown)",
        observations.get(1).reason());
  }
}
