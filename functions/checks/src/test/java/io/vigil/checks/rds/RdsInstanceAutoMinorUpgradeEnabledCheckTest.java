package io.vigil.checks.rds;

import static io.vigil.checks.rds.RdsFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsInstanceAutoMinorUpgradeEnabledCheckTest {

  private final RdsInstanceAutoMinorUpgradeEnabledCheck check =
      new RdsInstanceAutoMinorUpgradeEnabledCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoInstance() {
    assertEquals(List.of(), check.evaluate(RdsFixtures.empty(), TARGET));
  }

  @Test
  void evaluate_passes_whenAutoMinorUpgradeIsOn() {
    var o = check.evaluate(RdsFixtures.instances(RdsFixtures.good("db")), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("DB instance db: automatic minor version upgrade is enabled", o.reason());
  }

  @Test
  void evaluate_fails_whenAutoMinorUpgradeIsOff() {
    var o = check.evaluate(RdsFixtures.instances(RdsFixtures.bad("db")), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("DB instance db: automatic minor version upgrade is disabled", o.reason());
    assertEquals("mysql", o.evidence().get("Engine"));
  }

  @Test
  void evaluate_judgesClusterMembers_sinceUpgradesArePerInstance() {
    var snapshot = RdsFixtures.instances(RdsFixtures.good("a"),
        RdsFixtures.member("b", "aurora-1"));
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL),
        RdsFixtures.statuses(check.evaluate(snapshot, TARGET)));
  }
}
