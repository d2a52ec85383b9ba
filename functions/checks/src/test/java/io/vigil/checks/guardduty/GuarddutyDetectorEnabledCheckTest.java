package io.vigil.checks.guardduty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuarddutyDetectorEnabledCheckTest {

  static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  static final String SCOPE = "arn:aws:guardduty:eu-west-1:123456789012:*";

  private final GuarddutyDetectorEnabledCheck check = new GuarddutyDetectorEnabledCheck();

  static GuardDutySnapshot.Detector detector(String id, Lookup<GuardDutySnapshot.Settings> s) {
    return new GuardDutySnapshot.Detector(id,
        "arn:aws:guardduty:eu-west-1:123456789012:detector/" + id, s);
  }

  static Lookup<GuardDutySnapshot.Settings> settings(String status, String s3) {
    return Lookup.found(new GuardDutySnapshot.Settings(status, "SIX_HOURS", s3));
  }

  @Test
  void evaluate_fails_whenRegionHasNoDetector() {
    var o = check.evaluate(new GuardDutySnapshot(List.of()), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals(SCOPE, o.resourceArn());
    assertEquals("region eu-west-1: GuardDuty has no detector", o.reason());
  }

  @Test
  void evaluate_passes_whenDetectorIsEnabled() {
    var o = check.evaluate(new GuardDutySnapshot(List.of(
        detector("d1", settings("ENABLED", "ENABLED")))), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("region eu-west-1: GuardDuty detector d1 is enabled", o.reason());
    assertEquals(List.of("d1"), o.evidence().get("EnabledDetectors"));
  }

  @Test
  void evaluate_fails_whenDetectorIsSuspended() {
    var o = check.evaluate(new GuardDutySnapshot(List.of(
        detector("d1", settings("DISABLED", null)))), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("region eu-west-1: GuardDuty detector d1 is suspended", o.reason());
  }

  @Test
  void evaluate_errors_whenNoDetectorIsKnownEnabled_andOneCouldNotBeRead() {
    var unreadable = detector("dx", Lookup.failed("GetDetector failed: AccessDenied"));
    var suspended = detector("d2", settings("DISABLED", null));
    var o = check.evaluate(new GuardDutySnapshot(List.of(suspended, unreadable)), TARGET).get(0);
    assertEquals(CheckStatus.ERROR, o.status());
    assertEquals("region eu-west-1: detector dx: GetDetector failed: AccessDenied", o.reason());
    // an enabled detector wins over an unreadable one
    var enabled = detector("d3", settings("ENABLED", null));
    assertEquals(CheckStatus.PASS, check.evaluate(
        new GuardDutySnapshot(List.of(unreadable, enabled)), TARGET).get(0).status());
  }
}
