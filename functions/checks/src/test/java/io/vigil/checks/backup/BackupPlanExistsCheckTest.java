package io.vigil.checks.backup;

import static io.vigil.checks.backup.BackupFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupPlanExistsCheckTest {

  private final BackupPlanExistsCheck check = new BackupPlanExistsCheck();
  private final Lookup<List<String>> noReports = Lookup.found(List.of());

  @Test
  void evaluate_fails_whenRegionHasNoPlan() {
    var o = check.evaluate(BackupFixtures.plans(noReports), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals(BackupFixtures.SCOPE, o.resourceArn());
    assertEquals("region eu-west-1: no AWS Backup plan", o.reason());
  }

  @Test
  void evaluate_passes_whenAPlanHasRules() {
    var o = check.evaluate(BackupFixtures.plans(noReports,
        BackupFixtures.plan("empty", Lookup.found(0)),
        BackupFixtures.plan("daily", Lookup.found(2))), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("region eu-west-1: backup plan daily schedules backups", o.reason());
    assertEquals(List.of("empty"), o.evidence().get("PlansWithoutRules"));
  }

  @Test
  void evaluate_fails_whenEveryPlanIsEmpty() {
    var o = check.evaluate(BackupFixtures.plans(noReports,
        BackupFixtures.plan("draft", Lookup.found(0))), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("region eu-west-1: backup plan draft has no rules", o.reason());
  }

  @Test
  void evaluate_errors_whenNoPlanIsKnownToHaveRules_andOneCouldNotBeRead() {
    var unreadable = BackupFixtures.plan("x", Lookup.failed("GetBackupPlan failed: AccessDenied"));
    var o = check.evaluate(BackupFixtures.plans(noReports, unreadable,
        BackupFixtures.plan("draft", Lookup.found(0))), TARGET).get(0);
    assertEquals(CheckStatus.ERROR, o.status());
    assertEquals("region eu-west-1: backup plan x: GetBackupPlan failed: AccessDenied",
        o.reason());
    assertEquals(CheckStatus.PASS, check.evaluate(BackupFixtures.plans(noReports, unreadable,
        BackupFixtures.plan("daily", Lookup.found(1))), TARGET).get(0).status());
  }
}
