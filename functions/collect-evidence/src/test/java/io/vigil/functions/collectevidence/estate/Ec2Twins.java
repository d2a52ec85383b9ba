package io.vigil.functions.collectevidence.estate;

import static io.vigil.functions.collectevidence.estate.Estate.EU;
import static io.vigil.functions.collectevidence.estate.Estate.MEMBER;
import static io.vigil.functions.collectevidence.estate.Estate.US;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FlowLogsResourceType;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.OperationType;
import software.amazon.awssdk.services.ec2.model.PermissionGroup;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;
import software.amazon.awssdk.services.ec2.model.TrafficType;

/** EC2, EBS and VPC twins: security groups, network ACLs, volumes, snapshots, images, instances. */
final class Ec2Twins {

  private final Estate estate;
  private final String a;
  private final Set<String> untidy = new HashSet<>();

  Ec2Twins(Estate estate) {
    this.estate = estate;
    this.a = estate.caller();
  }

  void seed() {
    securityGroups();
    defaultSecurityGroups();
    ebsDefaultEncryption();
    volumesAndSnapshots();
    instancesAndImages();
    flowLogs();
    networkAcls();
    tidy();
  }

  /**
   * Gives every VPC of the estate, the default ones included, a flow log, a default security group
   * without rules and a default network ACL that denies inbound traffic, except where a twin is
   * about that property: the estate then fails only what the twins intend.
   */
  private void tidy() {
    for (var account : List.of(a, MEMBER)) {
      for (var region : List.of(EU, US)) {
        var ec2 = ec2(account, region);
        var logged = ec2.describeFlowLogs(r -> { }).flowLogs().stream()
            .map(f -> f.resourceId()).collect(Collectors.toSet());
        for (var vpc : ec2.describeVpcs(r -> { }).vpcs()) {
          var id = vpc.vpcId();
          if (!logged.contains(id) && !untidy.contains(id)) {
            flowLog(ec2, account, id);
          }
          var group = defaultGroupOf(ec2, id);
          if (!untidy.contains(group)) {
            ec2.describeSecurityGroups(r -> r.groupIds(group)).securityGroups().get(0)
                .ipPermissionsEgress().forEach(p -> ec2.revokeSecurityGroupEgress(r -> r
                    .groupId(group).ipPermissions(p)));
          }
        }
        for (var acl : ec2.describeNetworkAcls(r -> r.filters(f -> f.name("default")
            .values("true"))).networkAcls()) {
          acl.entries().stream().filter(e -> !e.egress() && e.ruleNumber() < 32767)
              .forEach(e -> ec2.replaceNetworkAclEntry(r -> r.networkAclId(acl.networkAclId())
                  .ruleNumber(e.ruleNumber()).egress(false).protocol("-1")
                  .ruleAction(RuleAction.DENY).cidrBlock(e.cidrBlock())
                  .ipv6CidrBlock(e.ipv6CidrBlock())));
        }
      }
    }
  }

  private void flowLog(Ec2Client ec2, String account, String vpcId) {
    ec2.createFlowLogs(r -> r.resourceIds(vpcId).resourceType(FlowLogsResourceType.VPC)
        .trafficType(TrafficType.ALL).logGroupName(estate.name("flow"))
        .deliverLogsPermissionArn("arn:aws:iam::" + account + ":role/flow-logs"));
  }

  private Ec2Client ec2(String account, String region) {
    return estate.client(account, Ec2Client.class, Ec2Client::builder, region);
  }

  private static String arn(String account, String region, String resource) {
    return "arn:aws:ec2:" + region + ":" + account + ":" + resource;
  }

  private void securityGroups() {
    // RDP open to every IPv6 address, the twin to a documentation prefix only
    var ec2 = ec2(a, EU);
    var bad = group(ec2, "rdp-open", p -> p.ipProtocol("tcp").fromPort(3389).toPort(3389)
        .ipv6Ranges(r -> r.cidrIpv6("::/0")));
    var good = group(ec2, "rdp-scoped", p -> p.ipProtocol("tcp").fromPort(3389).toPort(3389)
        .ipv6Ranges(r -> r.cidrIpv6("2001:db8::/32")));
    estate.add("security group with RDP (3389) open to ::/0 vs to 2001:db8::/32",
        "ec2_securitygroup_admin_ports_restricted", a, EU,
        arn(a, EU, "security-group/" + bad), arn(a, EU, "security-group/" + good));
    // PostgreSQL open to the internet, the twin to the private network
    var member = ec2(MEMBER, US);
    var badDb = group(member, "pg-open", p -> p.ipProtocol("tcp").fromPort(5432).toPort(5432)
        .ipRanges(r -> r.cidrIp("0.0.0.0/0")));
    var goodDb = group(member, "pg-scoped", p -> p.ipProtocol("tcp").fromPort(5432).toPort(5432)
        .ipRanges(r -> r.cidrIp("10.0.0.0/8")));
    estate.add("security group with PostgreSQL (5432) open to 0.0.0.0/0 vs to 10.0.0.0/8",
        "ec2_securitygroup_database_ports_restricted", MEMBER, US,
        arn(MEMBER, US, "security-group/" + badDb), arn(MEMBER, US, "security-group/" + goodDb));
  }

