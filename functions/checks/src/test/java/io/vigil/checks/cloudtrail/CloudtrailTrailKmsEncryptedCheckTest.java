package io.vigil.checks.cloudtrail;

import static io.vigil.checks.cloudtrail.CloudTrailFixtures.TARGET;
import static io.vigil.checks.cloudtrail.CloudTrailFixtures.trail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudtrailTrailKmsEncryptedCheckTest {

  private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/k-1";

  private final CloudtrailTrailKmsEncryptedCheck check = new CloudtrailTrailKmsEncryptedCheck();

  @Test
  void evaluate_returnsNothing_whenAccountHasNoTrail() {
    assertEquals(List.of(), check.evaluate(new CloudTrailSnapshot(List.of()), TARGET));
  }

  @Test
  void evaluate_passesKmsEncrypted_andFailsSseS3Trails() {
    // GIVEN
    var snapshot = new CloudTrailSnapshot(List.of(trail("main", true, KEY, ""),
        trail("legacy", true, null, "")));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
    assertEquals("trail main (home eu-west-1): log files are encrypted with KMS key " + KEY,
        observations.get(0).reason());
    assertEquals("trail legacy (home eu-west-1): log files are not encrypted with a KMS key"
        + " (SSE-S3 only)", observations.get(1).reason());
    assertEquals("none", observations.get(1).evidence().get("kmsKeyId"));
    assertEquals("arn:aws:cloudtrail:eu-west-1:123456789012:trail/legacy",
        observations.get(1).resourceArn());
  }

  @Test
  void evaluate_judgesShadowTrails_evenWhenTheirStatusIsUnreadable() {
    // GIVEN an organization trail from the management account
    var org = new CloudTrailSnapshot.Trail("org", "arn:aws:cloudtrail:us-east-1:999999999999:"
        + "trail/org", "us-east-1", true, true, true,
        Lookup.failed("GetTrailStatus failed: AccessDenied"), KEY, "", "org-logs");
    // WHEN
    var o = check.evaluate(new CloudTrailSnapshot(List.of(org)), TARGET).get(0);
    // THEN the encryption setting comes from DescribeTrails and is judged
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("trail org (home us-east-1, multi-region, organization): log files are"
        + " encrypted with KMS key " + KEY, o.reason());
  }
}
