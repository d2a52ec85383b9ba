/**
 * AWS Config checks and the region-scoped {@link io.vigil.checks.config.ConfigSnapshotLoader}: the
 * configuration recorders of a region with what they record and whether they are recording, and
 * the delivery channels.
 *
 * <p>Service group: {@link io.vigil.checks.ServiceGroup#GOVERNANCE}; the package's beans load
 * only where that group's SDK and this service's client are on the class path.
 */
@Configuration
@ServiceGroup.Governance
@Requires(classes = ConfigClient.class)
package io.vigil.checks.config;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.vigil.checks.ServiceGroup;
import software.amazon.awssdk.services.config.ConfigClient;
