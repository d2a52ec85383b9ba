package io.vigil.checks.backup;

import io.vigil.checks.AccountCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The region has at least one AWS Backup plan with at least one rule. One observation per region,
 * about {@code arn:<partition>:backup:<region>:<account>:*}: PASS if a plan has rules, ERROR if
 * none is known to have rules and a plan could not be read, FAIL otherwise.
 */
@Singleton
public final class BackupPlanExistsCheck extends AccountCheck<BackupSnapshot> {

  private static final CheckMetadata METADATA = CheckMetadata.builder("backup_plan_exists")
      .title("AWS Backup plan with at least one backup rule exists in the region")
      .resourceType("AWS::Backup::BackupPlan")
      .severity(Severity.LOW)
      .supporting("A.8.13")
      .rationale("A backup plan states when AWS Backup copies resources, how long copies are"
          + " kept and where, the operational side of a backup policy (A.8.13). The check shows"
          + " that backups are scheduled in the region; it does not show that every resource"
          + " that needs one is selected by a plan, so it supports the control without"
          + " evidencing it.")
      .remediation("aws backup create-backup-plan --backup-plan file://plan.json and aws backup"
          + " create-backup-selection for the resources (CDK: new BackupPlan(this, 'Plan',"
          + " { backupPlanRules: [BackupPlanRule.daily()] }).addSelection(...)).")
      .build();

  public BackupPlanExistsCheck() {
    super(METADATA, BackupSnapshot.class);
  }

  @Override
  protected Observation judge(BackupSnapshot snapshot, ScanTarget target) {
    var arn = target.scopeArn("backup", false);
    var subject = "region " + target.region();
    var withRules = new ArrayList<String>();
    var empty = new ArrayList<String>();
    BackupSnapshot.Plan unreadable = null;
    for (var plan : snapshot.plans()) {
      if (plan.ruleCount().isFailed()) {
        unreadable = plan;
      } else if (plan.ruleCount().value() > 0) {
        withRules.add(plan.name());
      } else {
        empty.add(plan.name());
      }
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("PlansWithRules", List.copyOf(withRules));
    evidence.put("PlansWithoutRules", List.copyOf(empty));
    if (!withRules.isEmpty()) {
      return Observation.pass(arn, subject + ": backup plan " + String.join(", ", withRules)
          + " schedules backups", evidence);
    }
    if (unreadable != null) {
      return unreadable.ruleCount().toErrorObservation(arn,
          subject + ": backup plan " + unreadable.name());
    }
    return Observation.fail(arn, empty.isEmpty() ? subject + ": no AWS Backup plan"
        : subject + ": backup plan " + String.join(", ", empty) + " has no rules", evidence);
  }
}
