package io.vigil.checks.cloudtrail;

import static io.vigil.checks.cloudtrail.CloudTrailFixtures.TARGET;
import static io.vigil.checks.cloudtrail.CloudTrailFixtures.trail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudtrailTrailLogFileValidationEnabledCheckTest {

  private final CloudtrailTrailLogFileValidationEnabledCheck check =
      new CloudtrailTrailLogFileValidationEnabledCheck();

  @Test
  void evaluate_returnsNothing_whenAccountHasNoTrail() {
    assertEquals(List.of(), check.evaluate(new CloudTrailSnapshot(List.of()), TARGET));
  }

  @Test
  void evaluate_judgesEveryTrail() {
    // GIVEN
    var snapshot = new CloudTrailSnapshot(List.of(trail("validated", true, "", ""),
        trail("regional", false, "", "")));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
    assertEquals("trail validated (home eu-west-1): log file validation is enabled",
        observations.get(0).reason());
    assertEquals("trail regional (home eu-west-1): log file validation is disabled",
        observations.get(1).reason());
    assertEquals(false, observations.get(1).evidence().get("logFileValidation"));
  }
}
