package io.vigil.checks.rds;

import static io.vigil.checks.rds.RdsFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsInstanceBackupRetention7DaysCheckTest {

  private final RdsInstanceBackupRetention7DaysCheck check =
      new RdsInstanceBackupRetention7DaysCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoInstance() {
    assertEquals(List.of(), check.evaluate(RdsFixtures.empty(), TARGET));
  }

  @Test
  void evaluate_passes_atExactlySevenDays() {
    var o = check.evaluate(RdsFixtures.instances(RdsFixtures.withRetention("db", 7)), TARGET)
        .get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("DB instance db: automated backups are kept for 7 days", o.reason());
    assertEquals(7, o.evidence().get("BackupRetentionPeriod"));
  }

  @Test
  void evaluate_fails_withShortRetention_andSaysDisabledAtZero() {
    // GIVEN
    var snapshot = RdsFixtures.instances(RdsFixtures.withRetention("short", 6),
        RdsFixtures.withRetention("none", 0), RdsFixtures.withRetention("long", 35));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.FAIL, CheckStatus.FAIL, CheckStatus.PASS),
        RdsFixtures.statuses(observations));
    assertEquals("DB instance short: automated backups are kept for only 6 days (minimum 7)",
        observations.get(0).reason());
    assertEquals("DB instance none: automated backups are disabled (retention 0 days)",
        observations.get(1).reason());
  }

  @Test
  void evaluate_isNotApplicable_forClusterMembers() {
    var o = check.evaluate(RdsFixtures.instances(RdsFixtures.member("m1", "aurora-1")), TARGET)
        .get(0);
    assertEquals(CheckStatus.NOT_APPLICABLE, o.status());
    assertEquals("DB instance m1: member of DB cluster aurora-1, whose backup retention applies",
        o.reason());
  }
}
