package io.vigil.checks.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.EmulatorTargets;
import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FlowLogsResourceType;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.OperationType;
import software.amazon.awssdk.services.ec2.model.PermissionGroup;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;
import software.amazon.awssdk.services.ec2.model.TrafficType;

/**
 * The EC2 loader against the emulator: security groups open and closed, EBS default on/off,
 * instances, volumes, snapshots, images, VPC flow logs and network ACLs.
 */
@WithAwsEmulator
class Ec2SnapshotLoaderIT {

  private static final String SUFFIX = EmulatorTargets.uniqueSuffix();

  private static AwsClientFactory clients;
  private static Ec2Client ec2;
  private static ScanTarget target;
  private static Ec2SnapshotLoader loader;
  private static Map<String, String> groupIds;
  private static String vpcId;

  @BeforeAll
  static void seed(AwsEmulator emulator) {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    ec2 = clients.client(Ec2Client.class, Ec2Client::builder, Region.of(emulator.region()));
    loader = new Ec2SnapshotLoader(clients);
    var vpc = ec2.createVpc(r -> r.cidrBlock("10.42.0.0/16")).vpc().vpcId();
    vpcId = vpc;
    // GIVEN groups with SSH open, a full IPv6 port range, all traffic, and only HTTPS open
    groupIds = Map.of(
        "ssh", group(vpc, "ssh", p -> p.ipProtocol("tcp").fromPort(22).toPort(22)
            .ipRanges(r -> r.cidrIp("0.0.0.0/0"))),
        "range", group(vpc, "range", p -> p.ipProtocol("tcp").fromPort(0).toPort(65535)
            .ipv6Ranges(r -> r.cidrIpv6("::/0"))),
        "all", group(vpc, "all", p -> p.ipProtocol("-1").ipRanges(r -> r.cidrIp("0.0.0.0/0"))),
        "web", group(vpc, "web", p -> p.ipProtocol("tcp").fromPort(443).toPort(443)
            .ipRanges(r -> r.cidrIp("0.0.0.0/0"))));
    ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupIds.get("web")).ipPermissions(
        IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
            .ipRanges(ip -> ip.cidrIp("10.0.0.0/8")).build()));
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void load_readsIngressRulesOfEveryGroup() {
    // WHEN
    var groups = loader.load(target).securityGroups().stream()
        .collect(Collectors.toMap(Ec2Snapshot.SecurityGroup::id, g -> g));
    // THEN
    var range = groups.get(groupIds.get("range"));
    assertEquals(List.of(new Ec2Snapshot.IngressRule("tcp", 0, 65535, List.of(), List.of("::/0"))),
        range.ingress());
    assertEquals("arn:aws:ec2:" + target.region() + ":" + target.accountId() + ":security-group/"
        + range.id(), range.arn());
    var all = groups.get(groupIds.get("all")).ingress().get(0);
    assertEquals("-1", all.protocol());
    assertEquals(List.of("0.0.0.0/0"), all.ipv4Ranges());
    assertEquals(2, groups.get(groupIds.get("web")).ingress().size());
  }

  @Test
  void check_failsOpenAdminPorts_andPassesHttpsOnly() {
    // WHEN
    var statuses = new Ec2SecuritygroupAdminPortsRestrictedCheck()
        .evaluate(loader.load(target), target).stream()
        .collect(Collectors.toMap(Observation::resourceArn, Observation::status));
    // THEN
    assertEquals(CheckStatus.FAIL, statuses.get(arn("ssh")));
    assertEquals(CheckStatus.FAIL, statuses.get(arn("range")));
    assertEquals(CheckStatus.FAIL, statuses.get(arn("all")));
    assertEquals(CheckStatus.PASS, statuses.get(arn("web")));
  }

  @Test
  void load_readsEbsEncryptionByDefault_andTheCheckFollowsIt() {
    var check = new Ec2EbsDefaultEncryptionEnabledCheck();
    // GIVEN off
    ec2.disableEbsEncryptionByDefault(r -> { });
    var off = loader.load(target);
    assertEquals(Lookup.found(false), off.ebsEncryptionByDefault());
    var failed = check.evaluate(off, target).get(0);
    assertEquals(CheckStatus.FAIL, failed.status());
    assertEquals(target.scopeArn("ec2", false), failed.resourceArn());
    // GIVEN on
    ec2.enableEbsEncryptionByDefault(r -> { });
    var on = loader.load(target);
    assertEquals(Lookup.found(true), on.ebsEncryptionByDefault());
    assertEquals(CheckStatus.PASS, check.evaluate(on, target).get(0).status());
    assertTrue(on.securityGroups().size() >= 4);
  }

  @Test
  void load_readsInstancesVolumesSnapshotsAndImages_andTheChecksJudgeThem() {
    // GIVEN an instance requiring IMDSv2 and one allowing IMDSv1
    var ami = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
    var v2 = ec2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1)
        .metadataOptions(m -> m.httpTokens(HttpTokensState.REQUIRED)))
        .instances().get(0).instanceId();
    var v1 = ec2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1)
        .metadataOptions(m -> m.httpTokens(HttpTokensState.OPTIONAL)))
        .instances().get(0).instanceId();
    // AND an encrypted and a plain volume, a public snapshot of the plain one, a public AMI
    var az = target.region() + "a";
    var sealed = ec2.createVolume(r -> r.availabilityZone(az).size(1).encrypted(true)).volumeId();
    var plain = ec2.createVolume(r -> r.availabilityZone(az).size(1)).volumeId();
    var snap = ec2.createSnapshot(r -> r.volumeId(plain)).snapshotId();
    ec2.modifySnapshotAttribute(r -> r.snapshotId(snap)
        .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION)
        .operationType(OperationType.ADD).groupNames("all"));
    var image = ec2.createImage(r -> r.instanceId(v1).name("vigil-" + SUFFIX)).imageId();
    ec2.modifyImageAttribute(r -> r.imageId(image)
        .launchPermission(l -> l.add(p -> p.group(PermissionGroup.ALL))));
    // WHEN
    var snapshot = loader.load(target);
    // THEN
    var instances = snapshot.instances().stream()
        .collect(Collectors.toMap(Ec2Snapshot.Instance::id, i -> i));
    assertEquals("required", instances.get(v2).httpTokens());
    assertEquals("optional", instances.get(v1).httpTokens());
    var imds = statuses(new Ec2InstanceImdsv2RequiredCheck().evaluate(snapshot, target));
    assertEquals(CheckStatus.PASS, imds.get(instances.get(v2).arn()));
    assertEquals(CheckStatus.FAIL, imds.get(instances.get(v1).arn()));
    var publicIp = statuses(new Ec2InstanceNoPublicIpCheck().evaluate(snapshot, target));
    assertEquals(instances.get(v1).publicIp().isEmpty() ? CheckStatus.PASS : CheckStatus.FAIL,
        publicIp.get(instances.get(v1).arn()));
    var volumes = statuses(new Ec2EbsVolumeEncryptedCheck().evaluate(snapshot, target));
    assertEquals(CheckStatus.PASS, volumes.get(resourceArn("volume/" + sealed)));
    assertEquals(CheckStatus.FAIL, volumes.get(resourceArn("volume/" + plain)));
    var ours = snapshot.snapshots().stream().filter(s -> s.id().equals(snap)).findFirst()
        .orElseThrow();
    assertEquals(Lookup.found(List.of("all")), ours.createVolumePermissions());
    assertEquals("arn:aws:ec2:" + target.region() + "::snapshot/" + snap, ours.arn());
    assertTrue(snapshot.snapshots().stream()
        .allMatch(s -> s.createVolumePermissions().isPresent()));
    assertEquals(CheckStatus.FAIL, statuses(new Ec2EbsSnapshotNotPublicCheck()
        .evaluate(snapshot, target)).get(ours.arn()));
    assertEquals(CheckStatus.FAIL, statuses(new Ec2EbsSnapshotEncryptedCheck()
        .evaluate(snapshot, target)).get(ours.arn()));
    var amis = statuses(new Ec2AmiNotPublicCheck().evaluate(snapshot, target));
    assertEquals(CheckStatus.FAIL, amis.get("arn:aws:ec2:" + target.region() + "::image/" + image));
  }

  @Test
  void load_readsVpcsFlowLogsNetworkAclsAndDefaultGroups_andTheChecksJudgeThem() {
    // GIVEN a flow log on the test VPC
    var other = ec2.createVpc(r -> r.cidrBlock("10.43.0.0/16")).vpc().vpcId();
    ec2.createFlowLogs(r -> r.resourceIds(vpcId).resourceType(FlowLogsResourceType.VPC)
        .trafficType(TrafficType.ALL).logGroupName("vigil-flow-" + SUFFIX)
        .deliverLogsPermissionArn("arn:aws:iam::" + target.accountId() + ":role/flow-logs"));
    // AND a network ACL denying SSH and RDP before allowing everything
    var acl = ec2.createNetworkAcl(r -> r.vpcId(vpcId)).networkAcl().networkAclId();
    entry(acl, 10, "6", RuleAction.DENY, 22);
    entry(acl, 20, "6", RuleAction.DENY, 3389);
    ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).protocol("-1")
        .ruleAction(RuleAction.ALLOW).egress(false).cidrBlock("0.0.0.0/0"));
    // AND a group with MySQL open to the internet
    var db = group(vpcId, "db", p -> p.ipProtocol("tcp").fromPort(3306).toPort(3306)
        .ipRanges(r -> r.cidrIp("0.0.0.0/0")));
    // WHEN
    var snapshot = loader.load(target);
    // THEN
    var flows = statuses(new Ec2VpcFlowLogsEnabledCheck().evaluate(snapshot, target));
    assertEquals(CheckStatus.PASS, flows.get(resourceArn("vpc/" + vpcId)));
    assertEquals(CheckStatus.FAIL, flows.get(resourceArn("vpc/" + other)));
    var ours = snapshot.networkAcls().stream().filter(a -> a.id().equals(acl)).findFirst()
        .orElseThrow();
    assertEquals(vpcId, ours.vpcId());
    assertTrue(ours.entries().stream().anyMatch(e -> e.ruleNumber() == 10 && !e.allow()
        && Integer.valueOf(22).equals(e.fromPort())), ours.entries().toString());
    var acls = statuses(new Ec2NetworkAclAdminPortsRestrictedCheck().evaluate(snapshot, target));
    assertEquals(CheckStatus.PASS, acls.get(ours.arn()));
    var defaultAcl = snapshot.networkAcls().stream()
        .filter(a -> a.vpcId().equals(vpcId) && a.isDefault()).findFirst().orElseThrow();
    assertEquals(CheckStatus.FAIL, acls.get(defaultAcl.arn()));
    // AND the VPC's default security group keeps its out-of-the-box rules
    var defaults = snapshot.securityGroups().stream()
        .filter(g -> g.vpcId().equals(vpcId) && g.isDefault()).findFirst().orElseThrow();
    assertTrue(!defaults.egress().isEmpty(), defaults.toString());
    var defaultStatuses = statuses(new Ec2SecuritygroupDefaultRestrictsAllTrafficCheck()
        .evaluate(snapshot, target));
    assertEquals(CheckStatus.FAIL, defaultStatuses.get(defaults.arn()));
    assertTrue(!defaultStatuses.containsKey(resourceArn("security-group/" + db)));
    var dbPorts = statuses(new Ec2SecuritygroupDatabasePortsRestrictedCheck()
        .evaluate(snapshot, target));
    assertEquals(CheckStatus.FAIL, dbPorts.get(resourceArn("security-group/" + db)));
    assertEquals(CheckStatus.PASS,
        dbPorts.get(resourceArn("security-group/" + groupIds.get("ssh"))));
  }

  private static void entry(String acl, int rule, String protocol, RuleAction action, int port) {
    ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(rule).protocol(protocol)
        .ruleAction(action).egress(false).cidrBlock("0.0.0.0/0")
        .portRange(p -> p.from(port).to(port)));
  }

  private static Map<String, CheckStatus> statuses(List<Observation> observations) {
    return observations.stream()
        .collect(Collectors.toMap(Observation::resourceArn, Observation::status));
  }

  private static String resourceArn(String resource) {
    return "arn:aws:ec2:" + target.region() + ":" + target.accountId() + ":" + resource;
  }

  private static String group(String vpc, String name, Consumer<IpPermission.Builder> rule) {
    var id = ec2.createSecurityGroup(r -> r.groupName("vigil-" + name + "-" + SUFFIX)
        .description("vigil integration test").vpcId(vpc)).groupId();
    var permission = IpPermission.builder();
    rule.accept(permission);
    ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(permission.build()));
    return id;
  }

  private static String arn(String name) {
    return "arn:aws:ec2:" + target.region() + ":" + target.accountId() + ":security-group/"
        + groupIds.get(name);
  }
}
