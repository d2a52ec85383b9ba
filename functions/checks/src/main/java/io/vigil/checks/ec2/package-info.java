/**
 * EC2 checks and the region-scoped {@link io.vigil.checks.ec2.Ec2SnapshotLoader}: security groups
 * with their rules, EBS encryption by default, instances, volumes, owned snapshots and AMIs, VPCs
 * with their flow logs, and network ACLs.
 *
 * <p>Service group: {@link io.vigil.checks.ServiceGroup#NETWORK}; the package's beans load
 * only where that group's SDK and this service's client are on the class path.
 */
@Configuration
@ServiceGroup.Network
@Requires(classes = Ec2Client.class)
package io.vigil.checks.ec2;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.vigil.checks.ServiceGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
