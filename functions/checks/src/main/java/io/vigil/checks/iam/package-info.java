/**
 * IAM checks and the account-scoped {@link io.vigil.checks.iam.IamSnapshotLoader}: account summary,
 * password policy, holders of AWSSupportAccess, attached customer managed policies with their
 * documents, and every user with console access, last use, MFA devices, access keys and own
 * policies.
 */
package io.vigil.checks.iam;
