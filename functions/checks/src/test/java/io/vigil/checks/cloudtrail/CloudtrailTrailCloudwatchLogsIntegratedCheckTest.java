package io.vigil.checks.cloudtrail;

import static io.vigil.checks.cloudtrail.CloudTrailFixtures.TARGET;
import static io.vigil.checks.cloudtrail.CloudTrailFixtures.trail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudtrailTrailCloudwatchLogsIntegratedCheckTest {

  private static final String GROUP =
      "arn:aws:logs:eu-west-1:123456789012:log-group:cloudtrail/main:*";

  private final CloudtrailTrailCloudwatchLogsIntegratedCheck check =
      new CloudtrailTrailCloudwatchLogsIntegratedCheck();

  @Test
  void evaluate_returnsNothing_whenAccountHasNoTrail() {
    assertEquals(List.of(), check.evaluate(new CloudTrailSnapshot(List.of()), TARGET));
  }

  @Test
  void evaluate_passesIntegrated_andFailsS3OnlyTrails() {
    // GIVEN
    var snapshot = new CloudTrailSnapshot(List.of(trail("main", true, "", GROUP),
        trail("s3only", true, "", null)));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
    assertEquals("trail main (home eu-west-1): delivers events to " + GROUP,
        observations.get(0).reason());
    assertEquals("trail s3only (home eu-west-1): delivers no events to CloudWatch Logs",
        observations.get(1).reason());
    assertEquals("none", observations.get(1).evidence().get("cloudWatchLogsLogGroupArn"));
  }
}
