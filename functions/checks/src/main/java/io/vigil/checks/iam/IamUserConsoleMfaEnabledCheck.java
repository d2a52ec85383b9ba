package io.vigil.checks.iam;

import io.vigil.checks.ResourceCheck;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Every IAM user with a console password has at least one MFA device. Users without a console
 * password are reported NOT_APPLICABLE, so that removing a password visibly closes a failure.
 */
@Singleton
public final class IamUserConsoleMfaEnabledCheck
    extends ResourceCheck<IamSnapshot, IamSnapshot.User> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "iam_user_console_mfa_enabled")
      .title("IAM user with a console password has an MFA device")
      .resourceType("AWS::IAM::User")
      .severity(Severity.HIGH)
      .primary("A.8.5")
      .supporting("A.5.17")
      .rationale("A console password alone can be phished, guessed or reused from another breach."
          + " Requiring an MFA device for every user who can sign in to the console is the core"
          + " of secure authentication (A.8.5) and limits the damage of leaked authentication"
          + " information (A.5.17).")
      .remediation("Assign an MFA device to the user (aws iam enable-mfa-device, or the console's"
          + " Security credentials tab), or delete the login profile if the user does not need"
          + " the console (aws iam delete-login-profile --user-name NAME). Prefer IAM Identity"
          + " Center users with enforced MFA over IAM users.")
      .build();

  public IamUserConsoleMfaEnabledCheck() {
    super(METADATA, IamSnapshot.class, IamSnapshot::users);
  }

  @Override
  protected Observation judge(IamSnapshot.User user, ScanTarget target) {
    var subject = "user " + user.name();
    var console = user.consolePassword();
    if (console.isFailed()) {
      return console.toErrorObservation(user.arn(), subject);
    }
    if (!console.value()) {
      return Observation.notApplicable(user.arn(), subject + ": has no console password");
    }
    var devices = user.mfaDevices();
    if (devices.isFailed()) {
      return devices.toErrorObservation(user.arn(), subject);
    }
    var count = devices.value().size();
    return Observation.of(count > 0, user.arn(),
        subject + ": has a console password and " + Texts.count(count, "MFA device"),
        subject + ": has a console password but no MFA device",
        Map.of("consolePassword", true, "mfaDeviceCount", count));
  }
}
