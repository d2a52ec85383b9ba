package io.vigil.checks.backup;

import static io.vigil.checks.backup.BackupFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupVaultLockEnabledCheckTest {

  private final BackupVaultLockEnabledCheck check = new BackupVaultLockEnabledCheck();

  private static BackupSnapshot vaults(BackupSnapshot.Vault... vaults) {
    return new BackupSnapshot(List.of(), List.of(vaults), Lookup.found(List.of()));
  }

  @Test
  void evaluate_returnsNothing_whenRegionHasNoVault() {
    assertEquals(List.of(), check.evaluate(vaults(), TARGET));
  }

  @Test
  void evaluate_passesLocked_andFailsUnlocked() {
    // GIVEN
    var snapshot = vaults(BackupFixtures.vault("locked", true, 7L),
        BackupFixtures.vault("open", false, null), BackupFixtures.vault("bare", true, null));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.PASS),
        observations.stream().map(Observation::status).toList());
    assertEquals("backup vault locked: Vault Lock is in force (minimum retention 7 days)",
        observations.get(0).reason());
    assertEquals(7L, observations.get(0).evidence().get("MinRetentionDays"));
    assertEquals("backup vault open: no Vault Lock, recovery points can be deleted at any time",
        observations.get(1).reason());
    assertEquals("arn:aws:backup:eu-west-1:123456789012:backup-vault:open",
        observations.get(1).resourceArn());
    assertEquals("backup vault bare: Vault Lock is in force", observations.get(2).reason());
  }
}
