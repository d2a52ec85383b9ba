package io.vigil.checks.rds;

import static io.vigil.checks.rds.RdsFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsInstanceNotPubliclyAccessibleCheckTest {

  private final RdsInstanceNotPubliclyAccessibleCheck check =
      new RdsInstanceNotPubliclyAccessibleCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoInstance() {
    assertEquals(List.of(), check.evaluate(RdsFixtures.empty(), TARGET));
  }

  @Test
  void evaluate_passes_whenPrivate() {
    var o = check.evaluate(RdsFixtures.instances(RdsFixtures.good("prod-db")), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("DB instance prod-db: not publicly accessible", o.reason());
  }

  @Test
  void evaluate_fails_whenPubliclyAccessible() {
    var o = check.evaluate(RdsFixtures.instances(RdsFixtures.bad("open-db")), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("DB instance open-db: publicly accessible (the endpoint resolves to a public IP)",
        o.reason());
    assertEquals(true, o.evidence().get("PubliclyAccessible"));
  }

  @Test
  void evaluate_judgesClusterMembers_sincePublicAccessIsPerInstance() {
    var snapshot = RdsFixtures.instances(RdsFixtures.good("a"),
        RdsFixtures.member("b", "aurora-1"));
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL),
        RdsFixtures.statuses(check.evaluate(snapshot, TARGET)));
  }
}
