package io.vigil.checks.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudtrailMultiRegionTrailEnabledCheckTest {

  private static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  private static final String SCOPE = "arn:aws:cloudtrail::123456789012:*";

  private final CloudtrailMultiRegionTrailEnabledCheck check =
      new CloudtrailMultiRegionTrailEnabledCheck();

  @Test
  void evaluate_fails_whenAccountHasNoTrail() {
    // GIVEN
    var snapshot = new CloudTrailSnapshot(List.of());
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN the absence itself is the finding
    assertEquals(1, observations.size());
    var o = observations.get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals(SCOPE, o.resourceArn());
    assertEquals("account 123456789012: has no multi-region trail (no trail at all)", o.reason());
  }

  @Test
  void evaluate_fails_whenOnlySingleRegionTrailsExist() {
    // GIVEN
    var regional = trail("regional", false, true, Lookup.found(true));
    // WHEN
    var o = check.evaluate(new CloudTrailSnapshot(List.of(regional)), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("account 123456789012: has no multi-region trail", o.reason());
    assertEquals(1, o.evidence().get("trailCount"));
  }

  @Test
  void evaluate_passes_whenMultiRegionTrailLogsWithValidation() {
    // GIVEN a shadow trail whose home is another region
    var org = new CloudTrailSnapshot.Trail("org", "arn:aws:cloudtrail:us-east-1:123456789012:"
        + "trail/org", "us-east-1", true, true, true, Lookup.found(true), "", "", "logs");
    // WHEN
    var o = check.evaluate(new CloudTrailSnapshot(List.of(org)), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("account 123456789012: multi-region trail org is logging with log file"
        + " validation", o.reason());
    @SuppressWarnings("unchecked")
    var trails = (List<Map<String, Object>>) o.evidence().get("multiRegionTrails");
    assertEquals("us-east-1", trails.get(0).get("homeRegion"));
    assertEquals(true, trails.get(0).get("logging"));
  }

  @Test
  void evaluate_fails_whenMultiRegionTrailsAreStoppedOrUnvalidated() {
    // GIVEN
    var stopped = trail("stopped", true, true, Lookup.found(false));
    var unvalidated = trail("unvalidated", true, false, Lookup.found(true));
    // WHEN
    var o = check.evaluate(new CloudTrailSnapshot(List.of(stopped, unvalidated)), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("account 123456789012: no multi-region trail is both logging and validating log"
        + " files (stopped: not logging; unvalidated: no log file validation)", o.reason());
  }

  @Test
  void evaluate_passes_whenOneTrailQualifiesAndAnotherIsUnreadable() {
    // GIVEN
    var denied = trail("denied", true, true, Lookup.failed("GetTrailStatus failed: AccessDenied"));
    var good = trail("good", true, true, Lookup.found(true));
    // WHEN
    var o = check.evaluate(new CloudTrailSnapshot(List.of(denied, good)), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
  }

  @Test
  void evaluate_errors_whenNoTrailQualifiesAndAStatusCouldNotBeRead() {
    // GIVEN
    var denied = trail("denied", true, true, Lookup.failed("GetTrailStatus failed: AccessDenied"));
    var stopped = trail("stopped", true, true, Lookup.found(false));
    // WHEN
    var o = check.evaluate(new CloudTrailSnapshot(List.of(stopped, denied)), TARGET).get(0);
    // THEN it is never reported as a plain FAIL or a PASS
    assertEquals(CheckStatus.ERROR, o.status());
    assertTrue(o.reason().contains("trail denied could not be read"), o.reason());
    assertEquals("GetTrailStatus failed: AccessDenied", o.evidence().get("error"));
  }

  private static CloudTrailSnapshot.Trail trail(
      String name, boolean multiRegion, boolean validation, Lookup<Boolean> logging) {
    return new CloudTrailSnapshot.Trail(name, "arn:aws:cloudtrail:eu-west-1:123456789012:trail/"
        + name, "eu-west-1", multiRegion, false, validation, logging, "", "", "logs");
  }
}
