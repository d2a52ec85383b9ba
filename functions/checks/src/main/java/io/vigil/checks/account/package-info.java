/**
 * AWS Account Management checks and the account-scoped
 * {@link io.vigil.checks.account.AccountSnapshotLoader}: the account's alternate security contact.
 */
package io.vigil.checks.account;
