/**
 * KMS checks and the region-scoped {@link io.vigil.checks.kms.KmsSnapshotLoader}: every key of the
 * region with its manager, state, spec, origin and deletion date, the key policy of customer
 * managed keys, and the rotation status of the keys rotation applies to.
 */
package io.vigil.checks.kms;
