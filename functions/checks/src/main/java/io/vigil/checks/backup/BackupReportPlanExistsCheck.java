package io.vigil.checks.backup;

import io.vigil.checks.AccountCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The region has at least one AWS Backup Audit Manager report plan, when it has backup plans. A
 * region without backup plans is NOT_APPLICABLE ({@code backup_plan_exists} reports it). One
 * observation per region, about {@code arn:<partition>:backup:<region>:<account>:*}.
 */
@Singleton
public final class BackupReportPlanExistsCheck extends AccountCheck<BackupSnapshot> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("backup_report_plan_exists")
          .title("AWS Backup report plan reports on backup jobs in the region")
          .resourceType("AWS::Backup::ReportPlan")
          .severity(Severity.LOW)
          .supporting("A.8.13", "A.8.16")
          .rationale("Backups that silently fail are found out during a restore. A report plan"
              + " delivers daily reports of backup and restore jobs (or of control compliance)"
              + " to S3, so failed jobs are reviewed and the reports are kept as evidence that"
              + " backups run (A.8.13) and are monitored (A.8.16).")
          .remediation("aws backup create-report-plan --report-plan-name backup_jobs"
              + " --report-delivery-channel s3BucketName=BUCKET --report-setting"
              + " reportTemplate=BACKUP_JOB_REPORT.")
          .build();

  public BackupReportPlanExistsCheck() {
    super(METADATA, BackupSnapshot.class);
  }

  @Override
  protected Observation judge(BackupSnapshot snapshot, ScanTarget target) {
    var arn = target.scopeArn("backup", false);
    var subject = "region " + target.region();
    if (snapshot.plans().isEmpty()) {
      return Observation.notApplicable(arn, subject + ": no backup plan to report on");
    }
    if (snapshot.reportPlans().isFailed()) {
      return snapshot.reportPlans().toErrorObservation(arn, subject);
    }
    var names = snapshot.reportPlans().value();
    return Observation.of(!names.isEmpty(), arn,
        subject + ": report plan " + String.join(", ", names) + " reports on backups",
        subject + ": no AWS Backup report plan", Map.of("ReportPlans", names));
  }
}
