/**
 * IAM checks and the account-scoped {@link io.vigil.checks.iam.IamSnapshotLoader}: account summary,
 * password policy, and every user with console access, MFA devices and access keys.
 */
package io.vigil.checks.iam;
