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

class S3BucketDefaultEncryptionEnabledCheckTest {

  private final S3BucketDefaultEncryptionEnabledCheck check =
      new S3BucketDefaultEncryptionEnabledCheck();

  @Test
  void evaluate_returnsNothing_whenAccountHasNoBucket() {
    assertEquals(List.of(), check.evaluate(S3Fixtures.snapshot(), TARGET));
  }

  @Test
  void evaluate_passes_whenBucketHasDefaultEncryption() {
    // GIVEN
    var snapshot = S3Fixtures.snapshot(withEncryption("acme-kms", Lookup.found("aws:kms")));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("bucket acme-kms: new objects are encrypted by default with aws:kms", o.reason());
    assertEquals("aws:kms", o.evidence().get("defaultEncryption"));
  }

  @Test
  void evaluate_fails_whenBucketHasNoDefaultEncryption() {
    // GIVEN
    var snapshot = S3Fixtures.snapshot(withEncryption("acme-plain", Lookup.absent()));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("bucket acme-plain: has no default encryption configuration", o.reason());
    assertEquals("none", o.evidence().get("defaultEncryption"));
  }

  @Test
  void evaluate_judgesEachBucket_andErrorsOnlyForTheUnreadableOne() {
    // GIVEN
    var snapshot = S3Fixtures.snapshot(
        withEncryption("acme-a", Lookup.found("AES256")),
        withEncryption("acme-b", Lookup.failed("GetBucketEncryption failed: AccessDenied")),
        withEncryption("acme-c", Lookup.absent()));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.ERROR, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
    assertEquals("bucket acme-b: GetBucketEncryption failed: AccessDenied",
        observations.get(1).reason());
  }

  private static S3Snapshot.Bucket withEncryption(String name, Lookup<String> encryption) {
    return bucket(name, Lookup.found(ALL_BLOCKED), encryption, Lookup.found("Enabled"));
  }
}
