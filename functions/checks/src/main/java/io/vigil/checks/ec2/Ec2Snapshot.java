package io.vigil.checks.ec2;

import io.vigil.checks.Lookup;
import java.util.List;
import java.util.Objects;

/**
 * The EC2 configuration (compute, EBS, VPC networking) of one account in one region.
 *
 * @param securityGroups every security group of the region
 * @param ebsEncryptionByDefault whether new EBS volumes are encrypted by default
 * @param instances every instance that is not terminated
 * @param volumes every EBS volume
 * @param snapshots every EBS snapshot the account owns
 * @param images every AMI the account owns
 * @param vpcs every VPC
 * @param flowLogs every flow log of the region, whatever resource it is attached to
 * @param networkAcls every network ACL
 */
public record Ec2Snapshot(
    List<SecurityGroup> securityGroups,
    Lookup<Boolean> ebsEncryptionByDefault,
    List<Instance> instances,
    List<Volume> volumes,
    List<EbsSnapshot> snapshots,
    List<Image> images,
    List<Vpc> vpcs,
    List<FlowLog> flowLogs,
    List<NetworkAcl> networkAcls) {

  public Ec2Snapshot {
    securityGroups = List.copyOf(securityGroups);
    Objects.requireNonNull(ebsEncryptionByDefault, "ebsEncryptionByDefault");
    instances = List.copyOf(instances);
    volumes = List.copyOf(volumes);
    snapshots = List.copyOf(snapshots);
    images = List.copyOf(images);
    vpcs = List.copyOf(vpcs);
    flowLogs = List.copyOf(flowLogs);
    networkAcls = List.copyOf(networkAcls);
  }

  /** Every VPC with the flow logs attached to it. */
  public List<VpcFlowLogs> vpcsWithFlowLogs() {
    return vpcs.stream().map(v -> new VpcFlowLogs(v,
        flowLogs.stream().filter(f -> f.resourceId().equals(v.id())).toList())).toList();
  }

  /**
   * One security group.
   *
   * @param arn {@code arn:<partition>:ec2:<region>:<account>:security-group/<id>}
   * @param vpcId the VPC, or empty for EC2-Classic leftovers
   * @param ingress inbound permissions
   * @param egress outbound permissions (their ranges are destinations)
   */
  public record SecurityGroup(
      String id,
      String name,
      String vpcId,
      String arn,
      List<IngressRule> ingress,
      List<IngressRule> egress) {

    public SecurityGroup {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      name = name == null ? "" : name;
      vpcId = vpcId == null ? "" : vpcId;
      ingress = List.copyOf(ingress);
      egress = List.copyOf(egress);
    }

    /** A group with inbound permissions only. */
    public SecurityGroup(String id, String name, String vpcId, String arn,
        List<IngressRule> ingress) {
      this(id, name, vpcId, arn, ingress, List.of());
    }

    /** The VPC's default security group (its name is always {@code default}). */
    public boolean isDefault() {
      return "default".equals(name);
    }

    /** "security group sg-123 (web)" for reasons. */
    public String subject() {
      return "security group " + id + (name.isEmpty() ? "" : " (" + name + ")");
    }
  }

  /**
   * One permission of a security group, reduced to what address-based exposure depends on.
   *
   * @param protocol {@code tcp}, {@code udp}, {@code icmp}, a protocol number, or {@code -1} (all)
   * @param fromPort first port, or null when the protocol has no ports (e.g. {@code -1})
   * @param toPort last port, or null when the protocol has no ports
   * @param ipv4Ranges IPv4 CIDRs
   * @param ipv6Ranges IPv6 CIDRs
   * @param otherPeers referenced security groups and prefix lists
   */
  public record IngressRule(
      String protocol,
      Integer fromPort,
      Integer toPort,
      List<String> ipv4Ranges,
      List<String> ipv6Ranges,
      List<String> otherPeers) {

    public IngressRule {
      Objects.requireNonNull(protocol, "protocol");
      ipv4Ranges = List.copyOf(ipv4Ranges);
      ipv6Ranges = List.copyOf(ipv6Ranges);
      otherPeers = List.copyOf(otherPeers);
    }

    /** A rule with CIDR peers only. */
    public IngressRule(String protocol, Integer fromPort, Integer toPort, List<String> ipv4Ranges,
        List<String> ipv6Ranges) {
      this(protocol, fromPort, toPort, ipv4Ranges, ipv6Ranges, List.of());
    }
  }

  /**
   * One EC2 instance.
   *
   * @param arn {@code arn:<partition>:ec2:<region>:<account>:instance/<id>}
   * @param name the Name tag, or empty
   * @param state e.g. {@code running}, {@code stopped}
   * @param httpTokens IMDS {@code required} (IMDSv2 only) or {@code optional}
   * @param httpEndpoint IMDS {@code enabled} or {@code disabled}
   * @param publicIp the public IPv4 address, or empty
   */
  public record Instance(
      String id,
      String arn,
      String name,
      String state,
      String httpTokens,
      String httpEndpoint,
      String publicIp) {

    public Instance {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      name = name == null ? "" : name;
      state = state == null ? "" : state;
      httpTokens = httpTokens == null ? "" : httpTokens;
      httpEndpoint = httpEndpoint == null ? "" : httpEndpoint;
      publicIp = publicIp == null ? "" : publicIp;
    }

    /** "instance i-123 (web)" for reasons. */
    public String subject() {
      return "instance " + id + (name.isEmpty() ? "" : " (" + name + ")");
    }
  }

  /**
   * One EBS volume.
   *
   * @param kmsKeyId the encrypting key's ARN, or empty
   */
  public record Volume(String id, String arn, String state, boolean encrypted, String kmsKeyId) {

    public Volume {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      state = state == null ? "" : state;
      kmsKeyId = kmsKeyId == null ? "" : kmsKeyId;
    }
  }

  /**
   * One EBS snapshot the account owns.
   *
   * @param arn {@code arn:<partition>:ec2:<region>::snapshot/<id>} (snapshot ARNs carry no
   *     account)
   * @param createVolumePermissions who may create volumes from it (DescribeSnapshotAttribute):
   *     {@code all} for everyone, otherwise account ids
   */
  public record EbsSnapshot(
      String id,
      String arn,
      String volumeId,
      boolean encrypted,
      Lookup<List<String>> createVolumePermissions) {

    public EbsSnapshot {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      volumeId = volumeId == null ? "" : volumeId;
      Objects.requireNonNull(createVolumePermissions, "createVolumePermissions");
    }
  }

  /**
   * One AMI the account owns.
   *
   * @param arn {@code arn:<partition>:ec2:<region>::image/<id>}
   * @param isPublic the image has public launch permissions
   */
  public record Image(String id, String arn, String name, boolean isPublic) {

    public Image {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      name = name == null ? "" : name;
    }
  }

  /** One VPC. */
  public record Vpc(String id, String arn, boolean isDefault, String cidrBlock) {

    public Vpc {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      cidrBlock = cidrBlock == null ? "" : cidrBlock;
    }
  }

  /**
   * One flow log.
   *
   * @param resourceId the VPC, subnet or network interface it records
   * @param status {@code ACTIVE} when delivering
   * @param trafficType {@code ACCEPT}, {@code REJECT} or {@code ALL}
   */
  public record FlowLog(String id, String resourceId, String status, String trafficType) {

    public static final String ACTIVE = "ACTIVE";

    public FlowLog {
      Objects.requireNonNull(id, "id");
      resourceId = resourceId == null ? "" : resourceId;
      status = status == null ? "" : status;
      trafficType = trafficType == null ? "" : trafficType;
    }

    public boolean isActive() {
      return ACTIVE.equals(status);
    }
  }

  /**
   * A VPC with the flow logs attached to it.
   *
   * @param vpc the VPC
   * @param flowLogs flow logs whose resource is the VPC itself
   */
  public record VpcFlowLogs(Vpc vpc, List<FlowLog> flowLogs) {

    public VpcFlowLogs {
      Objects.requireNonNull(vpc, "vpc");
      flowLogs = List.copyOf(flowLogs);
    }
  }

  /**
   * One network ACL.
   *
   * @param arn {@code arn:<partition>:ec2:<region>:<account>:network-acl/<id>}
   * @param subnetCount number of subnets associated with it
   */
  public record NetworkAcl(
      String id, String arn, String vpcId, boolean isDefault, int subnetCount,
      List<AclEntry> entries) {

    public NetworkAcl {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      vpcId = vpcId == null ? "" : vpcId;
      entries = List.copyOf(entries);
    }
  }

  /**
   * One network ACL entry.
   *
   * @param ruleNumber evaluation order, lowest first (32767 is the implicit deny)
   * @param egress true for outbound entries
   * @param protocol a protocol number ({@code 6} TCP, {@code 17} UDP) or {@code -1} (all)
   * @param allow {@code allow} rather than {@code deny}
   * @param cidr the IPv4 or IPv6 CIDR
   * @param fromPort first port, or null when the entry covers all ports
   * @param toPort last port, or null when the entry covers all ports
   */
  public record AclEntry(
      int ruleNumber,
      boolean egress,
      String protocol,
      boolean allow,
      String cidr,
      Integer fromPort,
      Integer toPort) {

    public AclEntry {
      Objects.requireNonNull(protocol, "protocol");
      cidr = cidr == null ? "" : cidr;
    }
  }
}
