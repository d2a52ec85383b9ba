/**
 * S3 checks and the account-scoped {@link io.vigil.checks.s3.S3SnapshotLoader}: account-level
 * Block Public Access, and every bucket of the account with its region, bucket-level Block Public
 * Access, default encryption, versioning, policy, ACL, access logging and Object Lock.
 *
 * <p>Service group: {@link io.vigil.checks.ServiceGroup#GOVERNANCE}; the package's beans load
 * only where that group's SDK and this service's client are on the class path.
 */
@Configuration
@ServiceGroup.Governance
@Requires(classes = {S3Client.class, S3ControlClient.class})
package io.vigil.checks.s3;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.vigil.checks.ServiceGroup;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
