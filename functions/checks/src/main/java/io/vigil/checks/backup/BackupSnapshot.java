package io.vigil.checks.backup;

import io.vigil.checks.Lookup;
import java.util.List;
import java.util.Objects;

/**
 * The AWS Backup configuration of one account in one region.
 *
 * @param plans every backup plan ListBackupPlans returned
 * @param vaults every backup vault ListBackupVaults returned
 * @param reportPlans the names of the report plans (ListReportPlans); failed on its own so that
 *     the plan and vault checks are still judged
 */
public record BackupSnapshot(
    List<Plan> plans, List<Vault> vaults, Lookup<List<String>> reportPlans) {

  public BackupSnapshot {
    plans = List.copyOf(plans);
    vaults = List.copyOf(vaults);
    Objects.requireNonNull(reportPlans, "reportPlans");
  }

  /**
   * One backup plan.
   *
   * @param ruleCount how many rules GetBackupPlan lists (a plan without rules backs up nothing)
   */
  public record Plan(String id, String name, String arn, Lookup<Integer> ruleCount) {

    public Plan {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(ruleCount, "ruleCount");
    }
  }

  /**
   * One backup vault.
   *
   * @param encryptionKeyArn the KMS key encrypting its recovery points, or null
   * @param locked whether AWS Backup Vault Lock is in force (governance or compliance mode)
   * @param minRetentionDays the lock's minimum retention, or null
   * @param maxRetentionDays the lock's maximum retention, or null
   * @param recoveryPoints how many recovery points the vault holds
   */
  public record Vault(
      String name,
      String arn,
      String encryptionKeyArn,
      boolean locked,
      Long minRetentionDays,
      Long maxRetentionDays,
      long recoveryPoints) {

    public Vault {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arn, "arn");
    }
  }
}
