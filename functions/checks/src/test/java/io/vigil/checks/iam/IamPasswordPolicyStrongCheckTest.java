package io.vigil.checks.iam;

import static io.vigil.checks.iam.IamFixtures.STRONG;
import static io.vigil.checks.iam.IamFixtures.TARGET;
import static io.vigil.checks.iam.IamFixtures.withPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamPasswordPolicyStrongCheckTest {

  private final IamPasswordPolicyStrongCheck check = new IamPasswordPolicyStrongCheck();

  @Test
  void evaluate_fails_whenNoPolicyIsSet() {
    // GIVEN
    var snapshot = withPolicy(Lookup.absent());
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(1, observations.size());
    var o = observations.get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals(TARGET.accountArn(), o.resourceArn());
    assertEquals("none", o.evidence().get("passwordPolicy"));
  }

  @Test
  void evaluate_passes_whenPolicyMeetsEveryRuleExactly() {
    // GIVEN length 14 and reuse prevention 24: the boundaries
    var snapshot = withPolicy(Lookup.found(STRONG));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals(List.of(), o.evidence().get("failedRules"));
    assertEquals(14, o.evidence().get("MinimumPasswordLength"));
  }

  @Test
  void evaluate_passes_whenPasswordsNeverExpire() {
    // GIVEN a strong policy without max age (0) and a longer one with 365 days
    var noExpiry = new IamSnapshot.PasswordPolicy(20, true, true, true, true, 24, 0);
    var yearly = new IamSnapshot.PasswordPolicy(20, true, true, true, true, 24, 365);
    // WHEN / THEN expiry is recorded, not required
    assertEquals(CheckStatus.PASS,
        check.evaluate(withPolicy(Lookup.found(noExpiry)), TARGET).get(0).status());
    var o = check.evaluate(withPolicy(Lookup.found(yearly)), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals(365, o.evidence().get("MaxPasswordAge"));
  }

  @Test
  void evaluate_fails_whenPolicyIsWeak_andListsEveryFailedRule() {
    // GIVEN
    var weak = new IamSnapshot.PasswordPolicy(8, true, false, true, false, 0, 90);
    // WHEN
    var o = check.evaluate(withPolicy(Lookup.found(weak)), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("password policy of 123456789012: minimum length 8 < 14, lowercase not required,"
        + " symbols not required and reuse prevention 0 < 24", o.reason());
    assertEquals(List.of("minimum length 8 < 14", "lowercase not required",
        "symbols not required", "reuse prevention 0 < 24"), o.evidence().get("failedRules"));
  }

  @Test
  void evaluate_fails_whenOneBelowEachThreshold() {
    // GIVEN
    var almost = new IamSnapshot.PasswordPolicy(13, true, true, true, true, 23, 0);
    // WHEN
    var o = check.evaluate(withPolicy(Lookup.found(almost)), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals(List.of("minimum length 13 < 14", "reuse prevention 23 < 24"),
        o.evidence().get("failedRules"));
  }

  @Test
  void evaluate_errors_whenPolicyCouldNotBeRead() {
    // GIVEN
    var snapshot = withPolicy(Lookup.failed("GetAccountPasswordPolicy failed: AccessDenied"));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.ERROR, o.status());
  }
}
