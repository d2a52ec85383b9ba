/**
 * KMS checks and the region-scoped {@link io.vigil.checks.kms.KmsSnapshotLoader}: every key of the
 * region with its manager, state, spec and origin, and the rotation status of the keys it applies
 * to.
 */
package io.vigil.checks.kms;
