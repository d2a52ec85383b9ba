/**
 * AWS Organizations checks and the account-scoped
 * {@link io.vigil.checks.organizations.OrganizationsSnapshotLoader}: the organization the account
 * belongs to and, from the management account, the policy types enabled on the roots.
 *
 * <p>Service group: {@link io.vigil.checks.ServiceGroup#GOVERNANCE}; the package's beans load
 * only where that group's SDK and this service's client are on the class path.
 */
@Configuration
@ServiceGroup.Governance
@Requires(classes = OrganizationsClient.class)
package io.vigil.checks.organizations;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.vigil.checks.ServiceGroup;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
