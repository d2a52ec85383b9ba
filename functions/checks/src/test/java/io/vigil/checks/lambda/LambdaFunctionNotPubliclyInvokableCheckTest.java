package io.vigil.checks.lambda;

import static io.vigil.checks.lambda.LambdaFixtures.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaFunctionNotPubliclyInvokableCheckTest {

  private final LambdaFunctionNotPubliclyInvokableCheck check =
      new LambdaFunctionNotPubliclyInvokableCheck();

  private static LambdaSnapshot.Statement statement(String sid, String effect, String principal,
      String... conditionKeys) {
    return new LambdaSnapshot.Statement(sid, effect, List.of(principal),
        List.of("lambda:InvokeFunction"), List.of(conditionKeys));
  }

  @Test
  void evaluate_returnsNothing_whenRegionHasNoFunction() {
    assertEquals(List.of(), check.evaluate(LambdaFixtures.of(), TARGET));
  }

  @Test
  void evaluate_passes_withoutPolicy_orWithRestrictedStatements() {
    // GIVEN
    var none = LambdaFixtures.withPolicy("none", Lookup.absent());
    var pinned = LambdaFixtures.withPolicy("pinned", Lookup.found(List.of(
        statement("s3", "Allow", "Service:s3.amazonaws.com", "AWS:SourceArn"),
        statement("any-in-org", "Allow", "*", "aws:PrincipalOrgID"),
        statement("deny-all", "Deny", "*"))));
    // WHEN
    var observations = check.evaluate(LambdaFixtures.of(none, pinned), TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.PASS),
        LambdaFixtures.statuses(observations));
    assertEquals("function none: no resource-based policy", observations.get(0).reason());
    assertEquals("function pinned: resource policy grants no public access",
        observations.get(1).reason());
    assertEquals(3, observations.get(1).evidence().get("StatementCount"));
  }

  @Test
  void evaluate_fails_forWildcardPrincipalWithoutRestrictingCondition() {
    // GIVEN a plain wildcard, an AWS:* one, and a function URL with auth type NONE
    var open = LambdaFixtures.withPolicy("open", Lookup.found(List.of(
        statement("anyone", "Allow", "*"),
        statement("", "Allow", "AWS:*"),
        statement("url", "Allow", "*", "lambda:FunctionUrlAuthType"))));
    // WHEN
    var o = check.evaluate(LambdaFixtures.of(open), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("function open: resource policy statement anyone, #2, url allows any principal"
        + " to invoke it", o.reason());
    assertEquals(List.of("anyone", "#2", "url"), o.evidence().get("PublicStatements"));
  }

  @Test
  void evaluate_errorsForOneFunction_whenPolicyCouldNotBeRead() {
    var observations = check.evaluate(LambdaFixtures.of(
        LambdaFixtures.withPolicy("x", Lookup.failed("GetPolicy failed: AccessDeniedException")),
        LambdaFixtures.withPolicy("y", Lookup.absent())), TARGET);
    assertEquals(List.of(CheckStatus.ERROR, CheckStatus.PASS),
        LambdaFixtures.statuses(observations));
    assertEquals("function x: GetPolicy failed: AccessDeniedException",
        observations.get(0).reason());
  }
}
