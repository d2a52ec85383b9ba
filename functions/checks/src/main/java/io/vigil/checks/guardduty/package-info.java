/**
 * GuardDuty checks and the region-scoped
 * {@link io.vigil.checks.guardduty.GuardDutySnapshotLoader}: the detectors of a region with their
 * status and S3 protection.
 */
package io.vigil.checks.guardduty;
