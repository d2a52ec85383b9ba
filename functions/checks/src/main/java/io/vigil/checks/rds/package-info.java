/**
 * RDS checks and the region-scoped {@link io.vigil.checks.rds.RdsSnapshotLoader}: the DB
 * instances, Aurora/Multi-AZ DB clusters and manual DB snapshots of a region, with who may restore
 * each manual snapshot.
 */
package io.vigil.checks.rds;
