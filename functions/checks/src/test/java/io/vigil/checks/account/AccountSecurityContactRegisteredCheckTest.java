package io.vigil.checks.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import org.junit.jupiter.api.Test;

class AccountSecurityContactRegisteredCheckTest {

  private static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");

  private final AccountSecurityContactRegisteredCheck check =
      new AccountSecurityContactRegisteredCheck();

  @Test
  void evaluate_fails_whenNoContactIsRegistered() {
    var o = check.evaluate(new AccountSnapshot(Lookup.absent()), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("arn:aws:iam::123456789012:root", o.resourceArn());
    assertEquals("account 123456789012: no security contact is registered", o.reason());
  }

  @Test
  void evaluate_passes_withContactEmail_andNeverRecordsThePhoneNumber() {
    var o = check.evaluate(new AccountSnapshot(Lookup.found(new AccountSnapshot.Contact(
        "SecOps", "Team", "secops@example.com", true))), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("account 123456789012: security contact SecOps <secops@example.com>",
        o.reason());
    assertEquals(true, o.evidence().get("PhoneNumberRegistered"));
    assertEquals(false, o.evidence().containsKey("PhoneNumber"));
  }

  @Test
  void evaluate_fails_whenContactHasNoEmail_andErrorsWhenUnreadable() {
    var noEmail = check.evaluate(new AccountSnapshot(Lookup.found(new AccountSnapshot.Contact(
        "SecOps", null, " ", false))), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, noEmail.status());
    assertEquals("account 123456789012: security contact SecOps has no email address",
        noEmail.reason());
    var error = check.evaluate(new AccountSnapshot(Lookup.failed(
        "GetAlternateContact failed: AccessDeniedException")), TARGET).get(0);
    assertEquals(CheckStatus.ERROR, error.status());
  }
}
