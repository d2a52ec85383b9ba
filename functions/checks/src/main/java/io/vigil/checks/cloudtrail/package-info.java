/**
 * CloudTrail checks and the account-scoped
 * {@link io.vigil.checks.cloudtrail.CloudTrailSnapshotLoader}: every trail visible from the home
 * region, including multi-region trails created elsewhere, with its logging status, log file
 * validation, KMS key and CloudWatch Logs delivery.
 *
 * <p>Service group: {@link io.vigil.checks.ServiceGroup#GOVERNANCE}; the package's beans load
 * only where that group's SDK and this service's client are on the class path.
 */
@Configuration
@ServiceGroup.Governance
@Requires(classes = CloudTrailClient.class)
package io.vigil.checks.cloudtrail;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.vigil.checks.ServiceGroup;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
