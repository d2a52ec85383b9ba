package io.vigil.checks.iam;

import static io.vigil.checks.iam.IamFixtures.TARGET;
import static io.vigil.checks.iam.IamFixtures.user;
import static io.vigil.checks.iam.IamFixtures.withUsers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamUserConsoleMfaEnabledCheckTest {

  private static final Lookup<List<IamSnapshot.AccessKey>> NO_KEYS = Lookup.found(List.of());

  private final IamUserConsoleMfaEnabledCheck check = new IamUserConsoleMfaEnabledCheck();

  @Test
  void evaluate_returnsNothing_whenAccountHasNoUser() {
    assertEquals(List.of(), check.evaluate(withUsers(), TARGET));
  }

  @Test
  void evaluate_passes_whenConsoleUserHasAnMfaDevice() {
    // GIVEN
    var alice = user("alice", Lookup.found(true),
        Lookup.found(List.of("arn:aws:iam::123456789012:mfa/alice")), NO_KEYS);
    // WHEN
    var o = check.evaluate(withUsers(alice), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("user alice: has a console password and 1 MFA device", o.reason());
    assertEquals(1, o.evidence().get("mfaDeviceCount"));
  }

  @Test
  void evaluate_fails_whenConsoleUserHasNoMfaDevice() {
    // GIVEN
    var bob = user("bob", Lookup.found(true), Lookup.found(List.of()), NO_KEYS);
    // WHEN
    var o = check.evaluate(withUsers(bob), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("arn:aws:iam::123456789012:user/bob", o.resourceArn());
    assertEquals("user bob: has a console password but no MFA device", o.reason());
  }

  @Test
  void evaluate_isNotApplicable_whenUserHasNoConsolePassword() {
    // GIVEN a programmatic user whose MFA devices could not even be listed
    var ci = user("ci", Lookup.found(false), Lookup.failed("ListMFADevices failed: AccessDenied"),
        NO_KEYS);
    // WHEN
    var o = check.evaluate(withUsers(ci), TARGET).get(0);
    // THEN MFA does not matter for this check
    assertEquals(CheckStatus.NOT_APPLICABLE, o.status());
    assertEquals("user ci: has no console password", o.reason());
  }

  @Test
  void evaluate_errors_whenLoginProfileCouldNotBeRead() {
    // GIVEN
    var carol = user("carol", Lookup.failed("GetLoginProfile failed: AccessDenied"),
        Lookup.found(List.of()), NO_KEYS);
    // WHEN
    var o = check.evaluate(withUsers(carol), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.ERROR, o.status());
    assertEquals("user carol: GetLoginProfile failed: AccessDenied", o.reason());
  }

  @Test
  void evaluate_errorsForOneUser_whenOnlyItsMfaDevicesCouldNotBeRead() {
    // GIVEN
    var dave = user("dave", Lookup.found(true), Lookup.failed("ListMFADevices failed: Throttling"),
        NO_KEYS);
    var erin = user("erin", Lookup.found(true), Lookup.found(List.of("mfa-erin")), NO_KEYS);
    var frank = user("frank", Lookup.found(true), Lookup.found(List.of()), NO_KEYS);
    // WHEN
    var observations = check.evaluate(withUsers(dave, erin, frank), TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.ERROR, CheckStatus.PASS, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
  }
}
