/**
 * AWS Config checks and the region-scoped {@link io.vigil.checks.config.ConfigSnapshotLoader}: the
 * configuration recorders of a region with what they record and whether they are recording, and
 * the delivery channels.
 */
package io.vigil.checks.config;
