/**
 * Security Hub checks and the region-scoped
 * {@link io.vigil.checks.securityhub.SecurityHubSnapshotLoader}: whether the account is subscribed
 * to Security Hub in a region.
 */
package io.vigil.checks.securityhub;
