package io.vigil.checks.ec2;

import io.vigil.checks.Lookup;
import java.util.List;
import java.util.Objects;

/**
 * The EC2 configuration of one account in one region.
 *
 * @param securityGroups every security group of the region
 * @param ebsEncryptionByDefault whether new EBS volumes are encrypted by default
 */
public record Ec2Snapshot(
    List<SecurityGroup> securityGroups, Lookup<Boolean> ebsEncryptionByDefault) {

  public Ec2Snapshot {
    securityGroups = List.copyOf(securityGroups);
    Objects.requireNonNull(ebsEncryptionByDefault, "ebsEncryptionByDefault");
  }

  /**
   * One security group.
   *
   * @param arn {@code arn:<partition>:ec2:<region>:<account>:security-group/<id>}
   * @param vpcId the VPC, or empty for EC2-Classic leftovers
   */
  public record SecurityGroup(
      String id, String name, String vpcId, String arn, List<IngressRule> ingress) {

    public SecurityGroup {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      name = name == null ? "" : name;
      vpcId = vpcId == null ? "" : vpcId;
      ingress = List.copyOf(ingress);
    }
  }

  /**
   * One ingress permission, reduced to what address-based exposure depends on (rules that reference
   * other security groups or prefix lists are kept only through their CIDR ranges, i.e. not at all
   * when they have none).
   *
   * @param protocol {@code tcp}, {@code udp}, {@code icmp}, a protocol number, or {@code -1} (all)
   * @param fromPort first port, or null when the protocol has no ports (e.g. {@code -1})
   * @param toPort last port, or null when the protocol has no ports
   * @param ipv4Ranges source IPv4 CIDRs
   * @param ipv6Ranges source IPv6 CIDRs
   */
  public record IngressRule(
      String protocol,
      Integer fromPort,
      Integer toPort,
      List<String> ipv4Ranges,
      List<String> ipv6Ranges) {

    public IngressRule {
      Objects.requireNonNull(protocol, "protocol");
      ipv4Ranges = List.copyOf(ipv4Ranges);
      ipv6Ranges = List.copyOf(ipv6Ranges);
    }
  }
}
