/**
 * KMS checks and the region-scoped {@link io.vigil.checks.kms.KmsSnapshotLoader}: every key of the
 * region with its manager, state, spec, origin and deletion date, the key policy of customer
 * managed keys, and the rotation status of the keys rotation applies to.
 *
 * <p>Service group: {@link io.vigil.checks.ServiceGroup#GOVERNANCE}; the package's beans load
 * only where that group's SDK and this service's client are on the class path.
 */
@Configuration
@ServiceGroup.Governance
@Requires(classes = KmsClient.class)
package io.vigil.checks.kms;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.vigil.checks.ServiceGroup;
import software.amazon.awssdk.services.kms.KmsClient;
