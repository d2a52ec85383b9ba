/**
 * S3 checks and the account-scoped {@link io.vigil.checks.s3.S3SnapshotLoader}: every bucket of the
 * account with its region, bucket-level Block Public Access, default encryption and versioning.
 */
package io.vigil.checks.s3;
