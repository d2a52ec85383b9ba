/**
 * CloudWatch Logs checks and the region-scoped
 * {@link io.vigil.checks.cloudwatch.CloudWatchSnapshotLoader}: the log groups of a region with
 * their retention and KMS key.
 *
 * <p>Service group: {@link io.vigil.checks.ServiceGroup#GOVERNANCE}; the package's beans load
 * only where that group's SDK and this service's client are on the class path.
 */
@Configuration
@ServiceGroup.Governance
@Requires(classes = CloudWatchLogsClient.class)
package io.vigil.checks.cloudwatch;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.vigil.checks.ServiceGroup;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
