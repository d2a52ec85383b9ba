/**
 * AWS Backup checks and the region-scoped {@link io.vigil.checks.backup.BackupSnapshotLoader}: the
 * backup plans, backup vaults and report plans of a region.
 *
 * <p>Service group: {@link io.vigil.checks.ServiceGroup#GOVERNANCE}; the package's beans load
 * only where that group's SDK and this service's client are on the class path.
 */
@Configuration
@ServiceGroup.Governance
@Requires(classes = BackupClient.class)
package io.vigil.checks.backup;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.vigil.checks.ServiceGroup;
import software.amazon.awssdk.services.backup.BackupClient;
