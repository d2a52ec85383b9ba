package io.vigil.checks.rds;

import static io.vigil.checks.rds.RdsFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsClusterStorageEncryptedCheckTest {

  private final RdsClusterStorageEncryptedCheck check = new RdsClusterStorageEncryptedCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoCluster() {
    assertEquals(List.of(), check.evaluate(RdsFixtures.instances(RdsFixtures.bad("db")), TARGET));
  }

  @Test
  void evaluate_passesEncrypted_andFailsPlain() {
    // GIVEN
    var snapshot = RdsFixtures.clusters(RdsFixtures.cluster("enc", true, 7),
        RdsFixtures.cluster("plain", false, 7));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL), RdsFixtures.statuses(observations));
    assertEquals("DB cluster enc: storage is encrypted", observations.get(0).reason());
    assertEquals("DB cluster plain: storage is not encrypted", observations.get(1).reason());
    assertEquals("arn:aws:rds:eu-west-1:123456789012:cluster:plain",
        observations.get(1).resourceArn());
  }
}
