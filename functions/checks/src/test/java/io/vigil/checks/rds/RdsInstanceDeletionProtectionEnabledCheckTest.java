package io.vigil.checks.rds;

import static io.vigil.checks.rds.RdsFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsInstanceDeletionProtectionEnabledCheckTest {

  private final RdsInstanceDeletionProtectionEnabledCheck check =
      new RdsInstanceDeletionProtectionEnabledCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoInstance() {
    assertEquals(List.of(), check.evaluate(RdsFixtures.empty(), TARGET));
  }

  @Test
  void evaluate_passes_whenProtected() {
    var o = check.evaluate(RdsFixtures.instances(RdsFixtures.good("db")), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("DB instance db: deletion protection is enabled", o.reason());
  }

  @Test
  void evaluate_fails_whenUnprotected() {
    var o = check.evaluate(RdsFixtures.instances(RdsFixtures.bad("db")), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("DB instance db: deletion protection is disabled", o.reason());
    assertEquals(false, o.evidence().get("DeletionProtection"));
  }

  @Test
  void evaluate_judgesSeveral_andSkipsClusterMembersAsNotApplicable() {
    var snapshot = RdsFixtures.instances(RdsFixtures.bad("a"), RdsFixtures.good("b"),
        RdsFixtures.member("c", "aurora-1"));
    assertEquals(List.of(CheckStatus.FAIL, CheckStatus.PASS, CheckStatus.NOT_APPLICABLE),
        RdsFixtures.statuses(check.evaluate(snapshot, TARGET)));
  }
}
