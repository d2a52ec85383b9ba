package io.vigil.checks.iam;

import io.vigil.checks.AccountCheck;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account password policy is strong: at least {@value #MIN_LENGTH} characters, upper- and
 * lowercase letters, numbers and symbols required, and the last {@value #MIN_REUSE_PREVENTION}
 * passwords not reusable. Password expiry is recorded but not required (NIST SP 800-63B advises
 * against forced periodic changes); no policy at all fails.
 */
@Singleton
public final class IamPasswordPolicyStrongCheck extends AccountCheck<IamSnapshot> {

  static final int MIN_LENGTH = 14;
  static final int MIN_REUSE_PREVENTION = 24;

  private static final CheckMetadata METADATA = CheckMetadata.builder("iam_password_policy_strong")
      .title("IAM password policy requires long, complex passwords that cannot be reused")
      .resourceType("AWS::::Account")
      .severity(Severity.MEDIUM)
      .primary("A.5.17")
      .supporting("A.8.5")
      .rationale("Strong here means: minimum length " + MIN_LENGTH + " or more; uppercase,"
          + " lowercase, number and symbol each required; password reuse prevention of "
          + MIN_REUSE_PREVENTION + " or more. Maximum password age is recorded but not required,"
          + " because forced periodic changes weaken passwords (NIST SP 800-63B). Without a policy"
          + " IAM accepts 8-character passwords, so the quality of authentication information"
          + " (A.5.17) is not managed.")
      .remediation("aws iam update-account-password-policy --minimum-password-length "
          + MIN_LENGTH + " --require-uppercase-characters --require-lowercase-characters"
          + " --require-numbers --require-symbols --password-reuse-prevention "
          + MIN_REUSE_PREVENTION + " --allow-users-to-change-password")
      .build();

  public IamPasswordPolicyStrongCheck() {
    super(METADATA, IamSnapshot.class);
  }

  @Override
  protected Observation judge(IamSnapshot snapshot, ScanTarget target) {
    var arn = target.accountArn();
    var subject = "password policy of " + target.accountId();
    var lookup = snapshot.passwordPolicy();
    if (lookup.isFailed()) {
      return lookup.toErrorObservation(arn, subject);
    }
    if (!lookup.isPresent()) {
      return Observation.fail(arn,
          subject + ": no password policy is set, so IAM accepts 8-character passwords",
          Map.of("passwordPolicy", "none"));
    }
    var policy = lookup.value();
    var failed = failedRules(policy);
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("MinimumPasswordLength", policy.minimumLength());
    evidence.put("RequireUppercaseCharacters", policy.requireUppercase());
    evidence.put("RequireLowercaseCharacters", policy.requireLowercase());
    evidence.put("RequireNumbers", policy.requireNumbers());
    evidence.put("RequireSymbols", policy.requireSymbols());
    evidence.put("PasswordReusePrevention", policy.reusePrevention());
    evidence.put("MaxPasswordAge", policy.maxAgeDays());
    evidence.put("failedRules", failed);
    return Observation.of(failed.isEmpty(), arn,
        subject + ": meets every rule (length " + policy.minimumLength() + ", all character"
            + " classes, reuse prevention " + policy.reusePrevention() + ")",
        subject + ": " + Texts.joinAnd(failed),
        evidence);
  }

  /** Each rule the policy breaks, worded for the reason, e.g. "minimum length 8 < 14". */
  static List<String> failedRules(IamSnapshot.PasswordPolicy policy) {
    var failed = new ArrayList<String>();
    if (policy.minimumLength() < MIN_LENGTH) {
      failed.add("minimum length " + policy.minimumLength() + " < " + MIN_LENGTH);
    }
    if (!policy.requireUppercase()) {
      failed.add("uppercase not required");
    }
    if (!policy.requireLowercase()) {
      failed.add("lowercase not required");
    }
    if (!policy.requireNumbers()) {
      failed.add("numbers not required");
    }
    if (!policy.requireSymbols()) {
      failed.add("symbols not required");
    }
    if (policy.reusePrevention() < MIN_REUSE_PREVENTION) {
      failed.add("reuse prevention " + policy.reusePrevention() + " < " + MIN_REUSE_PREVENTION);
    }
    return failed;
  }
}