  private String group(Ec2Client ec2, String name, Consumer<IpPermission.Builder> rule) {
    var id = ec2.createSecurityGroup(r -> r.groupName(estate.name(name))
        .description("vigil estate twin")).groupId();
    var permission = IpPermission.builder();
    rule.accept(permission);
    ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(permission.build()));
    return id;
  }

  private void defaultSecurityGroups() {
    // two new VPCs; in one the default group's allow-all egress rule is revoked
    var ec2 = ec2(MEMBER, EU);
    var badGroup = defaultGroupOf(ec2, ec2.createVpc(r -> r.cidrBlock("10.61.0.0/16")).vpc()
        .vpcId());
    untidy.add(badGroup);
    var goodGroup = defaultGroupOf(ec2, ec2.createVpc(r -> r.cidrBlock("10.62.0.0/16")).vpc()
        .vpcId());
    ec2.revokeSecurityGroupEgress(r -> r.groupId(goodGroup).ipPermissions(IpPermission.builder()
        .ipProtocol("-1").ipRanges(ip -> ip.cidrIp("0.0.0.0/0")).build()));
    estate.add("default security group keeping its allow-all egress rule vs with it revoked",
        "ec2_securitygroup_default_restricts_all_traffic", MEMBER, EU,
        arn(MEMBER, EU, "security-group/" + badGroup),
        arn(MEMBER, EU, "security-group/" + goodGroup));
  }

  private static String defaultGroupOf(Ec2Client ec2, String vpcId) {
    return ec2.describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(vpcId),
        f -> f.name("group-name").values("default"))).securityGroups().get(0).groupId();
  }

  private void ebsDefaultEncryption() {
    ec2(a, EU).enableEbsEncryptionByDefault(r -> { });
    ec2(a, US).disableEbsEncryptionByDefault(r -> { });
    estate.add(new Twin("EBS encryption by default off in us-east-1 vs on in eu-west-1",
        "ec2_ebs_default_encryption_enabled",
        new Twin.Subject(a, US, arn(a, US, "*")), new Twin.Subject(a, EU, arn(a, EU, "*"))));
  }

  private void volumesAndSnapshots() {
    // volumes: plain vs encrypted (in the member account, where encryption by default is off)
    var ec2 = ec2(MEMBER, EU);
    var plain = volume(ec2, EU, false);
    var sealed = volume(ec2, EU, true);
    estate.add("EBS volume without vs with encryption", "ec2_ebs_volume_encrypted", MEMBER, EU,
        arn(MEMBER, EU, "volume/" + plain), arn(MEMBER, EU, "volume/" + sealed));
    // snapshots of a plain vs an encrypted volume
    var us = ec2(MEMBER, US);
    var plainSnap = us.createSnapshot(r -> r.volumeId(volume(us, US, false))).snapshotId();
    var sealedSnap = us.createSnapshot(r -> r.volumeId(volume(us, US, true))).snapshotId();
    estate.add("EBS snapshot of an unencrypted vs an encrypted volume",
        "ec2_ebs_snapshot_encrypted", MEMBER, US,
        "arn:aws:ec2:" + US + "::snapshot/" + plainSnap,
        "arn:aws:ec2:" + US + "::snapshot/" + sealedSnap);
    // two snapshots of one volume, one restorable by everyone
    var caller = ec2(a, US);
    var source = volume(caller, US, false);
    var open = caller.createSnapshot(r -> r.volumeId(source)).snapshotId();
    var closed = caller.createSnapshot(r -> r.volumeId(source)).snapshotId();
    caller.modifySnapshotAttribute(r -> r.snapshotId(open)
        .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION)
        .operationType(OperationType.ADD).groupNames("all"));
    estate.add("EBS snapshot with vs without createVolumePermission for all",
        "ec2_ebs_snapshot_not_public", a, US,
        "arn:aws:ec2:" + US + "::snapshot/" + open, "arn:aws:ec2:" + US + "::snapshot/" + closed);
  }

  private static String volume(Ec2Client ec2, String region, boolean encrypted) {
    return ec2.createVolume(r -> r.availabilityZone(region + "a").size(1).encrypted(encrypted))
        .volumeId();
  }

  private void instancesAndImages() {
    // IMDSv1 allowed vs IMDSv2 required, both without a public address
    var ec2 = ec2(a, US);
    var v1 = instance(ec2, HttpTokensState.OPTIONAL, false);
    var v2 = instance(ec2, HttpTokensState.REQUIRED, false);
    estate.add("instance with HttpTokens optional vs required", "ec2_instance_imdsv2_required",
        a, US, arn(a, US, "instance/" + v1), arn(a, US, "instance/" + v2));
    // two images of one instance, one launchable by everyone
    var open = ec2.createImage(r -> r.instanceId(v2).name(estate.name("ami-open"))).imageId();
    var closed = ec2.createImage(r -> r.instanceId(v2).name(estate.name("ami-closed"))).imageId();
    ec2.modifyImageAttribute(r -> r.imageId(open)
        .launchPermission(l -> l.add(p -> p.group(PermissionGroup.ALL))));
    estate.add("AMI with vs without a launch permission for all", "ec2_ami_not_public", a, US,
        "arn:aws:ec2:" + US + "::image/" + open, "arn:aws:ec2:" + US + "::image/" + closed);
    // public IPv4 address vs none, both requiring IMDSv2
    var member = ec2(MEMBER, US);
    var exposed = instance(member, HttpTokensState.REQUIRED, true);
    var internal = instance(member, HttpTokensState.REQUIRED, false);
    estate.add("instance launched with vs without a public IPv4 address",
        "ec2_instance_no_public_ip", MEMBER, US,
        arn(MEMBER, US, "instance/" + exposed), arn(MEMBER, US, "instance/" + internal));
  }

  private static String instance(Ec2Client ec2, HttpTokensState tokens, boolean publicIp) {
    var ami = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
    var subnet = ec2.describeSubnets(r -> r.filters(f -> f.name("default-for-az")
        .values("true"))).subnets().get(0).subnetId();
    return ec2.runInstances(r -> r.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1)
        .metadataOptions(m -> m.httpTokens(tokens))
        .networkInterfaces(n -> n.deviceIndex(0).subnetId(subnet)
            .associatePublicIpAddress(publicIp)))
        .instances().get(0).instanceId();
  }

  private void flowLogs() {
    var ec2 = ec2(MEMBER, EU);
    var dark = ec2.createVpc(r -> r.cidrBlock("10.63.0.0/16")).vpc().vpcId();
    var logged = ec2.createVpc(r -> r.cidrBlock("10.64.0.0/16")).vpc().vpcId();
    untidy.add(dark);
    flowLog(ec2, MEMBER, logged);
    estate.add("VPC without vs with an active flow log", "ec2_vpc_flow_logs_enabled", MEMBER, EU,
        arn(MEMBER, EU, "vpc/" + dark), arn(MEMBER, EU, "vpc/" + logged));
  }

  private void networkAcls() {
    // two custom ACLs of one VPC, allowing SSH from the internet vs from the private network
    var ec2 = ec2(a, EU);
    var vpc = ec2.createVpc(r -> r.cidrBlock("10.65.0.0/16")).vpc().vpcId();
    var open = ec2.createNetworkAcl(r -> r.vpcId(vpc)).networkAcl().networkAclId();
    var scoped = ec2.createNetworkAcl(r -> r.vpcId(vpc)).networkAcl().networkAclId();
    sshEntry(ec2, open, "0.0.0.0/0");
    sshEntry(ec2, scoped, "10.0.0.0/8");
    estate.add("network ACL allowing SSH (22) from 0.0.0.0/0 vs from 10.0.0.0/8",
        "ec2_network_acl_admin_ports_restricted", a, EU,
        arn(a, EU, "network-acl/" + open), arn(a, EU, "network-acl/" + scoped));
  }

  private static void sshEntry(Ec2Client ec2, String acl, String cidr) {
    ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).protocol("6")
        .ruleAction(RuleAction.ALLOW).egress(false).cidrBlock(cidr)
        .portRange(p -> p.from(22).to(22)));
  }
}
