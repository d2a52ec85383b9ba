package io.vigil.checks.ec2;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;

/**
 * Loads the EC2 configuration of one region. Scope REGION: security groups and the EBS default
 * encryption setting are regional.
 *
 * <p>Calls: DescribeSecurityGroups (paginated) and GetEbsEncryptionByDefault, once each. A failing
 * DescribeSecurityGroups throws; a failing GetEbsEncryptionByDefault is recorded in the snapshot.
 */
@Singleton
public final class Ec2SnapshotLoader implements SnapshotLoader<Ec2Snapshot> {

  private final AwsClientFactory clients;

  public Ec2SnapshotLoader(AwsClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Class<Ec2Snapshot> snapshotType() {
    return Ec2Snapshot.class;
  }

  @Override
  public String service() {
    return "ec2";
  }

  @Override
  public Scope scope() {
    return Scope.REGION;
  }

  @Override
  public Ec2Snapshot load(ScanTarget target) {
    var ec2 = clients.client(Ec2Client.class, Ec2Client::builder, Region.of(target.region()));
    var groups = new ArrayList<Ec2Snapshot.SecurityGroup>();
    for (var g : ec2.describeSecurityGroupsPaginator(r -> { }).securityGroups()) {
      var arn = "arn:" + target.partition() + ":ec2:" + target.region() + ":" + target.accountId()
          + ":security-group/" + g.groupId();
      groups.add(new Ec2Snapshot.SecurityGroup(g.groupId(), g.groupName(), g.vpcId(), arn,
          g.ipPermissions().stream().map(Ec2SnapshotLoader::toRule).toList()));
    }
    var ebs = AwsCalls.lookup("GetEbsEncryptionByDefault",
        () -> Boolean.TRUE.equals(
            ec2.getEbsEncryptionByDefault(r -> { }).ebsEncryptionByDefault()));
    return new Ec2Snapshot(groups, ebs);
  }

  private static Ec2Snapshot.IngressRule toRule(IpPermission p) {
    return new Ec2Snapshot.IngressRule(
        p.ipProtocol(),
        p.fromPort(),
        p.toPort(),
        p.ipRanges().stream().map(IpRange::cidrIp).toList(),
        p.ipv6Ranges().stream().map(Ipv6Range::cidrIpv6).toList());
  }
}
