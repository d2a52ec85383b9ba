package io.vigil.checks.s3;

import static io.vigil.checks.s3.S3Fixtures.TARGET;
import static io.vigil.checks.s3.S3Fixtures.compliant;
import static io.vigil.checks.s3.S3Fixtures.open;
import static io.vigil.checks.s3.S3Fixtures.snapshot;
import static io.vigil.checks.s3.S3Fixtures.withBlock;
import static io.vigil.checks.s3.S3Fixtures.withPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3BucketPolicyNotPublicCheckTest {

  static final String PUBLIC_READ = "{\"Statement\":[{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\","
      + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
  static final String ORG_ONLY = "{\"Statement\":[{\"Sid\":\"Org\",\"Effect\":\"Allow\","
      + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\","
      + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}}]}";

  private final S3BucketPolicyNotPublicCheck check = new S3BucketPolicyNotPublicCheck();

  @Test
  void evaluate_returnsNothing_whenAccountHasNoBucket() {
    assertEquals(List.of(), check.evaluate(snapshot(), TARGET));
  }

  @Test
  void evaluate_passes_whenBucketHasNoPolicyOrOnlyARestrictedOne() {
    // GIVEN
    var snapshot = snapshot(open("acme-none"), withPolicy(open("acme-org"), ORG_ONLY));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.PASS),
        observations.stream().map(Observation::status).toList());
    assertEquals("bucket acme-none: has no bucket policy", observations.get(0).reason());
    assertEquals("bucket acme-org: bucket policy has no statement that allows everyone",
        observations.get(1).reason());
  }

  @Test
  void evaluate_fails_whenPolicyAllowsEveryone_andNothingRestrictsIt() {
    // GIVEN
    var b = withPolicy(open("acme-www"), PUBLIC_READ);
    // WHEN
    var o = check.evaluate(snapshot(b), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("bucket acme-www: bucket policy statement PublicRead (Allow s3:GetObject) allows"
        + " everyone and RestrictPublicBuckets is off", o.reason());
    assertEquals(List.of("PublicRead"), o.evidence().get("publicStatements"));
    assertEquals(false, o.evidence().get("accountRestrictPublicBuckets"));
  }

  @Test
  void evaluate_passes_whenRestrictPublicBucketsNeutralisesThePolicy() {
    // GIVEN the bucket-level block on
    var bucketLevel = withPolicy(compliant("acme-b"), PUBLIC_READ);
    // AND the account-level block on, the bucket's off
    var accountLevel = new S3Snapshot(Lookup.found(S3Fixtures.ALL_BLOCKED),
        List.of(withPolicy(open("acme-a"), PUBLIC_READ)));
    // WHEN
    var b = check.evaluate(snapshot(bucketLevel), TARGET).get(0);
    var a = check.evaluate(accountLevel, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, b.status());
    assertEquals("bucket acme-b: bucket policy statement PublicRead (Allow s3:GetObject) allows"
        + " everyone, but RestrictPublicBuckets is on at bucket level and keeps it from taking"
        + " effect", b.reason());
    assertEquals(CheckStatus.PASS, a.status());
    assertEquals(true, a.evidence().get("accountRestrictPublicBuckets"));
  }

  @Test
  void evaluate_errors_whenPublicAndTheBlockCouldNotBeRead() {
    // GIVEN a public policy, a bucket block that could not be read, no account block
    var b = withBlock(withPolicy(open("acme-q"), PUBLIC_READ),
        Lookup.failed("GetPublicAccessBlock failed: AccessDenied"));
    // WHEN
    var o = check.evaluate(snapshot(b), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.ERROR, o.status());
    assertEquals("bucket acme-q: bucket policy statement PublicRead (Allow s3:GetObject) allows"
        + " everyone and whether RestrictPublicBuckets neutralises it could not be read:"
        + " GetPublicAccessBlock failed: AccessDenied", o.reason());
  }

  @Test
  void evaluate_errorsForOneBucket_whenItsPolicyCouldNotBeRead() {
    // GIVEN
    var snapshot = snapshot(withPolicy(open("acme-1"), Lookup.failed("GetBucketPolicy failed: X")),
        withPolicy(open("acme-2"), PUBLIC_READ), open("acme-3"));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.ERROR, CheckStatus.FAIL, CheckStatus.PASS),
        observations.stream().map(Observation::status).toList());
  }
}
