package io.vigil.checks.rds;

import static io.vigil.checks.rds.RdsFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsClusterDeletionProtectionEnabledCheckTest {

  private final RdsClusterDeletionProtectionEnabledCheck check =
      new RdsClusterDeletionProtectionEnabledCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoCluster() {
    assertEquals(List.of(), check.evaluate(RdsFixtures.empty(), TARGET));
  }

  @Test
  void evaluate_passesProtected_andFailsUnprotected() {
    var observations = check.evaluate(RdsFixtures.clusters(RdsFixtures.cluster("a", true, 7),
        RdsFixtures.cluster("b", false, 7)), TARGET);
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL), RdsFixtures.statuses(observations));
    assertEquals("DB cluster b: deletion protection is disabled", observations.get(1).reason());
    assertEquals(false, observations.get(1).evidence().get("DeletionProtection"));
  }
}
