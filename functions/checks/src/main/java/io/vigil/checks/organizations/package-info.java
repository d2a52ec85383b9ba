/**
 * AWS Organizations checks and the account-scoped
 * {@link io.vigil.checks.organizations.OrganizationsSnapshotLoader}: the organization the account
 * belongs to and, from the management account, the policy types enabled on the roots.
 */
package io.vigil.checks.organizations;
