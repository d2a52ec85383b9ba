package io.vigil.checks.guardduty;

import static io.vigil.checks.guardduty.GuarddutyDetectorEnabledCheckTest.TARGET;
import static io.vigil.checks.guardduty.GuarddutyDetectorEnabledCheckTest.detector;
import static io.vigil.checks.guardduty.GuarddutyDetectorEnabledCheckTest.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuarddutyDetectorS3ProtectionEnabledCheckTest {

  private final GuarddutyDetectorS3ProtectionEnabledCheck check =
      new GuarddutyDetectorS3ProtectionEnabledCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoDetector() {
    assertEquals(List.of(), check.evaluate(new GuardDutySnapshot(List.of()), TARGET));
  }

  @Test
  void evaluate_passes_whenS3ProtectionIsEnabled() {
    var o = check.evaluate(new GuardDutySnapshot(List.of(
        detector("d1", settings("ENABLED", "ENABLED")))), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("arn:aws:guardduty:eu-west-1:123456789012:detector/d1", o.resourceArn());
    assertEquals("GuardDuty detector d1: S3 Protection is enabled", o.reason());
  }

  @Test
  void evaluate_fails_whenDisabledOrNotReported() {
    var observations = check.evaluate(new GuardDutySnapshot(List.of(
        detector("d1", settings("ENABLED", "DISABLED")),
        detector("d2", settings("ENABLED", null)))), TARGET);
    assertEquals("GuardDuty detector d1: S3 Protection is disabled",
        observations.get(0).reason());
    assertEquals(CheckStatus.FAIL, observations.get(1).status());
    assertEquals("NOT_REPORTED", observations.get(1).evidence().get("S3DataEvents"));
  }

  @Test
  void evaluate_isNotApplicableWhenSuspended_andErrorsWhenUnreadable() {
    var observations = check.evaluate(new GuardDutySnapshot(List.of(
        detector("d1", settings("DISABLED", "ENABLED")),
        detector("d2", Lookup.failed("GetDetector failed: AccessDenied")))), TARGET);
    assertEquals(List.of(CheckStatus.NOT_APPLICABLE, CheckStatus.ERROR),
        observations.stream().map(Observation::status).toList());
    assertEquals("GuardDuty detector d1: detector is suspended", observations.get(0).reason());
  }
}
