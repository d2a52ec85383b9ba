/**
 * EC2 checks and the region-scoped {@link io.vigil.checks.ec2.Ec2SnapshotLoader}: security groups
 * with their rules, EBS encryption by default, instances, volumes, owned snapshots and AMIs, VPCs
 * with their flow logs, and network ACLs.
 */
package io.vigil.checks.ec2;
