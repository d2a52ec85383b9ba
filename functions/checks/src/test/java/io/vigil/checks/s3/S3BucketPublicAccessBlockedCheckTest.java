package io.vigil.checks.s3;

import static io.vigil.checks.s3.S3Fixtures.ALL_BLOCKED;
import static io.vigil.checks.s3.S3Fixtures.TARGET;
import static io.vigil.checks.s3.S3Fixtures.bucket;
import static io.vigil.checks.s3.S3Fixtures.compliant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3BucketPublicAccessBlockedCheckTest {

  private final S3BucketPublicAccessBlockedCheck check = new S3BucketPublicAccessBlockedCheck();

  @Test
  void evaluate_returnsNothing_whenAccountHasNoBucket() {
    // GIVEN no bucket WHEN evaluated THEN nothing is observed
    assertEquals(List.of(), check.evaluate(S3Fixtures.snapshot(), TARGET));
  }

  @Test
  void evaluate_passes_whenAllFourFlagsAreOn() {
    // GIVEN
    var snapshot = S3Fixtures.snapshot(compliant("acme-data"));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("arn:aws:s3:::acme-data", o.resourceArn());
    assertEquals(true, o.evidence().get("RestrictPublicBuckets"));
    assertEquals("eu-west-1", o.evidence().get("bucketRegion"));
  }

  @Test
  void evaluate_fails_whenTwoFlagsAreOff_andNamesThem() {
    // GIVEN
    var block = S3Snapshot.PublicAccessBlock.of(false, true, true, false);
    var snapshot = S3Fixtures.snapshot(bucket("acme-logs", Lookup.found(block),
        Lookup.found("AES256"), Lookup.found("Enabled")));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("bucket acme-logs: BlockPublicAcls and RestrictPublicBuckets are off", o.reason());
    assertEquals(false, o.evidence().get("BlockPublicAcls"));
    assertEquals(true, o.evidence().get("IgnorePublicAcls"));
    assertEquals(true, o.evidence().get("publicAccessBlockConfigured"));
  }

  @Test
  void evaluate_fails_whenOnlyOneFlagIsOff() {
    // GIVEN
    var block = S3Snapshot.PublicAccessBlock.of(true, true, false, true);
    var snapshot = S3Fixtures.snapshot(bucket("acme-one", Lookup.found(block),
        Lookup.found("AES256"), Lookup.found("Enabled")));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("bucket acme-one: BlockPublicPolicy is off", o.reason());
  }

  @Test
  void evaluate_fails_whenBucketHasNoConfiguration() {
    // GIVEN
    var snapshot = S3Fixtures.snapshot(bucket("acme-open",
        Lookup.found(S3Snapshot.PublicAccessBlock.NONE), Lookup.absent(), Lookup.absent()));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("bucket acme-open: has no Block Public Access configuration", o.reason());
    assertEquals(false, o.evidence().get("publicAccessBlockConfigured"));
  }

  @Test
  void evaluate_errorsForOneBucket_whenItsConfigurationCouldNotBeRead() {
    // GIVEN one readable compliant bucket, one denied, one open
    var denied = bucket("acme-denied", Lookup.failed("GetPublicAccessBlock failed: AccessDenied"),
        Lookup.found("AES256"), Lookup.found("Enabled"));
    var open = bucket("acme-open", Lookup.found(S3Snapshot.PublicAccessBlock.NONE),
        Lookup.absent(), Lookup.absent());
    var snapshot = S3Fixtures.snapshot(compliant("acme-ok"), denied, open);
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.ERROR, CheckStatus.FAIL),
        observations.stream().map(o -> o.status()).toList());
    var error = observations.get(1);
    assertEquals("arn:aws:s3:::acme-denied", error.resourceArn());
    assertTrue(error.reason().contains("AccessDenied"), error.reason());
  }

  @Test
  void evaluate_omitsBucketRegion_whenItCouldNotBeRead() {
    // GIVEN
    var b = new S3Snapshot.Bucket("acme-x", "arn:aws:s3:::acme-x", Lookup.failed("denied"),
        Lookup.found(ALL_BLOCKED), Lookup.absent(), Lookup.absent(), Lookup.absent(),
        Lookup.found(List.of()), Lookup.absent(), Lookup.absent());
    // WHEN
    var o = check.evaluate(S3Fixtures.snapshot(b), TARGET).get(0);
    // THEN the bucket is still judged
    assertEquals(CheckStatus.PASS, o.status());
    assertTrue(!o.evidence().containsKey("bucketRegion"));
  }
}
