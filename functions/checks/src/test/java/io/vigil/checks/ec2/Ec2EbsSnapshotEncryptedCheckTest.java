package io.vigil.checks.ec2;

import static io.vigil.checks.ec2.Ec2Fixtures.TARGET;
import static io.vigil.checks.ec2.Ec2Fixtures.ebsSnapshot;
import static io.vigil.checks.ec2.Ec2Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ec2EbsSnapshotEncryptedCheckTest {

  private final Ec2EbsSnapshotEncryptedCheck check = new Ec2EbsSnapshotEncryptedCheck();

  @Test
  void evaluate_returnsNothing_whenAccountOwnsNoSnapshot() {
    assertEquals(List.of(), check.evaluate(snapshot().build(), TARGET));
  }

  @Test
  void evaluate_passesEncrypted_failsUnencrypted_evenWhenPermissionsAreUnreadable() {
    // GIVEN the permissions lookup failed on the unencrypted one: encryption does not need it
    var snapshot = snapshot().snapshots(
        ebsSnapshot("snap-1", true, Lookup.found(List.of())),
        ebsSnapshot("snap-2", false, Lookup.failed("DescribeSnapshotAttribute failed: X"))).build();
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
    assertEquals("arn:aws:ec2:eu-west-1::snapshot/snap-1", observations.get(0).resourceArn());
    assertEquals("snapshot snap-2 of vol-1: is not encrypted", observations.get(1).reason());
    assertEquals(false, observations.get(1).evidence().get("encrypted"));
  }
}
