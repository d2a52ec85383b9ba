package io.vigil.checks.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.EmulatorTargets;
import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupRuleInput;

/**
 * The AWS Backup loader (SDK 2.40.2 on the 2.57.8 core) against the emulator: a plan with a rule,
 * a locked and an unlocked vault, and a report plan.
 */
@WithAwsEmulator
class BackupSnapshotLoaderIT {

  private static final String SUFFIX = EmulatorTargets.uniqueSuffix();
  private static final String PLAN = "vigil-daily-" + SUFFIX;
  private static final String LOCKED = "vigil-locked-" + SUFFIX;
  private static final String OPEN = "vigil-open-" + SUFFIX;
  private static final String REPORT = "vigil_jobs_" + SUFFIX;

  private static AwsClientFactory clients;
  private static ScanTarget target;
  private static BackupSnapshot snapshot;

  @BeforeAll
  static void seedAndLoad(AwsEmulator emulator) {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    var backup = clients.client(BackupClient.class, BackupClient::builder,
        Region.of(emulator.region()));
    // GIVEN
    backup.createBackupVault(r -> r.backupVaultName(LOCKED));
    backup.putBackupVaultLockConfiguration(r -> r.backupVaultName(LOCKED).minRetentionDays(7L)
        .maxRetentionDays(365L));
    backup.createBackupVault(r -> r.backupVaultName(OPEN));
    backup.createBackupPlan(r -> r.backupPlan(p -> p.backupPlanName(PLAN).rules(
        BackupRuleInput.builder().ruleName("daily").targetBackupVaultName(LOCKED)
            .scheduleExpression("cron(0 5 ? * * *)").build())));
    backup.createReportPlan(r -> r.reportPlanName(REPORT)
        .reportDeliveryChannel(c -> c.s3BucketName("vigil-reports-" + SUFFIX))
        .reportSetting(s -> s.reportTemplate("BACKUP_JOB_REPORT")));
    // WHEN
    snapshot = new BackupSnapshotLoader(clients).load(target);
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void load_readsPlansVaultsAndReportPlans() {
    var plan = snapshot.plans().stream().filter(p -> p.name().equals(PLAN)).findFirst()
        .orElseThrow();
    assertEquals(Lookup.found(1), plan.ruleCount());
    var vaults = snapshot.vaults().stream()
        .collect(Collectors.toMap(BackupSnapshot.Vault::name, Function.identity()));
    assertTrue(vaults.get(LOCKED).locked());
    assertEquals(7L, vaults.get(LOCKED).minRetentionDays());
    assertFalse(vaults.get(OPEN).locked());
    assertTrue(snapshot.reportPlans().value().contains(REPORT), snapshot.reportPlans().toString());
  }

  @Test
  void checks_judgeTheLoadedConfiguration() {
    var plans = new BackupPlanExistsCheck().evaluate(snapshot, target).get(0);
    assertEquals(CheckStatus.PASS, plans.status(), plans.reason());
    var reports = new BackupReportPlanExistsCheck().evaluate(snapshot, target).get(0);
    assertEquals(CheckStatus.PASS, reports.status(), reports.reason());
    var locks = new BackupVaultLockEnabledCheck().evaluate(snapshot, target).stream()
        .collect(Collectors.toMap(o -> o.resourceArn().substring(
            o.resourceArn().lastIndexOf(':') + 1), Observation::status));
    assertEquals(CheckStatus.PASS, locks.get(LOCKED));
    assertEquals(CheckStatus.FAIL, locks.get(OPEN));
  }
}
