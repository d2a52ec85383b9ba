/**
 * The evidence check catalogue: one {@code @Singleton} class per check, grouped in one package per
 * AWS service, each package with its snapshot record and the {@code SnapshotLoader} that fills it.
 * {@link io.vigil.checks.Lookup} is the shared shape of a per-resource value that a loader may
 * fail to read, so that the checks report ERROR for that resource only.
 */
package io.vigil.checks;
