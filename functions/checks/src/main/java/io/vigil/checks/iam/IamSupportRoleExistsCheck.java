package io.vigil.checks.iam;

import io.vigil.checks.AccountCheck;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The AWS managed AWSSupportAccess policy is attached to at least one role, group or user, so that
 * someone can open and follow AWS Support cases during an incident. One observation per account.
 */
@Singleton
public final class IamSupportRoleExistsCheck extends AccountCheck<IamSnapshot> {

  private static final CheckMetadata METADATA = CheckMetadata.builder("iam_support_role_exists")
      .title("An IAM role, group or user holds AWSSupportAccess to manage AWS Support cases")
      .resourceType("AWS::::Account")
      .severity(Severity.LOW)
      .supporting("A.5.24", "A.5.26")
      .rationale("During an incident someone must be able to open, update and escalate AWS Support"
          + " cases without borrowing root or administrator credentials. A dedicated identity with"
          + " the AWSSupportAccess policy is part of planning incident management (A.5.24) and"
          + " responding to incidents (A.5.26). Supporting evidence: the response plan itself and"
          + " who may assume the role are documented elsewhere. Preferably a role, not a user.")
      .remediation("aws iam create-role --role-name aws-support --assume-role-policy-document"
          + " file://trust.json (trusting your incident responders or Identity Center), then aws"
          + " iam attach-role-policy --role-name aws-support --policy-arn"
          + " arn:aws:iam::aws:policy/AWSSupportAccess.")
      .build();

  public IamSupportRoleExistsCheck() {
    super(METADATA, IamSnapshot.class);
  }

  @Override
  protected Observation judge(IamSnapshot snapshot, ScanTarget target) {
    var arn = target.accountArn();
    var subject = "account " + target.accountId();
    var lookup = snapshot.supportAccessEntities();
    if (lookup.isFailed()) {
      return lookup.toErrorObservation(arn, subject);
    }
    var entities = lookup.value();
    return Observation.of(!entities.isEmpty(), arn,
        subject + ": AWSSupportAccess is attached to " + Texts.joinAnd(entities),
        subject + ": AWSSupportAccess is attached to no role, group or user",
        Map.of("supportAccessEntities", entities));
  }
}
