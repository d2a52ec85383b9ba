package io.vigil.checks.iam;

import static io.vigil.checks.iam.IamFixtures.TARGET;
import static io.vigil.checks.iam.IamFixtures.key;
import static io.vigil.checks.iam.IamFixtures.user;
import static io.vigil.checks.iam.IamFixtures.withUsers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IamUserAccessKeysRotated90DaysCheckTest {

  private final IamUserAccessKeysRotated90DaysCheck check =
      new IamUserAccessKeysRotated90DaysCheck();

  @Test
  void evaluate_returnsNothing_whenAccountHasNoUser() {
    assertEquals(List.of(), check.evaluate(withUsers(), TARGET));
  }

  @Test
  void evaluate_passes_whenActiveKeyIsExactly90DaysOld() {
    // GIVEN
    var u = withKeys("ci", Lookup.found(List.of(key("AKIAOK", "Active", 90))));
    // WHEN
    var o = check.evaluate(withUsers(u), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    @SuppressWarnings("unchecked")
    var keys = (List<Map<String, Object>>) o.evidence().get("activeAccessKeys");
    assertEquals(90L, keys.get(0).get("ageDays"));
    assertEquals("AKIAOK", keys.get(0).get("accessKeyId"));
  }

  @Test
  void evaluate_fails_whenAnActiveKeyIs91DaysOld() {
    // GIVEN
    var u = withKeys("deploy", Lookup.found(List.of(
        key("AKIANEW", "Active", 3), key("AKIAOLD", "Active", 91))));
    // WHEN
    var o = check.evaluate(withUsers(u), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("user deploy: access key AKIAOLD is 91 days old (limit 90)", o.reason());
  }

  @Test
  void evaluate_ignoresInactiveKeys_andIsNotApplicable_whenNoKeyIsActive() {
    // GIVEN an old key that is switched off
    var u = withKeys("former", Lookup.found(List.of(key("AKIAOFF", "Inactive", 400))));
    // WHEN
    var o = check.evaluate(withUsers(u), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.NOT_APPLICABLE, o.status());
    assertEquals("user former: has no active access key", o.reason());
  }

  @Test
  void evaluate_judgesEveryUser_andErrorsOnlyForTheUnreadableOne() {
    // GIVEN
    var a = withKeys("a", Lookup.found(List.of(key("AKIAA", "Active", 10))));
    var b = withKeys("b", Lookup.failed("ListAccessKeys failed: AccessDenied"));
    var c = withKeys("c", Lookup.found(List.of(key("AKIAC", "Active", 200),
        key("AKIAC2", "Active", 120))));
    var d = withKeys("d", Lookup.found(List.of()));
    // WHEN
    var observations = check.evaluate(withUsers(a, b, c, d), TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.ERROR, CheckStatus.FAIL,
        CheckStatus.NOT_APPLICABLE), observations.stream().map(Observation::status).toList());
    assertEquals("user c: access key AKIAC is 200 days old and AKIAC2 is 120 days old (limit 90)",
        observations.get(2).reason());
  }

  private static IamSnapshot.User withKeys(
      String name, Lookup<List<IamSnapshot.AccessKey>> keys) {
    return user(name, Lookup.found(false), Lookup.found(List.of()), keys);
  }
}
