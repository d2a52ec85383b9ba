package io.vigil.checks.iam;

import static io.vigil.checks.iam.IamFixtures.TARGET;
import static io.vigil.checks.iam.IamFixtures.userWithPolicies;
import static io.vigil.checks.iam.IamFixtures.withUsers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamUserNoInlineOrDirectPoliciesCheckTest {

  private static final Lookup<List<String>> NONE = Lookup.found(List.of());

  private final IamUserNoInlineOrDirectPoliciesCheck check =
      new IamUserNoInlineOrDirectPoliciesCheck();

  @Test
  void evaluate_returnsNothing_whenAccountHasNoUser() {
    assertEquals(List.of(), check.evaluate(withUsers(), TARGET));
  }

  @Test
  void evaluate_passes_whenUserHasNoOwnPolicy() {
    // WHEN
    var o = check.evaluate(withUsers(userWithPolicies("alice", NONE, NONE)), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("user alice: has no inline or directly attached policy", o.reason());
    assertEquals(List.of(), o.evidence().get("inlinePolicies"));
  }

  @Test
  void evaluate_fails_andNamesInlineAndAttachedPolicies() {
    // GIVEN
    var bob = userWithPolicies("bob", Lookup.found(List.of("s3-access")),
        Lookup.found(List.of("ReadOnlyAccess", "billing")));
    // WHEN
    var o = check.evaluate(withUsers(bob), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("user bob: has inline policy s3-access; directly attached policies"
        + " ReadOnlyAccess and billing", o.reason());
    assertEquals(List.of("ReadOnlyAccess", "billing"), o.evidence().get("attachedPolicies"));
  }

  @Test
  void evaluate_fails_forOnlyOneKind() {
    var carol = userWithPolicies("carol", Lookup.found(List.of("a", "b")), NONE);
    var dave = userWithPolicies("dave", NONE, Lookup.found(List.of("AdministratorAccess")));
    var observations = check.evaluate(withUsers(carol, dave), TARGET);
    assertEquals("user carol: has inline policies a and b", observations.get(0).reason());
    assertEquals("user dave: has directly attached policy AdministratorAccess",
        observations.get(1).reason());
  }

  @Test
  void evaluate_errorsForOneUser_whenEitherListCouldNotBeRead() {
    // GIVEN
    var e1 = userWithPolicies("e1", Lookup.failed("ListUserPolicies failed: AccessDenied"), NONE);
    var e2 = userWithPolicies("e2", NONE,
        Lookup.failed("ListAttachedUserPolicies failed: AccessDenied"));
    var ok = userWithPolicies("ok", NONE, NONE);
    // WHEN
    var observations = check.evaluate(withUsers(e1, e2, ok), TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.ERROR, CheckStatus.ERROR, CheckStatus.PASS),
        observations.stream().map(Observation::status).toList());
    assertEquals("user e2: ListAttachedUserPolicies failed: AccessDenied",
        observations.get(1).reason());
  }
}
