package io.vigil.checks.iam;

import static io.vigil.checks.iam.IamFixtures.TARGET;
import static io.vigil.checks.iam.IamFixtures.withSummary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import org.junit.jupiter.api.Test;

class IamRootAccessKeysAbsentCheckTest {

  private final IamRootAccessKeysAbsentCheck check = new IamRootAccessKeysAbsentCheck();

  @Test
  void evaluate_passes_whenRootHasNoAccessKey() {
    // GIVEN
    var snapshot = withSummary(Lookup.found(new IamSnapshot.AccountSummary(true, 0)));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals(TARGET.accountArn(), o.resourceArn());
    assertEquals(0, o.evidence().get("AccountAccessKeysPresent"));
  }

  @Test
  void evaluate_fails_whenRootHasTwoAccessKeys() {
    // GIVEN
    var snapshot = withSummary(Lookup.found(new IamSnapshot.AccountSummary(true, 2)));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("root user of 123456789012: has 2 access keys", o.reason());
  }

  @Test
  void evaluate_errors_whenAccountSummaryCouldNotBeRead() {
    // GIVEN
    var snapshot = withSummary(Lookup.failed("GetAccountSummary failed: Throttling"));
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.ERROR, o.status());
  }
}
