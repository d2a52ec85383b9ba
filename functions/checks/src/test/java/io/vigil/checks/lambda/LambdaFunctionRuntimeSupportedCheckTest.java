package io.vigil.checks.lambda;

import static io.vigil.checks.lambda.LambdaFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaFunctionRuntimeSupportedCheckTest {

  private final LambdaFunctionRuntimeSupportedCheck check =
      new LambdaFunctionRuntimeSupportedCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoFunction() {
    assertEquals(List.of(), check.evaluate(LambdaFixtures.of(), TARGET));
  }

  @Test
  void evaluate_passes_forRuntimeWithoutDeprecation() {
    var o = check.evaluate(LambdaFixtures.of(LambdaFixtures.withRuntime("f", "python3.12")),
        TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("function f: runtime python3.12 is not deprecated", o.reason());
    assertEquals("python3.12", o.evidence().get("Runtime"));
  }

  @Test
  void evaluate_fails_forDeprecatedRuntime() {
    var o = check.evaluate(LambdaFixtures.of(LambdaFixtures.withRuntime("old", "python3.8")),
        TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("function old: runtime python3.8 has been deprecated since 2024-10-14",
        o.reason());
    assertEquals("2024-10-14", o.evidence().get("DeprecationDate"));
  }

  @Test
  void evaluate_judgesAtTheSnapshotTime_onTheDeprecationDayBoundary() {
    // GIVEN python3.9 is deprecated on 2025-12-15
    var before = new LambdaSnapshot(Instant.parse("2025-12-14T23:59:59Z"),
        List.of(LambdaFixtures.withRuntime("f", "python3.9")));
    var on = new LambdaSnapshot(Instant.parse("2025-12-15T00:00:00Z"),
        List.of(LambdaFixtures.withRuntime("f", "python3.9")));
    // WHEN THEN
    var passing = check.evaluate(before, TARGET).get(0);
    assertEquals(CheckStatus.PASS, passing.status());
    assertEquals("function f: runtime python3.9 is supported until 2025-12-15", passing.reason());
    assertEquals(CheckStatus.FAIL, check.evaluate(on, TARGET).get(0).status());
  }

  @Test
  void evaluate_isNotApplicable_forContainerImages_amongSeveral() {
    var observations = check.evaluate(LambdaFixtures.of(LambdaFixtures.withRuntime("img", null),
        LambdaFixtures.withRuntime("go", "go1.x"), LambdaFixtures.withRuntime("j", "java21")),
        TARGET);
    assertEquals(List.of(CheckStatus.NOT_APPLICABLE, CheckStatus.FAIL, CheckStatus.PASS),
        LambdaFixtures.statuses(observations));
    assertEquals("function img: container image function (package type Image), no managed"
        + " runtime", observations.get(0).reason());
  }
}
