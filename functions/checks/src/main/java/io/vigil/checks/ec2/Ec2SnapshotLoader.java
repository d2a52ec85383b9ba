package io.vigil.checks.ec2;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateVolumePermission;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Loads the EC2 configuration of one region. Scope REGION: instances, volumes, snapshots, images,
 * VPCs, security groups, network ACLs and the EBS default encryption setting are regional.
 *
 * <p>Calls, once each and paginated where the API pages: DescribeSecurityGroups,
 * GetEbsEncryptionByDefault, DescribeInstances, DescribeVolumes, DescribeSnapshots
 * (OwnerIds=self), DescribeImages (Owners=self, not paginated), DescribeVpcs, DescribeFlowLogs,
 * DescribeNetworkAcls; then DescribeSnapshotAttribute (createVolumePermission) per owned
 * snapshot. A failing Describe call throws; a failing GetEbsEncryptionByDefault or
 * DescribeSnapshotAttribute is recorded in the snapshot. Snapshots and images are filtered to the
 * scanned account, whatever the service returns for "self".
 */
@Singleton
public final class Ec2SnapshotLoader implements SnapshotLoader<Ec2Snapshot> {

  private static final List<String> GONE = List.of("terminated", "shutting-down");

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
    var ec2 = clients.forAccount(target.accountId()).client(Ec2Client.class, Ec2Client::builder, Region.of(target.region()));
    var prefix = "arn:" + target.partition() + ":ec2:" + target.region() + ":";
    var own = prefix + target.accountId() + ":";
    var groups = new ArrayList<Ec2Snapshot.SecurityGroup>();
    for (var g : ec2.describeSecurityGroupsPaginator(r -> { }).securityGroups()) {
      groups.add(new Ec2Snapshot.SecurityGroup(g.groupId(), g.groupName(), g.vpcId(),
          own + "security-group/" + g.groupId(),
          g.ipPermissions().stream().map(Ec2SnapshotLoader::toRule).toList(),
          g.ipPermissionsEgress().stream().map(Ec2SnapshotLoader::toRule).toList()));
    }
    var ebs = AwsCalls.lookup("GetEbsEncryptionByDefault",
        () -> Boolean.TRUE.equals(
            ec2.getEbsEncryptionByDefault(r -> { }).ebsEncryptionByDefault()));
    var instances = new ArrayList<Ec2Snapshot.Instance>();
    for (var reservation : ec2.describeInstancesPaginator(r -> { }).reservations()) {
      for (var i : reservation.instances()) {
        var state = i.state() == null ? "" : i.state().nameAsString();
        if (GONE.contains(state)) {
          continue;
        }
        var imds = i.metadataOptions();
        instances.add(new Ec2Snapshot.Instance(i.instanceId(), own + "instance/" + i.instanceId(),
            nameTag(i.tags()), state,
            imds == null ? null : imds.httpTokensAsString(),
            imds == null ? null : imds.httpEndpointAsString(),
            i.publicIpAddress()));
      }
    }
    var volumes = new ArrayList<Ec2Snapshot.Volume>();
    for (var v : ec2.describeVolumesPaginator(r -> { }).volumes()) {
      volumes.add(new Ec2Snapshot.Volume(v.volumeId(), own + "volume/" + v.volumeId(),
          v.stateAsString(), Boolean.TRUE.equals(v.encrypted()), v.kmsKeyId()));
    }
    var snapshots = new ArrayList<Ec2Snapshot.EbsSnapshot>();
    for (var s : ec2.describeSnapshotsPaginator(r -> r.ownerIds("self")).snapshots()) {
      if (!target.accountId().equals(s.ownerId())) {
        continue;
      }
      var id = s.snapshotId();
      snapshots.add(new Ec2Snapshot.EbsSnapshot(id, prefix + ":snapshot/" + id, s.volumeId(),
          Boolean.TRUE.equals(s.encrypted()),
          AwsCalls.<List<String>>lookup("DescribeSnapshotAttribute",
              () -> ec2.describeSnapshotAttribute(r -> r.snapshotId(id)
                      .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION))
                  .createVolumePermissions().stream()
                  .map(Ec2SnapshotLoader::grantee)
                  .toList())));
    }
    var images = new ArrayList<Ec2Snapshot.Image>();
    for (var image : ec2.describeImages(r -> r.owners("self")).images()) {
      if (!target.accountId().equals(image.ownerId())) {
        continue;
      }
      images.add(new Ec2Snapshot.Image(image.imageId(), prefix + ":image/" + image.imageId(),
          image.name(), Boolean.TRUE.equals(image.publicLaunchPermissions())));
    }
    var vpcs = new ArrayList<Ec2Snapshot.Vpc>();
    for (var v : ec2.describeVpcsPaginator(r -> { }).vpcs()) {
      vpcs.add(new Ec2Snapshot.Vpc(v.vpcId(), own + "vpc/" + v.vpcId(),
          Boolean.TRUE.equals(v.isDefault()), v.cidrBlock()));
    }
    var flowLogs = new ArrayList<Ec2Snapshot.FlowLog>();
    for (var f : ec2.describeFlowLogsPaginator(r -> { }).flowLogs()) {
      flowLogs.add(new Ec2Snapshot.FlowLog(f.flowLogId(), f.resourceId(), f.flowLogStatus(),
          f.trafficTypeAsString()));
    }
    var acls = new ArrayList<Ec2Snapshot.NetworkAcl>();
    for (var a : ec2.describeNetworkAclsPaginator(r -> { }).networkAcls()) {
      acls.add(new Ec2Snapshot.NetworkAcl(a.networkAclId(), own + "network-acl/"
          + a.networkAclId(), a.vpcId(), Boolean.TRUE.equals(a.isDefault()),
          a.associations().size(),
          a.entries().stream().map(Ec2SnapshotLoader::toEntry).toList()));
    }
    return new Ec2Snapshot(groups, ebs, instances, volumes, snapshots, images, vpcs, flowLogs,
        acls);
  }

  private static Ec2Snapshot.IngressRule toRule(IpPermission p) {
    return new Ec2Snapshot.IngressRule(
        p.ipProtocol(),
        p.fromPort(),
        p.toPort(),
        p.ipRanges().stream().map(IpRange::cidrIp).toList(),
        p.ipv6Ranges().stream().map(Ipv6Range::cidrIpv6).toList(),
        Stream.concat(p.userIdGroupPairs().stream().map(UserIdGroupPair::groupId),
            p.prefixListIds().stream().map(PrefixListId::prefixListId)).toList());
  }

  private static Ec2Snapshot.AclEntry toEntry(NetworkAclEntry e) {
    var ports = e.portRange();
    return new Ec2Snapshot.AclEntry(
        e.ruleNumber() == null ? 0 : e.ruleNumber(),
        Boolean.TRUE.equals(e.egress()),
        e.protocol() == null ? "-1" : e.protocol(),
        "allow".equals(e.ruleActionAsString()),
        e.cidrBlock() != null ? e.cidrBlock() : e.ipv6CidrBlock(),
        ports == null ? null : ports.from(),
        ports == null ? null : ports.to());
  }

  private static String grantee(CreateVolumePermission p) {
    return p.groupAsString() != null ? p.groupAsString() : p.userId();
  }

  private static String nameTag(List<Tag> tags) {
    return tags.stream().filter(t -> "Name".equals(t.key())).map(Tag::value).findFirst()
        .orElse("");
  }
}
