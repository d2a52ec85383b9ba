package io.vigil.checks.ec2;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.ScanTarget;
import java.util.ArrayList;
import java.util.List;

/** Plain-data EC2 snapshots for the EC2 check tests. */
final class Ec2Fixtures {

  static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  static final String OWN = "arn:aws:ec2:eu-west-1:123456789012:";

  private Ec2Fixtures() {}

  static Ec2Snapshot withEbsDefault(Lookup<Boolean> ebsEncryptionByDefault) {
    return snapshot().ebsDefault(ebsEncryptionByDefault).build();
  }

  static Builder snapshot() {
    return new Builder();
  }

  static Ec2Snapshot.Instance instance(String id, String tokens, String endpoint, String ip) {
    return new Ec2Snapshot.Instance(id, OWN + "instance/" + id, "", "running", tokens, endpoint,
        ip);
  }

  static Ec2Snapshot.Volume volume(String id, boolean encrypted) {
    return new Ec2Snapshot.Volume(id, OWN + "volume/" + id, "in-use", encrypted,
        encrypted ? "arn:aws:kms:eu-west-1:123456789012:key/k-1" : null);
  }

  static Ec2Snapshot.EbsSnapshot ebsSnapshot(
      String id, boolean encrypted, Lookup<List<String>> permissions) {
    return new Ec2Snapshot.EbsSnapshot(id, "arn:aws:ec2:eu-west-1::snapshot/" + id, "vol-1",
        encrypted, permissions);
  }

  static Ec2Snapshot.SecurityGroup group(
      String id, String name, List<Ec2Snapshot.IngressRule> in, List<Ec2Snapshot.IngressRule> out) {
    return new Ec2Snapshot.SecurityGroup(id, name, "vpc-1", OWN + "security-group/" + id, in, out);
  }

  static Ec2Snapshot.IngressRule tcp(int from, int to, String... cidrs) {
    var v4 = new ArrayList<String>();
    var v6 = new ArrayList<String>();
    for (var c : cidrs) {
      (c.contains(":") ? v6 : v4).add(c);
    }
    return new Ec2Snapshot.IngressRule("tcp", from, to, v4, v6);
  }

  static Ec2Snapshot.AclEntry inbound(
      int rule, String protocol, boolean allow, String cidr, Integer from, Integer to) {
    return new Ec2Snapshot.AclEntry(rule, false, protocol, allow, cidr, from, to);
  }

  static Ec2Snapshot.NetworkAcl acl(String id, Ec2Snapshot.AclEntry... entries) {
    return new Ec2Snapshot.NetworkAcl(id, OWN + "network-acl/" + id, "vpc-1", false, 2,
        List.of(entries));
  }

  /** Fluent builder of snapshots: everything empty, EBS encryption by default on. */
  static final class Builder {
    private final List<Ec2Snapshot.SecurityGroup> groups = new ArrayList<>();
    private Lookup<Boolean> ebsDefault = Lookup.found(true);
    private final List<Ec2Snapshot.Instance> instances = new ArrayList<>();
    private final List<Ec2Snapshot.Volume> volumes = new ArrayList<>();
    private final List<Ec2Snapshot.EbsSnapshot> snapshots = new ArrayList<>();
    private final List<Ec2Snapshot.Image> images = new ArrayList<>();
    private final List<Ec2Snapshot.Vpc> vpcs = new ArrayList<>();
    private final List<Ec2Snapshot.FlowLog> flowLogs = new ArrayList<>();
    private final List<Ec2Snapshot.NetworkAcl> acls = new ArrayList<>();

    Builder groups(Ec2Snapshot.SecurityGroup... g) {
      groups.addAll(List.of(g));
      return this;
    }

    Builder ebsDefault(Lookup<Boolean> value) {
      ebsDefault = value;
      return this;
    }

    Builder instances(Ec2Snapshot.Instance... i) {
      instances.addAll(List.of(i));
      return this;
    }

    Builder volumes(Ec2Snapshot.Volume... v) {
      volumes.addAll(List.of(v));
      return this;
    }

    Builder snapshots(Ec2Snapshot.EbsSnapshot... s) {
      snapshots.addAll(List.of(s));
      return this;
    }

    Builder images(Ec2Snapshot.Image... i) {
      images.addAll(List.of(i));
      return this;
    }

    Builder vpcs(Ec2Snapshot.Vpc... v) {
      vpcs.addAll(List.of(v));
      return this;
    }

    Builder flowLogs(Ec2Snapshot.FlowLog... f) {
      flowLogs.addAll(List.of(f));
      return this;
    }

    Builder acls(Ec2Snapshot.NetworkAcl... a) {
      acls.addAll(List.of(a));
      return this;
    }

    Ec2Snapshot build() {
      return new Ec2Snapshot(groups, ebsDefault, instances, volumes, snapshots, images, vpcs,
          flowLogs, acls);
    }
  }
}
