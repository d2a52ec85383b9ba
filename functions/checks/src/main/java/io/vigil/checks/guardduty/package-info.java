/**
 * GuardDuty checks and the region-scoped
 * {@link io.vigil.checks.guardduty.GuardDutySnapshotLoader}: the detectors of a region with their
 * status and S3 protection.
 *
 * <p>Service group: {@link io.vigil.checks.ServiceGroup#GOVERNANCE}; the package's beans load
 * only where that group's SDK and this service's client are on the class path.
 */
@Configuration
@ServiceGroup.Governance
@Requires(classes = GuardDutyClient.class)
package io.vigil.checks.guardduty;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.vigil.checks.ServiceGroup;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
