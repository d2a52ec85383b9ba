package io.vigil.checks.cloudwatch;

import static io.vigil.checks.cloudwatch.CloudwatchLogGroupRetention365DaysCheckTest.TARGET;
import static io.vigil.checks.cloudwatch.CloudwatchLogGroupRetention365DaysCheckTest.group;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudwatchLogGroupKmsEncryptedCheckTest {

  private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/logs";

  private final CloudwatchLogGroupKmsEncryptedCheck check =
      new CloudwatchLogGroupKmsEncryptedCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoLogGroup() {
    assertEquals(List.of(), check.evaluate(new CloudWatchSnapshot(List.of()), TARGET));
  }

  @Test
  void evaluate_passesWithKey_andFailsWithoutOrWithBlankKey() {
    // GIVEN
    var snapshot = new CloudWatchSnapshot(List.of(group("/a", 365, KEY), group("/b", 365, null),
        group("/c", 365, " ")));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
    assertEquals("log group /a: encrypted with KMS key " + KEY, observations.get(0).reason());
    assertEquals(KEY, observations.get(0).evidence().get("KmsKeyId"));
    assertEquals("log group /b: not encrypted with a KMS key (service-managed encryption only)",
        observations.get(1).reason());
    assertEquals(false, observations.get(1).evidence().containsKey("KmsKeyId"));
  }
}
