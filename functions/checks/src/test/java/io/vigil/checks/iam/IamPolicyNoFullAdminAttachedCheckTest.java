package io.vigil.checks.iam;

import static io.vigil.checks.iam.IamFixtures.TARGET;
import static io.vigil.checks.iam.IamFixtures.policy;
import static io.vigil.checks.iam.IamFixtures.withManagedPolicies;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamPolicyNoFullAdminAttachedCheckTest {

  static final String ADMIN = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"All\","
      + "\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  static final String S3_READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":[\"s3:Get*\",\"s3:List*\"],\"Resource\":\"*\"}]}";

  private final IamPolicyNoFullAdminAttachedCheck check = new IamPolicyNoFullAdminAttachedCheck();

  @Test
  void evaluate_returnsNothing_whenNoCustomerPolicyIsAttached() {
    assertEquals(List.of(), check.evaluate(withManagedPolicies(), TARGET));
  }

  @Test
  void evaluate_passes_forAScopedPolicy() {
    // WHEN
    var o = check.evaluate(withManagedPolicies(policy("s3-read", 2, S3_READ)), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("arn:aws:iam::123456789012:policy/s3-read", o.resourceArn());
    assertEquals("policy s3-read: no statement allows every action on every resource",
        o.reason());
    assertEquals(2, o.evidence().get("attachmentCount"));
  }

  @Test
  void evaluate_fails_forActionStarOnResourceStar() {
    // WHEN
    var o = check.evaluate(withManagedPolicies(policy("break-glass", 1, ADMIN)), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("policy break-glass: statement All allows Action * on Resource * and the policy is"
        + " attached to 1 identity", o.reason());
    assertEquals(List.of("All"), o.evidence().get("fullAdminStatements"));
  }

  @Test
  void evaluate_fails_forStarColonStarAmongOtherActions_andCountsIdentities() {
    var json = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"*:*\"],"
        + "\"Resource\":[\"*\"]},{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    var o = check.evaluate(withManagedPolicies(policy("ops", 3, json)), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("policy ops: statements #1 and #2 allow Action * on Resource * and the policy is"
        + " attached to 3 identities", o.reason());
  }

  @Test
  void evaluate_passes_forDenyOrNotActionOrScopedResource() {
    var json = "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::data/*\"}]}";
    var o = check.evaluate(withManagedPolicies(policy("edge", 1, json)), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
  }

  @Test
  void evaluate_judgesEachPolicy_andErrorsOnlyForTheUnreadableOne() {
    // GIVEN
    var unreadable = new IamSnapshot.ManagedPolicy("hidden",
        "arn:aws:iam::123456789012:policy/hidden", 1,
        Lookup.failed("GetPolicyVersion failed: AccessDenied"));
    var snapshot = withManagedPolicies(policy("a", 1, S3_READ), unreadable,
        policy("b", 1, ADMIN));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.ERROR, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
    assertEquals("policy hidden: GetPolicyVersion failed: AccessDenied",
        observations.get(1).reason());
  }
}
