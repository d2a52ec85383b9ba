/**
 * AWS Backup checks and the region-scoped {@link io.vigil.checks.backup.BackupSnapshotLoader}: the
 * backup plans, backup vaults and report plans of a region.
 */
package io.vigil.checks.backup;
