package io.vigil.checks.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudwatchLogGroupRetention365DaysCheckTest {

  static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");

  private final CloudwatchLogGroupRetention365DaysCheck check =
      new CloudwatchLogGroupRetention365DaysCheck();

  static CloudWatchSnapshot.LogGroup group(String name, Integer days, String key) {
    return new CloudWatchSnapshot.LogGroup(name,
        "arn:aws:logs:eu-west-1:123456789012:log-group:" + name, days, key);
  }

  @Test
  void evaluate_returnsNothing_whenRegionHasNoLogGroup() {
    assertEquals(List.of(), check.evaluate(new CloudWatchSnapshot(List.of()), TARGET));
  }

  @Test
  void evaluate_passes_fromOneYear_andWhenEventsNeverExpire() {
    // GIVEN
    var snapshot = new CloudWatchSnapshot(List.of(group("/app/a", 365, null),
        group("/app/b", 3653, null), group("/app/c", null, null)));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.PASS, CheckStatus.PASS),
        observations.stream().map(Observation::status).toList());
    assertEquals("log group /app/a: events are kept for 365 days", observations.get(0).reason());
    assertEquals("log group /app/c: events never expire", observations.get(2).reason());
    assertEquals("NEVER_EXPIRE", observations.get(2).evidence().get("RetentionInDays"));
  }

  @Test
  void evaluate_fails_belowOneYear() {
    var observations = check.evaluate(new CloudWatchSnapshot(List.of(group("/aws/lambda/f", 30,
        null), group("/x", 1, null))), TARGET);
    assertEquals(CheckStatus.FAIL, observations.get(0).status());
    assertEquals("log group /aws/lambda/f: events are kept for only 30 days (minimum 365)",
        observations.get(0).reason());
    assertEquals(30, observations.get(0).evidence().get("RetentionInDays"));
    assertEquals("log group /x: events are kept for only 1 day (minimum 365)",
        observations.get(1).reason());
    assertEquals("arn:aws:logs:eu-west-1:123456789012:log-group:/x",
        observations.get(1).resourceArn());
  }
}
