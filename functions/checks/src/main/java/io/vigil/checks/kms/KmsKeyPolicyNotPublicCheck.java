package io.vigil.checks.kms;

import io.vigil.checks.ResourceCheck;
import io.vigil.checks.internal.PolicyDocument;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * No customer managed key's policy allows Principal {@code "*"} (or an Allow with NotPrincipal)
 * without a condition that pins the caller's account (kms:CallerAccount, aws:PrincipalAccount),
 * organization, principal ARN or network. AWS managed keys are omitted.
 */
@Singleton
public final class KmsKeyPolicyNotPublicCheck extends ResourceCheck<KmsSnapshot, KmsSnapshot.Key> {

  private static final CheckMetadata METADATA = CheckMetadata.builder("kms_key_policy_not_public")
      .title("KMS customer managed key policy grants no access to everyone")
      .resourceType("AWS::KMS::Key")
      .severity(Severity.CRITICAL)
      .primary("A.8.3")
      .supporting("A.8.24", "A.5.15")
      .rationale("A key policy statement for Principal \"*\" without a condition on the caller's"
          + " account or organization lets any AWS account use (or manage) the key, so anyone"
          + " who obtains a ciphertext or snapshot can decrypt it. Access to keys must be"
          + " restricted like access to the data they protect (A.8.3) for cryptography to"
          + " protect anything (A.8.24). Conditions such as kms:ViaService alone do not limit"
          + " which account calls and do not count.")
      .remediation("Replace \"*\" with the account root or named roles, or add a Condition on"
          + " kms:CallerAccount / aws:PrincipalOrgID: aws kms put-key-policy --key-id KEY_ID"
          + " --policy-name default --policy file://policy.json.")
      .build();

  public KmsKeyPolicyNotPublicCheck() {
    super(METADATA, KmsSnapshot.class, KmsSnapshot::keys);
  }

  @Override
  protected Observation judge(KmsSnapshot.Key key, ScanTarget target) {
    var subject = "key " + key.id();
    if (key.description().isFailed()) {
      return key.description().toErrorObservation(key.arn(), subject);
    }
    if (!key.description().value().customerManaged()) {
      return null;
    }
    if (key.policy().isFailed()) {
      return key.policy().toErrorObservation(key.arn(), subject);
    }
    if (!key.policy().isPresent()) {
      return Observation.notApplicable(key.arn(), subject + ": key policy was not read");
    }
    var open = key.policy().value().publicStatements();
    return Observation.of(open.isEmpty(), key.arn(),
        subject + ": key policy has no statement that allows everyone",
        subject + ": key policy " + Texts.joinAnd(open.stream()
            .map(PolicyDocument.Statement::describe).toList()) + " allows everyone",
        Map.of("publicStatements", open.stream().map(PolicyDocument.Statement::label).toList(),
            "statementCount", key.policy().value().statements().size()));
  }
}
