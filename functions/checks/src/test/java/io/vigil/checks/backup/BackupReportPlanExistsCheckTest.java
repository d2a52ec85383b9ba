package io.vigil.checks.backup;

import static io.vigil.checks.backup.BackupFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupReportPlanExistsCheckTest {

  private final BackupReportPlanExistsCheck check = new BackupReportPlanExistsCheck();
  private final BackupSnapshot.Plan daily = BackupFixtures.plan("daily", Lookup.found(1));

  @Test
  void evaluate_isNotApplicable_whenRegionHasNoBackupPlan() {
    var o = check.evaluate(BackupFixtures.plans(Lookup.found(List.of())), TARGET).get(0);
    assertEquals(CheckStatus.NOT_APPLICABLE, o.status());
    assertEquals("region eu-west-1: no backup plan to report on", o.reason());
  }

  @Test
  void evaluate_passes_withAReportPlan() {
    var o = check.evaluate(BackupFixtures.plans(Lookup.found(List.of("jobs")), daily), TARGET)
        .get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("region eu-west-1: report plan jobs reports on backups", o.reason());
  }

  @Test
  void evaluate_fails_withoutReportPlan() {
    var o = check.evaluate(BackupFixtures.plans(Lookup.found(List.of()), daily), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("region eu-west-1: no AWS Backup report plan", o.reason());
  }

  @Test
  void evaluate_errors_whenReportPlansCouldNotBeListed() {
    var o = check.evaluate(BackupFixtures.plans(
        Lookup.failed("ListReportPlans failed: AccessDeniedException"), daily), TARGET).get(0);
    assertEquals(CheckStatus.ERROR, o.status());
    assertEquals(BackupFixtures.SCOPE, o.resourceArn());
  }
}
