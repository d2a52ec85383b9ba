package io.vigil.checks.iam;

import io.vigil.checks.ResourceCheck;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * No IAM user has inline policies or managed policies attached directly: users get their
 * permissions through groups (or assume roles), so access is granted per job function.
 */
@Singleton
public final class IamUserNoInlineOrDirectPoliciesCheck
    extends ResourceCheck<IamSnapshot, IamSnapshot.User> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "iam_user_no_inline_or_direct_policies")
      .title("IAM user receives permissions only through groups, with no inline or directly"
          + " attached policy")
      .resourceType("AWS::IAM::User")
      .severity(Severity.LOW)
      .supporting("A.5.15", "A.5.18")
      .rationale("Permissions granted user by user drift apart, survive role changes and are hard"
          + " to review; granting them through groups that mirror job functions keeps access"
          + " control rules (A.5.15) consistent and makes provisioning, review and removal of"
          + " access rights (A.5.18) a matter of group membership. Supporting evidence: it shows"
          + " how permissions are assigned, not that they are appropriate.")
      .remediation("Create or reuse a group for the job function, attach the managed policies to"
          + " it (aws iam attach-group-policy), add the user (aws iam add-user-to-group), then"
          + " remove the user's own policies (aws iam detach-user-policy / delete-user-policy)."
          + " Prefer IAM Identity Center permission sets for people.")
      .build();

  public IamUserNoInlineOrDirectPoliciesCheck() {
    super(METADATA, IamSnapshot.class, IamSnapshot::users);
  }

  @Override
  protected Observation judge(IamSnapshot.User user, ScanTarget target) {
    var subject = "user " + user.name();
    if (user.inlinePolicies().isFailed()) {
      return user.inlinePolicies().toErrorObservation(user.arn(), subject);
    }
    if (user.attachedPolicies().isFailed()) {
      return user.attachedPolicies().toErrorObservation(user.arn(), subject);
    }
    var inline = user.inlinePolicies().value();
    var attached = user.attachedPolicies().value();
    var found = new ArrayList<String>();
    if (!inline.isEmpty()) {
      found.add((inline.size() == 1 ? "inline policy " : "inline policies ")
          + Texts.joinAnd(inline));
    }
    if (!attached.isEmpty()) {
      found.add((attached.size() == 1 ? "directly attached policy " : "directly attached policies ")
          + Texts.joinAnd(attached));
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("inlinePolicies", inline);
    evidence.put("attachedPolicies", attached);
    return Observation.of(found.isEmpty(), user.arn(),
        subject + ": has no inline or directly attached policy",
        subject + ": has " + String.join("; ", found),
        evidence);
  }
}
