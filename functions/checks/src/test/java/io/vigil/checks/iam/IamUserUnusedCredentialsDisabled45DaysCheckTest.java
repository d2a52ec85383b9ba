package io.vigil.checks.iam;

import static io.vigil.checks.iam.IamFixtures.TARGET;
import static io.vigil.checks.iam.IamFixtures.daysAgo;
import static io.vigil.checks.iam.IamFixtures.key;
import static io.vigil.checks.iam.IamFixtures.userWithCredentials;
import static io.vigil.checks.iam.IamFixtures.withUsers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IamUserUnusedCredentialsDisabled45DaysCheckTest {

  private static final Lookup<List<IamSnapshot.AccessKey>> NO_KEYS = Lookup.found(List.of());

  private final IamUserUnusedCredentialsDisabled45DaysCheck check =
      new IamUserUnusedCredentialsDisabled45DaysCheck();

  @Test
  void evaluate_returnsNothing_whenAccountHasNoUser() {
    assertEquals(List.of(), check.evaluate(withUsers(), TARGET));
  }

  @Test
  void evaluate_passes_whenPasswordAndKeyWereUsedWithin45Days() {
    // GIVEN a password used 45 days ago and a key used yesterday
    var alice = userWithCredentials("alice", Lookup.found(daysAgo(400)), daysAgo(45),
        Lookup.found(List.of(key("AKIAUSED", 300, Lookup.found(daysAgo(1))))));
    // WHEN
    var o = check.evaluate(withUsers(alice), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("user alice: every credential was used within 45 days", o.reason());
    @SuppressWarnings("unchecked")
    var credentials = (List<Map<String, Object>>) o.evidence().get("credentials");
    assertEquals(2, credentials.size());
    assertEquals(45L, credentials.get(0).get("daysUnused"));
    assertEquals("access key AKIAUSED", credentials.get(1).get("credential"));
  }

  @Test
  void evaluate_fails_whenPasswordLastUsed46DaysAgo() {
    var bob = userWithCredentials("bob", Lookup.found(daysAgo(400)), daysAgo(46), NO_KEYS);
    var o = check.evaluate(withUsers(bob), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("user bob: console password last used 46 days ago (limit 45)", o.reason());
  }

  @Test
  void evaluate_countsNeverUsedCredentialsFromTheirCreation() {
    // GIVEN a password set 10 days ago, never used (fine), and a key created 90 days ago, never
    // used (not fine)
    var carol = userWithCredentials("carol", Lookup.found(daysAgo(10)), null,
        Lookup.found(List.of(key("AKIANEVER", 90, Lookup.absent()))));
    // WHEN
    var o = check.evaluate(withUsers(carol), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("user carol: access key AKIANEVER never used in 90 days (limit 45)", o.reason());
    @SuppressWarnings("unchecked")
    var credentials = (List<Map<String, Object>>) o.evidence().get("credentials");
    assertEquals("never", credentials.get(0).get("lastUsed"));
  }

  @Test
  void evaluate_ignoresInactiveKeys_andIsNotApplicableWithoutCredentials() {
    // GIVEN
    var dave = userWithCredentials("dave", Lookup.absent(), null,
        Lookup.found(List.of(key("AKIAOFF", "Inactive", 900))));
    // WHEN
    var o = check.evaluate(withUsers(dave), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.NOT_APPLICABLE, o.status());
    assertEquals("user dave: has no console password and no active access key", o.reason());
  }

  @Test
  void evaluate_listsEveryUnusedCredential() {
    var erin = userWithCredentials("erin", Lookup.found(daysAgo(500)), daysAgo(200),
        Lookup.found(List.of(key("AKIA1", 100, Lookup.found(daysAgo(60))),
            key("AKIA2", 100, Lookup.found(daysAgo(2))))));
    var o = check.evaluate(withUsers(erin), TARGET).get(0);
    assertEquals("user erin: console password last used 200 days ago and access key AKIA1 last"
        + " used 60 days ago (limit 45)", o.reason());
  }

  @Test
  void evaluate_errorsForOneUser_whenALookupFailed() {
    // GIVEN
    var f1 = userWithCredentials("f1", Lookup.failed("GetLoginProfile failed: AccessDenied"),
        null, NO_KEYS);
    var f2 = userWithCredentials("f2", Lookup.absent(), null,
        Lookup.found(List.of(key("AKIAX", 5, Lookup.failed("GetAccessKeyLastUsed failed: X")))));
    var f3 = userWithCredentials("f3", Lookup.absent(), null,
        Lookup.failed("ListAccessKeys failed: Y"));
    var ok = userWithCredentials("ok", Lookup.found(daysAgo(5)), null, NO_KEYS);
    // WHEN
    var observations = check.evaluate(withUsers(f1, f2, f3, ok), TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.ERROR, CheckStatus.ERROR, CheckStatus.ERROR,
        CheckStatus.PASS), observations.stream().map(Observation::status).toList());
    assertEquals("user f2: GetAccessKeyLastUsed failed: X", observations.get(1).reason());
  }
}
