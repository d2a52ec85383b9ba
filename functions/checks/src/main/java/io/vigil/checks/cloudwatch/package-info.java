/**
 * CloudWatch Logs checks and the region-scoped
 * {@link io.vigil.checks.cloudwatch.CloudWatchSnapshotLoader}: the log groups of a region with
 * their retention and KMS key.
 */
package io.vigil.checks.cloudwatch;
