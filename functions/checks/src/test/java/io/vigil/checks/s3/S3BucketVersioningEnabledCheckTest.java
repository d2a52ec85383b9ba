package io.vigil.checks.s3;

import static io.vigil.checks.s3.S3Fixtures.ALL_BLOCKED;
import static io.vigil.checks.s3.S3Fixtures.TARGET;
import static io.vigil.checks.s3.S3Fixtures.bucket;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3BucketVersioningEnabledCheckTest {

  private final S3BucketVersioningEnabledCheck check = new S3BucketVersioningEnabledCheck();

  @Test
  void evaluate_returnsNothing_whenAccountHasNoBucket() {
    assertEquals(List.of(), check.evaluate(S3Fixtures.snapshot(), TARGET));
  }

  @Test
  void evaluate_passes_whenVersioningIsEnabled() {
    // GIVEN
    var snapshot = S3Fixtures.snapshot(withVersioning("acme-v", Lookup.found("Enabled")));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("Enabled", o.evidence().get("versioning"));
  }

  @Test
  void evaluate_fails_whenVersioningIsSuspended() {
    // GIVEN
    var snapshot = S3Fixtures.snapshot(withVersioning("acme-s", Lookup.found("Suspended")));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("bucket acme-s: versioning is Suspended", o.reason());
  }

  @Test
  void evaluate_fails_whenVersioningWasNeverEnabled() {
    // GIVEN
    var snapshot = S3Fixtures.snapshot(withVersioning("acme-n", Lookup.absent()));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("bucket acme-n: versioning was never enabled", o.reason());
    assertEquals("NeverEnabled", o.evidence().get("versioning"));
  }

  @Test
  void evaluate_errorsForOneBucket_andJudgesTheOthers() {
    // GIVEN
    var snapshot = S3Fixtures.snapshot(
        withVersioning("acme-1", Lookup.failed("GetBucketVersioning failed: AccessDenied")),
        withVersioning("acme-2", Lookup.found("Enabled")));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.ERROR, CheckStatus.PASS),
        observations.stream().map(Observation::status).toList());
  }

  private static S3Snapshot.Bucket withVersioning(String name, Lookup<String> versioning) {
    return bucket(name, Lookup.found(ALL_BLOCKED), Lookup.found("AES256"), versioning);
  }
}
