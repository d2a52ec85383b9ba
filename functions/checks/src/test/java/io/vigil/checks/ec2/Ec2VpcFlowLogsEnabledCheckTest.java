package io.vigil.checks.ec2;

import static io.vigil.checks.ec2.Ec2Fixtures.OWN;
import static io.vigil.checks.ec2.Ec2Fixtures.TARGET;
import static io.vigil.checks.ec2.Ec2Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ec2VpcFlowLogsEnabledCheckTest {

  private final Ec2VpcFlowLogsEnabledCheck check = new Ec2VpcFlowLogsEnabledCheck();

  private static Ec2Snapshot.Vpc vpc(String id, boolean isDefault) {
    return new Ec2Snapshot.Vpc(id, OWN + "vpc/" + id, isDefault, "10.0.0.0/16");
  }

  @Test
  void evaluate_returnsNothing_whenRegionHasNoVpc() {
    assertEquals(List.of(), check.evaluate(snapshot().build(), TARGET));
  }

  @Test
  void evaluate_passes_whenTheVpcHasAnActiveFlowLog() {
    // GIVEN
    var snapshot = snapshot().vpcs(vpc("vpc-1", false))
        .flowLogs(new Ec2Snapshot.FlowLog("fl-1", "vpc-1", "ACTIVE", "ALL")).build();
    // WHEN
    var o = check.evaluate(snapshot, TARGET).get(0);
    // THEN
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1", o.resourceArn());
    assertEquals("VPC vpc-1: flow log fl-1 records ALL traffic", o.reason());
  }

  @Test
  void evaluate_fails_whenOnlySubnetsOrInactiveLogsExist() {
    // GIVEN a subnet-level flow log in vpc-2 and an inactive VPC flow log on vpc-3
    var snapshot = snapshot().vpcs(vpc("vpc-2", true), vpc("vpc-3", false))
        .flowLogs(new Ec2Snapshot.FlowLog("fl-s", "subnet-1", "ACTIVE", "ALL"),
            new Ec2Snapshot.FlowLog("fl-x", "vpc-3", "INACTIVE", "REJECT")).build();
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.FAIL, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
    assertEquals("VPC vpc-2 (default): has no flow log", observations.get(0).reason());
    assertEquals("VPC vpc-3: has no active flow log (1 inactive)", observations.get(1).reason());
  }
}
