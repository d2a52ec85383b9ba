package io.vigil.checks.s3;

import static io.vigil.checks.s3.S3Fixtures.ALL_BLOCKED;
import static io.vigil.checks.s3.S3Fixtures.TARGET;
import static io.vigil.checks.s3.S3Fixtures.compliant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3AccountPublicAccessBlockedCheckTest {

  private static final String SCOPE = "arn:aws:s3::123456789012:*";

  private final S3AccountPublicAccessBlockedCheck check = new S3AccountPublicAccessBlockedCheck();

  @Test
  void evaluate_judgesTheAccount_evenWithoutBuckets() {
    // GIVEN
    var snapshot = new S3Snapshot(Lookup.found(ALL_BLOCKED), List.of());
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(1, observations.size());
    var o = observations.get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals(SCOPE, o.resourceArn());
    assertEquals("account 123456789012: all four account-level Block Public Access settings are on",
        o.reason());
    assertEquals(true, o.evidence().get("RestrictPublicBuckets"));
  }

  @Test
  void evaluate_fails_whenAccountHasNoConfiguration() {
    // GIVEN
    var snapshot = new S3Snapshot(Lookup.found(S3Snapshot.PublicAccessBlock.NONE),
        List.of(compliant("acme-a"), compliant("acme-b")));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN one observation, whatever the buckets
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("account 123456789012: has no account-level Block Public Access configuration",
        o.reason());
    assertEquals(false, o.evidence().get("publicAccessBlockConfigured"));
  }

  @Test
  void evaluate_fails_andNamesTheFlagsThatAreOff() {
    // GIVEN
    var snapshot = new S3Snapshot(
        Lookup.found(S3Snapshot.PublicAccessBlock.of(true, false, true, false)), List.of());
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("account 123456789012: account-level IgnorePublicAcls and RestrictPublicBuckets"
        + " are off", o.reason());
  }

  @Test
  void evaluate_fails_withSingularWording_whenOneFlagIsOff() {
    var snapshot = new S3Snapshot(
        Lookup.found(S3Snapshot.PublicAccessBlock.of(true, true, false, true)), List.of());
    assertEquals("account 123456789012: account-level BlockPublicPolicy is off",
        check.evaluate(snapshot, TARGET).get(0).reason());
  }

  @Test
  void evaluate_errors_whenTheSettingCouldNotBeRead() {
    // GIVEN
    var snapshot = new S3Snapshot(
        Lookup.failed("GetPublicAccessBlock (account) failed: AccessDenied"), List.of());
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.ERROR, o.status());
    assertEquals("account 123456789012: GetPublicAccessBlock (account) failed: AccessDenied",
        o.reason());
  }
}
