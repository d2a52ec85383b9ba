package io.vigil.checks.ec2;

import static io.vigil.checks.ec2.Ec2Fixtures.TARGET;
import static io.vigil.checks.ec2.Ec2Fixtures.group;
import static io.vigil.checks.ec2.Ec2Fixtures.snapshot;
import static io.vigil.checks.ec2.Ec2Fixtures.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ec2SecuritygroupDatabasePortsRestrictedCheckTest {

  private final Ec2SecuritygroupDatabasePortsRestrictedCheck check =
      new Ec2SecuritygroupDatabasePortsRestrictedCheck();

  @Test
  void evaluate_returnsNothing_whenRegionHasNoSecurityGroup() {
    assertEquals(List.of(), check.evaluate(snapshot().build(), TARGET));
  }

  @Test
  void evaluate_passes_whenDatabaseIsReachableOnlyFromPrivateRanges() {
    // GIVEN
    var db = group("sg-db", "db", List.of(tcp(5432, 5432, "10.0.0.0/16"),
        tcp(443, 443, "0.0.0.0/0")), List.of());
    // WHEN
    var o = check.evaluate(snapshot().groups(db).build(), TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("security group sg-db (db): no database or cache port is open to the internet",
        o.reason());
    assertEquals(List.of(), o.evidence().get("openDatabasePorts"));
  }

  @Test
  void evaluate_fails_forMysqlOpenToTheInternet() {
    var web = group("sg-123", "web", List.of(tcp(3306, 3306, "0.0.0.0/0")), List.of());
    var o = check.evaluate(snapshot().groups(web).build(), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("security group sg-123 (web): MySQL 3306 open to 0.0.0.0/0 (tcp 3306)",
        o.reason());
    assertEquals(List.of(3306), o.evidence().get("openDatabasePorts"));
  }

  @Test
  void evaluate_fails_forARangeCoveringSeveralPorts_andForIpv6() {
    var cache = group("sg-c", "", List.of(tcp(6000, 7000, "::/0"),
        tcp(27017, 27017, "0.0.0.0/0", "::/0")), List.of());
    var o = check.evaluate(snapshot().groups(cache).build(), TARGET).get(0);
    assertEquals("security group sg-c: Redis 6379 open to ::/0 (tcp 6000-7000); MongoDB 27017"
        + " open to 0.0.0.0/0 and ::/0 (tcp 27017)", o.reason());
    assertEquals(List.of(6379, 27017), o.evidence().get("openDatabasePorts"));
  }

  @Test
  void evaluate_fails_forAllTraffic_namingEveryDatabasePort() {
    var all = group("sg-all", "open", List.of(new Ec2Snapshot.IngressRule("-1", null, null,
        List.of("0.0.0.0/0"), List.of())), List.of());
    var o = check.evaluate(snapshot().groups(all).build(), TARGET).get(0);
    assertEquals("security group sg-all (open): every database port open to 0.0.0.0/0 (all"
        + " traffic)", o.reason());
  }

  @Test
  void evaluate_ignoresUdp_andJudgesEveryGroup() {
    var udp = group("sg-u", "", List.of(new Ec2Snapshot.IngressRule("udp", 0, 65535,
        List.of("0.0.0.0/0"), List.of())), List.of());
    var pg = group("sg-p", "", List.of(tcp(5432, 5432, "0.0.0.0/0")), List.of());
    var observations = check.evaluate(snapshot().groups(udp, pg).build(), TARGET);
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
  }
}
