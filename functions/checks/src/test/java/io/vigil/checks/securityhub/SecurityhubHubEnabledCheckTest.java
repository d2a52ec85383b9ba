package io.vigil.checks.securityhub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import org.junit.jupiter.api.Test;

class SecurityhubHubEnabledCheckTest {

  private static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  private static final String HUB = "arn:aws:securityhub:eu-west-1:123456789012:hub/default";

  private final SecurityhubHubEnabledCheck check = new SecurityhubHubEnabledCheck();

  @Test
  void evaluate_fails_whenNotSubscribed() {
    var o = check.evaluate(new SecurityHubSnapshot(Lookup.absent()), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals(HUB, o.resourceArn());
    assertEquals("region eu-west-1: Security Hub is not enabled", o.reason());
  }

  @Test
  void evaluate_passes_whenHubExists() {
    var o = check.evaluate(new SecurityHubSnapshot(Lookup.found(new SecurityHubSnapshot.Hub(
        HUB, "2026-01-02T03:04:05.000Z", true))), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("region eu-west-1: Security Hub is enabled", o.reason());
    assertEquals("2026-01-02T03:04:05.000Z", o.evidence().get("SubscribedAt"));
    assertEquals(true, o.evidence().get("AutoEnableControls"));
  }

  @Test
  void evaluate_errors_whenDescribeHubFailed() {
    var o = check.evaluate(new SecurityHubSnapshot(
        Lookup.failed("DescribeHub failed: AccessDeniedException")), TARGET).get(0);
    assertEquals(CheckStatus.ERROR, o.status());
    assertEquals("region eu-west-1: DescribeHub failed: AccessDeniedException", o.reason());
  }
}
