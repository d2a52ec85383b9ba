package io.vigil.checks.s3;

import static io.vigil.checks.s3.S3Fixtures.TARGET;
import static io.vigil.checks.s3.S3Fixtures.compliant;
import static io.vigil.checks.s3.S3Fixtures.snapshot;
import static io.vigil.checks.s3.S3Fixtures.withObjectLock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3BucketObjectLockEnabledCheckTest {

  private final S3BucketObjectLockEnabledCheck check = new S3BucketObjectLockEnabledCheck();

  @Test
  void evaluate_returnsNothing_whenAccountHasNoBucket() {
    assertEquals(List.of(), check.evaluate(snapshot(), TARGET));
  }

  @Test
  void evaluate_passes_withTheDefaultRetentionInTheReason() {
    // GIVEN
    var b = withObjectLock(compliant("acme-vault"),
        Lookup.found(new S3Snapshot.ObjectLock(true, "COMPLIANCE", 0, 7)));
    // WHEN
    var o = check.evaluate(snapshot(b), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("bucket acme-vault: Object Lock is enabled (default retention COMPLIANCE 7 years)",
        o.reason());
    assertEquals(7, o.evidence().get("defaultRetentionYears"));
    assertEquals(true, o.evidence().get("objectLockEnabled"));
  }

  @Test
  void evaluate_passes_whenEnabledWithoutDefaultRule() {
    var b = withObjectLock(compliant("acme-lock"),
        Lookup.found(new S3Snapshot.ObjectLock(true, "", 0, 0)));
    var o = check.evaluate(snapshot(b), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("bucket acme-lock: Object Lock is enabled (no default retention)", o.reason());
    assertEquals("none", o.evidence().get("defaultRetentionMode"));
  }

  @Test
  void evaluate_fails_whenBucketHasNoObjectLockConfiguration() {
    // GIVEN
    var b = withObjectLock(compliant("acme-plain"), Lookup.absent());
    // WHEN
    var o = check.evaluate(snapshot(b), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("bucket acme-plain: Object Lock is not enabled", o.reason());
    assertEquals(false, o.evidence().get("objectLockEnabled"));
  }

  @Test
  void evaluate_judgesEachBucket_andErrorsOnlyForTheUnreadableOne() {
    // GIVEN
    var snapshot = snapshot(
        withObjectLock(compliant("acme-1"), Lookup.failed("GetObjectLockConfiguration failed: X")),
        withObjectLock(compliant("acme-2"),
            Lookup.found(new S3Snapshot.ObjectLock(true, "GOVERNANCE", 30, 0))));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.ERROR, CheckStatus.PASS),
        observations.stream().map(Observation::status).toList());
    assertEquals("bucket acme-2: Object Lock is enabled (default retention GOVERNANCE 30 days)",
        observations.get(1).reason());
  }
}
