package io.vigil.checks.iam;

import io.vigil.checks.AccountCheck;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.Map;

/** The root user has no access keys (GetAccountSummary AccountAccessKeysPresent = 0). */
@Singleton
public final class IamRootAccessKeysAbsentCheck extends AccountCheck<IamSnapshot> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "iam_root_access_keys_absent")
      .title("Root user of the AWS account has no access keys")
      .resourceType("AWS::::Account")
      .severity(Severity.CRITICAL)
      .primary("A.8.2")
      .supporting("A.5.17")
      .rationale("A root access key gives unrestricted, MFA-less programmatic access to the whole"
          + " account and cannot be limited by IAM policies. Privileged access rights (A.8.2)"
          + " call for using root only for the few tasks that need it, interactively; long-term"
          + " root secrets (A.5.17) should not exist.")
      .remediation("Sign in as root, open Security credentials, make sure nothing still uses the"
          + " key (check its last-used date), then deactivate and delete it. Use IAM roles or"
          + " IAM Identity Center for automation and administration instead.")
      .build();

  public IamRootAccessKeysAbsentCheck() {
    super(METADATA, IamSnapshot.class);
  }

  @Override
  protected Observation judge(IamSnapshot snapshot, ScanTarget target) {
    var arn = target.accountArn();
    var summary = snapshot.accountSummary();
    if (summary.isFailed()) {
      return summary.toErrorObservation(arn, "root user of " + target.accountId());
    }
    var keys = summary.value().rootAccessKeysPresent();
    return Observation.of(keys == 0, arn,
        "root user of " + target.accountId() + ": has no access key",
        "root user of " + target.accountId() + ": has " + Texts.count(keys, "access key"),
        Map.of("AccountAccessKeysPresent", keys));
  }
}
