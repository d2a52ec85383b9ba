/**
 * CloudTrail checks and the account-scoped
 * {@link io.vigil.checks.cloudtrail.CloudTrailSnapshotLoader}: every trail visible from the home
 * region, including multi-region trails created elsewhere, with its logging status, log file
 * validation, KMS key and CloudWatch Logs delivery.
 */
package io.vigil.checks.cloudtrail;
