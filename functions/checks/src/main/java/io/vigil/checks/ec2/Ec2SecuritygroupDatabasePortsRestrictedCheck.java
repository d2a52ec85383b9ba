package io.vigil.checks.ec2;

import io.vigil.checks.ResourceCheck;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * No security group allows ingress from the whole internet (a CIDR with prefix length 0) to a
 * database or cache port: MySQL/Aurora 3306, PostgreSQL 5432, SQL Server 1433, Oracle 1521,
 * MongoDB 27017, Redis 6379, Memcached 11211, Cassandra 9042, Elasticsearch/OpenSearch 9200,
 * through a single port, a covering range or all traffic.
 */
@Singleton
public final class Ec2SecuritygroupDatabasePortsRestrictedCheck
    extends ResourceCheck<Ec2Snapshot, Ec2Snapshot.SecurityGroup> {

  /** Database and cache ports, with the engine named in reasons. */
  static final Map<Integer, String> DATABASE_PORTS = databasePorts();

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "ec2_securitygroup_database_ports_restricted")
      .title("Security group allows no ingress from the internet to database or cache ports")
      .resourceType("AWS::EC2::SecurityGroup")
      .severity(Severity.HIGH)
      .primary("A.8.20")
      .supporting("A.8.22")
      .rationale("Databases and caches exposed to 0.0.0.0/0 or ::/0 are found by internet-wide"
          + " scanners within minutes and attacked with default credentials, brute force and"
          + " engine exploits; Redis, Memcached, MongoDB and Elasticsearch are frequently"
          + " deployed without authentication. Network security (A.8.20) requires data stores to"
          + " be reachable only from the application tier, and segregation of networks (A.8.22)"
          + " keeps them in private subnets. Ports judged: "
          + String.join(", ", DATABASE_PORTS.entrySet().stream()
              .map(e -> e.getValue() + " " + e.getKey()).toList())
          + "; port ranges and all-traffic rules that cover them count as open.")
      .remediation("Revoke the rule (aws ec2 revoke-security-group-ingress --group-id ID"
          + " --ip-permissions ...) and allow the port only from the application's security"
          + " group (--source-group) or a private CIDR; reach databases for administration"
          + " through Session Manager port forwarding or a VPN.")
      .build();

  public Ec2SecuritygroupDatabasePortsRestrictedCheck() {
    super(METADATA, Ec2Snapshot.class, Ec2Snapshot::securityGroups);
  }

  @Override
  protected Observation judge(Ec2Snapshot.SecurityGroup group, ScanTarget target) {
    var internetRules = new ArrayList<Map<String, Object>>();
    var exposures = new ArrayList<String>();
    var openPorts = new ArrayList<Integer>();
    for (var rule : group.ingress()) {
      var sources = Ec2SecuritygroupAdminPortsRestrictedCheck.internetSources(rule);
      if (sources.isEmpty()) {
        continue;
      }
      internetRules.add(Ec2SecuritygroupAdminPortsRestrictedCheck.describe(rule, sources));
      var covered = DATABASE_PORTS.keySet().stream()
          .filter(p -> Ec2SecuritygroupAdminPortsRestrictedCheck.coversTcpPort(rule, p))
          .toList();
      if (covered.isEmpty()) {
        continue;
      }
      openPorts.addAll(covered);
      var named = covered.size() > 3 && covered.size() == DATABASE_PORTS.size()
          ? "every database port"
          : Texts.joinAnd(covered.stream().map(p -> DATABASE_PORTS.get(p) + " " + p).toList());
      exposures.add(named + " open to " + String.join(" and ", sources) + " ("
          + Ec2SecuritygroupAdminPortsRestrictedCheck.rangeText(rule) + ")");
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("internetIngressRules", internetRules);
    evidence.put("openDatabasePorts", openPorts.stream().distinct().sorted().toList());
    return Observation.of(exposures.isEmpty(), group.arn(),
        group.subject() + ": no database or cache port is open to the internet",
        group.subject() + ": " + String.join("; ", exposures),
        evidence);
  }

  private static Map<Integer, String> databasePorts() {
    var ports = new LinkedHashMap<Integer, String>();
    ports.put(3306, "MySQL");
    ports.put(5432, "PostgreSQL");
    ports.put(1433, "SQL Server");
    ports.put(1521, "Oracle");
    ports.put(27017, "MongoDB");
    ports.put(6379, "Redis");
    ports.put(11211, "Memcached");
    ports.put(9042, "Cassandra");
    ports.put(9200, "Elasticsearch");
    return Collections.unmodifiableMap(ports);
  }
}
