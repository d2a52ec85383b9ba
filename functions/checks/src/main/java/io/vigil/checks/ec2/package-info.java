/**
 * EC2 checks and the region-scoped {@link io.vigil.checks.ec2.Ec2SnapshotLoader}: security groups
 * with their ingress rules, and EBS encryption by default.
 */
package io.vigil.checks.ec2;
