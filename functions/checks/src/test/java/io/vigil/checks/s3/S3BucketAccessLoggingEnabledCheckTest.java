package io.vigil.checks.s3;

import static io.vigil.checks.s3.S3Fixtures.TARGET;
import static io.vigil.checks.s3.S3Fixtures.compliant;
import static io.vigil.checks.s3.S3Fixtures.snapshot;
import static io.vigil.checks.s3.S3Fixtures.withLogging;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3BucketAccessLoggingEnabledCheckTest {

  private final S3BucketAccessLoggingEnabledCheck check = new S3BucketAccessLoggingEnabledCheck();

  @Test
  void evaluate_returnsNothing_whenAccountHasNoBucket() {
    assertEquals(List.of(), check.evaluate(snapshot(), TARGET));
  }

  @Test
  void evaluate_passes_whenLogsGoToATargetBucket() {
    // GIVEN
    var b = withLogging(compliant("acme-data"), Lookup.found("acme-logs"));
    // WHEN
    var o = check.evaluate(snapshot(b), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("bucket acme-data: server access logs go to bucket acme-logs", o.reason());
    assertEquals("acme-logs", o.evidence().get("accessLoggingTargetBucket"));
    assertEquals("eu-west-1", o.evidence().get("bucketRegion"));
  }

  @Test
  void evaluate_fails_whenLoggingIsOff() {
    // GIVEN
    var b = withLogging(compliant("acme-quiet"), Lookup.absent());
    // WHEN
    var o = check.evaluate(snapshot(b), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("bucket acme-quiet: server access logging is off", o.reason());
    assertEquals("none", o.evidence().get("accessLoggingTargetBucket"));
  }

  @Test
  void evaluate_judgesEachBucket_andErrorsOnlyForTheUnreadableOne() {
    // GIVEN
    var snapshot = snapshot(
        withLogging(compliant("acme-1"), Lookup.found("acme-logs")),
        withLogging(compliant("acme-2"), Lookup.failed("GetBucketLogging failed: AccessDenied")),
        withLogging(compliant("acme-3"), Lookup.absent()));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.ERROR, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
    assertEquals("bucket acme-2: GetBucketLogging failed: AccessDenied",
        observations.get(1).reason());
  }
}
