package io.vigil.checks.rds;

import static io.vigil.checks.rds.RdsFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsClusterBackupRetention7DaysCheckTest {

  private final RdsClusterBackupRetention7DaysCheck check =
      new RdsClusterBackupRetention7DaysCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoCluster() {
    assertEquals(List.of(), check.evaluate(RdsFixtures.empty(), TARGET));
  }

  @Test
  void evaluate_passesFromSevenDays_andFailsBelow() {
    // GIVEN the default of one day, the boundary, and the maximum
    var snapshot = RdsFixtures.clusters(RdsFixtures.cluster("default", true, 1),
        RdsFixtures.cluster("week", true, 7), RdsFixtures.cluster("max", true, 35));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.FAIL, CheckStatus.PASS, CheckStatus.PASS),
        RdsFixtures.statuses(observations));
    assertEquals("DB cluster default: automated backups are kept for only 1 day (minimum 7)",
        observations.get(0).reason());
    assertEquals(7, observations.get(1).evidence().get("BackupRetentionPeriod"));
  }
}
