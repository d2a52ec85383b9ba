package io.vigil.checks.rds;

import static io.vigil.checks.rds.RdsFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsInstanceStorageEncryptedCheckTest {

  private final RdsInstanceStorageEncryptedCheck check = new RdsInstanceStorageEncryptedCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoInstance() {
    assertEquals(List.of(), check.evaluate(RdsFixtures.empty(), TARGET));
  }

  @Test
  void evaluate_passes_whenStorageIsEncrypted() {
    // GIVEN WHEN
    var o = check.evaluate(RdsFixtures.instances(RdsFixtures.good("prod-db")), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("arn:aws:rds:eu-west-1:123456789012:db:prod-db", o.resourceArn());
    assertEquals("DB instance prod-db: storage is encrypted", o.reason());
    assertEquals("arn:aws:kms:eu-west-1:123456789012:key/k", o.evidence().get("KmsKeyId"));
  }

  @Test
  void evaluate_fails_whenStorageIsNotEncrypted() {
    var o = check.evaluate(RdsFixtures.instances(RdsFixtures.bad("legacy")), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("DB instance legacy: storage is not encrypted", o.reason());
    assertEquals(false, o.evidence().get("StorageEncrypted"));
    assertEquals(false, o.evidence().containsKey("KmsKeyId"));
  }

  @Test
  void evaluate_judgesClusterMembersToo_andEveryInstanceOnce() {
    // GIVEN Aurora reports the cluster's encryption on each member
    var snapshot = RdsFixtures.instances(RdsFixtures.good("a"), RdsFixtures.bad("b"),
        RdsFixtures.member("c", "aurora-1"));
    // WHEN THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.FAIL),
        RdsFixtures.statuses(check.evaluate(snapshot, TARGET)));
  }
}
