/**
 * Security Hub checks and the region-scoped
 * {@link io.vigil.checks.securityhub.SecurityHubSnapshotLoader}: whether the account is subscribed
 * to Security Hub in a region.
 *
 * <p>Service group: {@link io.vigil.checks.ServiceGroup#GOVERNANCE}; the package's beans load
 * only where that group's SDK and this service's client are on the class path.
 */
@Configuration
@ServiceGroup.Governance
@Requires(classes = SecurityHubClient.class)
package io.vigil.checks.securityhub;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.vigil.checks.ServiceGroup;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
