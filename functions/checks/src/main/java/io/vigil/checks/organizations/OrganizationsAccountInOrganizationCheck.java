package io.vigil.checks.organizations;

import io.vigil.checks.AccountCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account belongs to an AWS Organization. One observation per account, about
 * {@code arn:<partition>:iam::<account>:root}; an account in no organization fails.
 */
@Singleton
public final class OrganizationsAccountInOrganizationCheck
    extends AccountCheck<OrganizationsSnapshot> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("organizations_account_in_organization")
          .title("AWS account is a member of an AWS Organization")
          .resourceType("AWS::Organizations::Account")
          .severity(Severity.LOW)
          .supporting("A.5.15", "A.8.9")
          .rationale("In an organization the account inherits guardrails it cannot remove"
              + " (service control policies), can be governed by delegated security services"
              + " (organization CloudTrail, GuardDuty, Config) and is listed in one inventory of"
              + " accounts. A stand-alone account has none of that, so its access control"
              + " (A.5.15) and configuration baseline (A.8.9) rest on its own administrators.")
          .remediation("From the management account: aws organizations"
              + " invite-account-to-organization --target Id=ACCOUNT_ID,Type=ACCOUNT, then"
              + " accept the handshake in this account (aws organizations accept-handshake"
              + " --handshake-id ID).")
          .build();

  public OrganizationsAccountInOrganizationCheck() {
    super(METADATA, OrganizationsSnapshot.class);
  }

  @Override
  protected Observation judge(OrganizationsSnapshot snapshot, ScanTarget target) {
    var arn = target.accountArn();
    var subject = "account " + target.accountId();
    var org = snapshot.organization();
    if (org.isFailed()) {
      return org.toErrorObservation(arn, subject);
    }
    if (!org.isPresent()) {
      return Observation.fail(arn, subject + ": not a member of an AWS Organization",
          Map.of("InOrganization", false));
    }
    var o = org.value();
    var management = o.managementAccountId().equals(target.accountId());
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("InOrganization", true);
    evidence.put("OrganizationId", o.id());
    evidence.put("ManagementAccountId", o.managementAccountId());
    evidence.put("FeatureSet", o.featureSet());
    return Observation.pass(arn, subject + ": " + (management ? "management account" : "member")
        + " of organization " + o.id(), evidence);
  }
}
