package io.vigil.checks.organizations;

import io.vigil.checks.AccountCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The organization has all features and the service control policy type enabled on every root.
 * Judged in the management account, about the organization's ARN; in a member account, or an
 * account in no organization, it is NOT_APPLICABLE.
 */
@Singleton
public final class OrganizationsScpEnabledCheck extends AccountCheck<OrganizationsSnapshot> {

  static final String SCP = "SERVICE_CONTROL_POLICY";

  private static final CheckMetadata METADATA = CheckMetadata.builder("organizations_scp_enabled")
      .title("AWS Organization has service control policies enabled on its root")
      .resourceType("AWS::Organizations::Organization")
      .severity(Severity.MEDIUM)
      .supporting("A.5.15", "A.8.2", "A.8.9")
      .rationale("Service control policies cap what any principal of a member account can do,"
          + " the root user included: deny leaving the organization, disabling CloudTrail or"
          + " GuardDuty, or using unapproved regions. They need the ALL feature set and the"
          + " policy type enabled on the root. They underpin access control (A.5.15), limit"
          + " privileged rights (A.8.2) and enforce a configuration baseline (A.8.9); which"
          + " policies are attached is not judged here.")
      .remediation("aws organizations enable-all-features (if the feature set is"
          + " CONSOLIDATED_BILLING), then aws organizations enable-policy-type --root-id ROOT_ID"
          + " --policy-type SERVICE_CONTROL_POLICY.")
      .build();

  public OrganizationsScpEnabledCheck() {
    super(METADATA, OrganizationsSnapshot.class);
  }

  @Override
  protected Observation judge(OrganizationsSnapshot snapshot, ScanTarget target) {
    var org = snapshot.organization();
    if (org.isFailed()) {
      return org.toErrorObservation(target.accountArn(), "account " + target.accountId());
    }
    if (!org.isPresent()) {
      return Observation.notApplicable(target.accountArn(),
          "account " + target.accountId() + ": not a member of an AWS Organization");
    }
    var o = org.value();
    var subject = "organization " + o.id();
    if (!o.managementAccountId().equals(target.accountId())) {
      return Observation.notApplicable(o.arn(), subject + ": judged in the management account "
          + o.managementAccountId());
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("FeatureSet", o.featureSet());
    if (!OrganizationsSnapshot.Organization.ALL.equals(o.featureSet())) {
      return Observation.fail(o.arn(), subject + ": feature set is " + o.featureSet()
          + ", so service control policies are unavailable", evidence);
    }
    if (snapshot.roots().isFailed()) {
      return snapshot.roots().toErrorObservation(o.arn(), subject);
    }
    var roots = snapshot.roots().absentAs(List.of()).value();
    var without = roots.stream().filter(r -> !r.enabledPolicyTypes().contains(SCP))
        .map(OrganizationsSnapshot.Root::id).toList();
    evidence.put("Roots", roots.stream().map(OrganizationsSnapshot.Root::id).toList());
    evidence.put("RootsWithoutScp", without);
    if (roots.isEmpty()) {
      return Observation.fail(o.arn(), subject + ": no root was listed", evidence);
    }
    return Observation.of(without.isEmpty(), o.arn(),
        subject + ": service control policies are enabled on the root",
        subject + ": service control policies are not enabled on root "
            + String.join(", ", without), evidence);
  }
}
