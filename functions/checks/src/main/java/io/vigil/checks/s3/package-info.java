/**
 * S3 checks and the account-scoped {@link io.vigil.checks.s3.S3SnapshotLoader}: account-level
 * Block Public Access, and every bucket of the account with its region, bucket-level Block Public
 * Access, default encryption, versioning, policy, ACL, access logging and Object Lock.
 */
package io.vigil.checks.s3;
