package io.vigil.checks.rds;

import static io.vigil.checks.rds.RdsFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsInstanceMultiAzCheckTest {

  private final RdsInstanceMultiAzCheck check = new RdsInstanceMultiAzCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoInstance() {
    assertEquals(List.of(), check.evaluate(RdsFixtures.empty(), TARGET));
  }

  @Test
  void evaluate_passes_whenMultiAz() {
    var o = check.evaluate(RdsFixtures.instances(RdsFixtures.good("db")), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals(true, o.evidence().get("MultiAZ"));
  }

  @Test
  void evaluate_fails_whenSingleAz() {
    var o = check.evaluate(RdsFixtures.instances(RdsFixtures.bad("db")), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("DB instance db: single-AZ deployment (no standby in another Availability Zone)",
        o.reason());
  }

  @Test
  void evaluate_judgesSeveral_andSkipsClusterMembersAsNotApplicable() {
    var snapshot = RdsFixtures.instances(RdsFixtures.good("a"), RdsFixtures.bad("b"),
        RdsFixtures.member("c", "aurora-1"));
    var observations = check.evaluate(snapshot, TARGET);
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.NOT_APPLICABLE),
        RdsFixtures.statuses(observations));
    assertEquals("DB instance c: member of DB cluster aurora-1, whose instances provide the"
        + " redundancy", observations.get(2).reason());
  }
}
