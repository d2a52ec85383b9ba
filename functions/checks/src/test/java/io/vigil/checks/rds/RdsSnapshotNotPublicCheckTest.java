package io.vigil.checks.rds;

import static io.vigil.checks.rds.RdsFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsSnapshotNotPublicCheckTest {

  private final RdsSnapshotNotPublicCheck check = new RdsSnapshotNotPublicCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoManualSnapshot() {
    assertEquals(List.of(), check.evaluate(RdsFixtures.empty(), TARGET));
  }

  @Test
  void evaluate_passes_whenNotShared_orSharedWithNamedAccounts() {
    // GIVEN
    var snapshot = RdsFixtures.snapshots(
        RdsFixtures.dbSnapshot("private", Lookup.found(List.of())),
        RdsFixtures.dbSnapshot("shared", Lookup.found(List.of("210987654321"))),
        RdsFixtures.dbSnapshot("no-attribute", Lookup.absent()));
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.PASS, CheckStatus.PASS),
        RdsFixtures.statuses(observations));
    assertEquals("DB snapshot private: not shared", observations.get(0).reason());
    assertEquals("DB snapshot shared: shared with 1 named account(s) only",
        observations.get(1).reason());
    assertEquals(List.of("210987654321"), observations.get(1).evidence().get("RestoreAttribute"));
  }

  @Test
  void evaluate_fails_whenRestoreIncludesAll() {
    var o = check.evaluate(RdsFixtures.snapshots(RdsFixtures.dbSnapshot("leak",
        Lookup.found(List.of("all", "210987654321")))), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("DB snapshot leak: public (any AWS account can restore it)", o.reason());
    assertEquals("arn:aws:rds:eu-west-1:123456789012:snapshot:leak", o.resourceArn());
  }

  @Test
  void evaluate_errorsForOneSnapshot_whenItsAttributesCouldNotBeRead() {
    var snapshot = RdsFixtures.snapshots(
        RdsFixtures.dbSnapshot("x", Lookup.failed("DescribeDBSnapshotAttributes failed:"
            + " AccessDenied")),
        RdsFixtures.dbSnapshot("y", Lookup.found(List.of())));
    var observations = check.evaluate(snapshot, TARGET);
    assertEquals(List.of(CheckStatus.ERROR, CheckStatus.PASS), RdsFixtures.statuses(observations));
    assertEquals("DB snapshot x: DescribeDBSnapshotAttributes failed: AccessDenied",
        observations.get(0).reason());
  }
}
