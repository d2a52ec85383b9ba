package io.vigil.checks.iam;

import static io.vigil.checks.iam.IamFixtures.TARGET;
import static io.vigil.checks.iam.IamFixtures.withSummary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import org.junit.jupiter.api.Test;

class IamRootMfaEnabledCheckTest {

  private final IamRootMfaEnabledCheck check = new IamRootMfaEnabledCheck();

  @Test
  void evaluate_passes_whenAccountMfaIsEnabled() {
    // GIVEN
    var snapshot = withSummary(Lookup.found(new IamSnapshot.AccountSummary(true, 0)));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN one observation about the account itself
    assertEquals(1, observations.size());
    var o = observations.get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("arn:aws:iam::123456789012:root", o.resourceArn());
    assertEquals(true, o.evidence().get("AccountMFAEnabled"));
  }

  @Test
  void evaluate_fails_whenAccountMfaIsNotEnabled() {
    // GIVEN
    var snapshot = withSummary(Lookup.found(new IamSnapshot.AccountSummary(false, 0)));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("root user of 123456789012: MFA is not enabled", o.reason());
  }

  @Test
  void evaluate_errors_whenAccountSummaryCouldNotBeRead() {
    // GIVEN
    var snapshot = withSummary(Lookup.failed("GetAccountSummary failed: AccessDenied"));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.ERROR, o.status());
    assertEquals("GetAccountSummary failed: AccessDenied", o.evidence().get("error"));
  }
}
