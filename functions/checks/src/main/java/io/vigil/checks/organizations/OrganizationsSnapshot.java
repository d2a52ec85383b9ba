package io.vigil.checks.organizations;

import io.vigil.checks.Lookup;
import java.util.List;
import java.util.Objects;

/**
 * The account's place in AWS Organizations.
 *
 * @param organization DescribeOrganization; absent when the account is not in an organization
 * @param roots ListRoots with their enabled policy types; read only from the management account,
 *     absent otherwise
 */
public record OrganizationsSnapshot(Lookup<Organization> organization, Lookup<List<Root>> roots) {

  public OrganizationsSnapshot {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(roots, "roots");
  }

  /**
   * The organization.
   *
   * @param featureSet {@code ALL} or {@code CONSOLIDATED_BILLING}
   */
  public record Organization(
      String id, String arn, String managementAccountId, String featureSet) {

    public static final String ALL = "ALL";

    public Organization {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(managementAccountId, "managementAccountId");
      Objects.requireNonNull(featureSet, "featureSet");
    }
  }

  /**
   * One root of the organization.
   *
   * @param enabledPolicyTypes the policy types whose status is ENABLED, e.g.
   *     {@code SERVICE_CONTROL_POLICY}
   */
  public record Root(String id, String arn, List<String> enabledPolicyTypes) {

    public Root {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      enabledPolicyTypes = List.copyOf(enabledPolicyTypes);
    }
  }
}
