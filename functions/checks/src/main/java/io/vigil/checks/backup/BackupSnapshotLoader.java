package io.vigil.checks.backup;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.ReportPlan;

/**
 * Loads the AWS Backup configuration of one region. Scope REGION: plans and vaults are regional.
 *
 * <p>Calls: ListBackupPlans and ListBackupVaults (paginated) once, which throw when they fail;
 * GetBackupPlan per plan; ListReportPlans (paginated) once, recorded on the snapshot when it
 * fails.
 */
@Singleton
public final class BackupSnapshotLoader implements SnapshotLoader<BackupSnapshot> {

  private final AwsClientFactory clients;

  public BackupSnapshotLoader(AwsClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Class<BackupSnapshot> snapshotType() {
    return BackupSnapshot.class;
  }

  @Override
  public String service() {
    return "backup";
  }

  @Override
  public Scope scope() {
    return Scope.REGION;
  }

  @Override
  public BackupSnapshot load(ScanTarget target) {
    var backup = clients.forAccount(target.accountId()).client(BackupClient.class, BackupClient::builder,
        Region.of(target.region()));
    var plans = new ArrayList<BackupSnapshot.Plan>();
    for (var p : backup.listBackupPlansPaginator(r -> { }).backupPlansList()) {
      var id = p.backupPlanId();
      var rules = AwsCalls.lookup("GetBackupPlan",
          () -> backup.getBackupPlan(r -> r.backupPlanId(id)).backupPlan().rules().size());
      plans.add(new BackupSnapshot.Plan(id, p.backupPlanName(), p.backupPlanArn(), rules));
    }
    var vaults = new ArrayList<BackupSnapshot.Vault>();
    for (var v : backup.listBackupVaultsPaginator(r -> { }).backupVaultList()) {
      vaults.add(new BackupSnapshot.Vault(v.backupVaultName(), v.backupVaultArn(),
          v.encryptionKeyArn(), Boolean.TRUE.equals(v.locked()), v.minRetentionDays(),
          v.maxRetentionDays(), v.numberOfRecoveryPoints() == null ? 0L
              : v.numberOfRecoveryPoints()));
    }
    var reportPlans = AwsCalls.lookup("ListReportPlans", () -> {
      var names = new ArrayList<String>();
      for (var page : backup.listReportPlansPaginator(r -> { })) {
        page.reportPlans().stream().map(ReportPlan::reportPlanName).forEach(names::add);
      }
      return List.copyOf(names);
    });
    return new BackupSnapshot(plans, vaults, reportPlans);
  }
}
