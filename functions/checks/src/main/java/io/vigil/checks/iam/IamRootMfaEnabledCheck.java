package io.vigil.checks.iam;

import io.vigil.checks.AccountCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.Map;

/** The root user of the account signs in with MFA (GetAccountSummary AccountMFAEnabled = 1). */
@Singleton
public final class IamRootMfaEnabledCheck extends AccountCheck<IamSnapshot> {

  private static final CheckMetadata METADATA = CheckMetadata.builder("iam_root_mfa_enabled")
      .title("Root user of the AWS account has multi-factor authentication enabled")
      .resourceType("AWS::::Account")
      .severity(Severity.CRITICAL)
      .primary("A.8.5")
      .supporting("A.5.17", "A.8.2")
      .rationale("The root user has unrestricted access to the account and cannot be limited by"
          + " IAM policies. Without MFA a leaked or guessed root password is enough to take over"
          + " the account, so secure authentication (A.8.5) of this most privileged identity"
          + " (A.8.2) needs a second factor.")
      .remediation("Sign in as root, open Security credentials and assign an MFA device (a"
          + " hardware key or passkey for production accounts); keep the device in a safe with"
          + " a documented break-glass procedure. In AWS Organizations, consider centralised root"
          + " access management to remove member-account root credentials.")
      .build();

  public IamRootMfaEnabledCheck() {
    super(METADATA, IamSnapshot.class);
  }

  @Override
  protected Observation judge(IamSnapshot snapshot, ScanTarget target) {
    var arn = target.accountArn();
    var summary = snapshot.accountSummary();
    if (summary.isFailed()) {
      return summary.toErrorObservation(arn, "root user of " + target.accountId());
    }
    var enabled = summary.value().rootMfaEnabled();
    return Observation.of(enabled, arn,
        "root user of " + target.accountId() + ": MFA is enabled",
        "root user of " + target.accountId() + ": MFA is not enabled",
        Map.of("AccountMFAEnabled", enabled));
  }
}
