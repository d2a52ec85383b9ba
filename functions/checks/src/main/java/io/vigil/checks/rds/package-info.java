/**
 * RDS checks and the region-scoped {@link io.vigil.checks.rds.RdsSnapshotLoader}: the DB
 * instances, Aurora/Multi-AZ DB clusters and manual DB snapshots of a region, with who may restore
 * each manual snapshot.
 *
 * <p>Service group: {@link io.vigil.checks.ServiceGroup#NETWORK}; the package's beans load
 * only where that group's SDK and this service's client are on the class path.
 */
@Configuration
@ServiceGroup.Network
@Requires(classes = RdsClient.class)
package io.vigil.checks.rds;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.vigil.checks.ServiceGroup;
import software.amazon.awssdk.services.rds.RdsClient;
