package io.vigil.checks.s3;

import static io.vigil.checks.s3.S3Fixtures.TARGET;
import static io.vigil.checks.s3.S3Fixtures.compliant;
import static io.vigil.checks.s3.S3Fixtures.snapshot;
import static io.vigil.checks.s3.S3Fixtures.withPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3BucketSecureTransportEnforcedCheckTest {

  private final S3BucketSecureTransportEnforcedCheck check =
      new S3BucketSecureTransportEnforcedCheck();

  static String denyHttp(String principal, String action, String resource, String condition) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyHttp\",\"Effect\":\"Deny\","
        + "\"Principal\":" + principal + ",\"Action\":" + action + ",\"Resource\":" + resource
        + ",\"Condition\":" + condition + "}]}";
  }

  @Test
  void evaluate_returnsNothing_whenAccountHasNoBucket() {
    assertEquals(List.of(), check.evaluate(snapshot(), TARGET));
  }

  @Test
  void evaluate_passes_forTheRecommendedStatement() {
    // GIVEN
    var b = withPolicy(compliant("acme-tls"), denyHttp("\"*\"", "\"s3:*\"",
        "[\"arn:aws:s3:::acme-tls\",\"arn:aws:s3:::acme-tls/*\"]",
        "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}"));
    // WHEN
    var o = check.evaluate(snapshot(b), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("bucket acme-tls: policy statement DenyHttp (Deny s3:*) denies requests without"
        + " TLS", o.reason());
    assertEquals("DenyHttp", o.evidence().get("enforcingStatement"));
  }

  @Test
  void evaluate_passes_forAwsStarPrincipalBooleanValueAndWildcardResource() {
    var b = withPolicy(compliant("acme-b"), denyHttp("{\"AWS\":\"*\"}", "[\"*\"]", "\"*\"",
        "{\"BoolIfExists\":{\"aws:securetransport\":false}}"));
    assertEquals(CheckStatus.PASS, check.evaluate(snapshot(b), TARGET).get(0).status());
  }

  @Test
  void evaluate_fails_whenBucketHasNoPolicy() {
    // GIVEN
    var b = compliant("acme-none");
    // WHEN
    var o = check.evaluate(snapshot(b), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("bucket acme-none: has no bucket policy, so plain HTTP requests are accepted",
        o.reason());
    assertEquals(false, o.evidence().get("bucketPolicy"));
  }

  @Test
  void evaluate_fails_whenTheDenyIsIncomplete() {
    // GIVEN statements that look right but do not enforce TLS for every request
    var onlyOneAction = denyHttp("\"*\"", "\"s3:GetObject\"", "\"arn:aws:s3:::acme-x/*\"",
        "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}");
    var onlyOnePrincipal = denyHttp("{\"AWS\":\"arn:aws:iam::123456789012:root\"}", "\"s3:*\"",
        "\"arn:aws:s3:::acme-x/*\"", "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}");
    var bucketOnly = denyHttp("\"*\"", "\"s3:*\"", "\"arn:aws:s3:::acme-x\"",
        "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}");
    var wrongValue = denyHttp("\"*\"", "\"s3:*\"", "\"arn:aws:s3:::acme-x/*\"",
        "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}");
    var tlsVersionOnly = denyHttp("\"*\"", "\"s3:*\"", "\"arn:aws:s3:::acme-x/*\"",
        "{\"NumericLessThan\":{\"s3:TlsVersion\":\"1.2\"}}");
    var allowInstead = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":"
        + "\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":"
        + "\"true\"}}}]}";
    for (var policy : List.of(onlyOneAction, onlyOnePrincipal, bucketOnly, wrongValue,
        tlsVersionOnly, allowInstead)) {
      // WHEN
      var o = check.evaluate(snapshot(withPolicy(compliant("acme-x"), policy)), TARGET).get(0);
      // THEN
      assertEquals(CheckStatus.FAIL, o.status(), policy);
      assertEquals("bucket acme-x: bucket policy has no Deny on aws:SecureTransport=false for"
          + " all principals", o.reason());
    }
  }

  @Test
  void evaluate_judgesEachBucket_andErrorsForAnUnreadableOrInvalidPolicy() {
    // GIVEN
    var snapshot = snapshot(
        withPolicy(compliant("acme-1"), Lookup.failed("GetBucketPolicy failed: AccessDenied")),
        withPolicy(compliant("acme-2"),
            Lookup.failed("bucket policy could not be parsed: invalid JSON at offset 0")),
        compliant("acme-3"));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.ERROR, CheckStatus.ERROR, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
    assertEquals("bucket acme-1: GetBucketPolicy failed: AccessDenied",
        observations.get(0).reason());
  }
}
