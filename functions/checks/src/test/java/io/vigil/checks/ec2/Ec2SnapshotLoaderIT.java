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
import software.amazon.awssdk.services.ec2.model.IpPermission;

/** The EC2 loader against the emulator: security groups open and closed, EBS default on/off. */
@WithAwsEmulator
class Ec2SnapshotLoaderIT {

  private static final String SUFFIX = EmulatorTargets.uniqueSuffix();

  private static AwsClientFactory clients;
  private static Ec2Client ec2;
  private static ScanTarget target;
  private static Ec2SnapshotLoader loader;
  private static Map<String, String> groupIds;

  @BeforeAll
  static void seed(AwsEmulator emulator) {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    ec2 = clients.client(Ec2Client.class, Ec2Client::builder, Region.of(emulator.region()));
    loader = new Ec2SnapshotLoader(clients);
    var vpc = ec2.createVpc(r -> r.cidrBlock("10.42.0.0/16")).vpc().vpcId();
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
