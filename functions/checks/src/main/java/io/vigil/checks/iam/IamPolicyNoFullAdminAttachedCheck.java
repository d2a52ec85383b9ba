package io.vigil.checks.iam;

import io.vigil.checks.ResourceCheck;
import io.vigil.checks.internal.PolicyDocument;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * No attached customer managed policy allows every action ({@code *} or {@code *:*}) on every
 * resource ({@code *}). One observation per attached customer managed policy; unattached policies
 * grant nothing and are not listed. AWS managed policies such as AdministratorAccess are out of
 * scope: who holds them is an access-review question, not a policy defect.
 */
@Singleton
public final class IamPolicyNoFullAdminAttachedCheck
    extends ResourceCheck<IamSnapshot, IamSnapshot.ManagedPolicy> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "iam_policy_no_full_admin_attached")
      .title("Attached customer managed IAM policy does not allow every action on every resource")
      .resourceType("AWS::IAM::Policy")
      .severity(Severity.HIGH)
      .primary("A.8.2")
      .supporting("A.5.15", "A.5.18")
      .rationale("A customer managed policy with Allow Action \"*\" on Resource \"*\" is a hidden"
          + " copy of AdministratorAccess: whoever it is attached to holds unrestricted privileged"
          + " access, usually without the scrutiny given to the AWS managed admin policy."
          + " Privileged access rights (A.8.2) must be restricted and allocated deliberately, and"
          + " access rights (A.5.18) follow least privilege. Only the default version of each"
          + " attached policy is judged; NotAction statements are not counted as full admin.")
      .remediation("Replace the statement with the actions and resources the workload needs"
          + " (IAM Access Analyzer can generate a policy from CloudTrail activity), publish it as"
          + " a new default version (aws iam create-policy-version --set-as-default) and delete"
          + " the old version; grant administrators AdministratorAccess through IAM Identity"
          + " Center permission sets with MFA instead.")
      .build();

  public IamPolicyNoFullAdminAttachedCheck() {
    super(METADATA, IamSnapshot.class, IamSnapshot::attachedCustomerPolicies);
  }

  @Override
  protected Observation judge(IamSnapshot.ManagedPolicy policy, ScanTarget target) {
    var subject = "policy " + policy.name();
    var document = policy.document();
    if (document.isFailed()) {
      return document.toErrorObservation(policy.arn(), subject);
    }
    var admin = document.value().statements().stream()
        .filter(PolicyDocument.Statement::grantsFullAdmin)
        .map(PolicyDocument.Statement::label)
        .toList();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("attachmentCount", policy.attachmentCount());
    evidence.put("statementCount", document.value().statements().size());
    evidence.put("fullAdminStatements", admin);
    return Observation.of(admin.isEmpty(), policy.arn(),
        subject + ": no statement allows every action on every resource",
        subject + (admin.size() == 1 ? ": statement " : ": statements ") + Texts.joinAnd(admin)
            + (admin.size() == 1 ? " allows" : " allow") + " Action * on Resource * and the"
            + " policy is attached to " + policy.attachmentCount()
            + (policy.attachmentCount() == 1 ? " identity" : " identities"),
        evidence);
  }
}
