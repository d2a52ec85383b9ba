package io.vigil.checks.backup;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/** Every backup vault has AWS Backup Vault Lock in force. */
@Singleton
public final class BackupVaultLockEnabledCheck
    extends ResourceCheck<BackupSnapshot, BackupSnapshot.Vault> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("backup_vault_lock_enabled")
          .title("AWS Backup vault is protected by Vault Lock")
          .resourceType("AWS::Backup::BackupVault")
          .severity(Severity.MEDIUM)
          .supporting("A.8.13", "A.5.33")
          .rationale("Ransomware and compromised administrators delete backups first. Vault Lock"
              + " makes the vault write-once-read-many: recovery points cannot be deleted or"
              + " have their retention shortened before the minimum retention (in compliance"
              + " mode not even by the root user), which keeps the backup copies (A.8.13) and"
              + " the records in them (A.5.33) recoverable.")
          .remediation("aws backup put-backup-vault-lock-configuration --backup-vault-name NAME"
              + " --min-retention-days 7 [--max-retention-days N] [--changeable-for-days 3 for"
              + " compliance mode] (CDK: lockConfiguration: { minRetention: Duration.days(7) }).")
          .build();

  public BackupVaultLockEnabledCheck() {
    super(METADATA, BackupSnapshot.class, BackupSnapshot::vaults);
  }

  @Override
  protected Observation judge(BackupSnapshot.Vault vault, ScanTarget target) {
    var subject = "backup vault " + vault.name();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("Locked", vault.locked());
    if (vault.minRetentionDays() != null) {
      evidence.put("MinRetentionDays", vault.minRetentionDays());
    }
    if (vault.maxRetentionDays() != null) {
      evidence.put("MaxRetentionDays", vault.maxRetentionDays());
    }
    evidence.put("NumberOfRecoveryPoints", vault.recoveryPoints());
    return Observation.of(vault.locked(), vault.arn(),
        subject + ": Vault Lock is in force"
            + (vault.minRetentionDays() == null ? ""
                : " (minimum retention " + vault.minRetentionDays() + " days)"),
        subject + ": no Vault Lock, recovery points can be deleted at any time", evidence);
  }
}
