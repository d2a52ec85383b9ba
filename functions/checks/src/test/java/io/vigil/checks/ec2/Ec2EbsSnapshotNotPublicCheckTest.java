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

class Ec2EbsSnapshotNotPublicCheckTest {

  private final Ec2EbsSnapshotNotPublicCheck check = new Ec2EbsSnapshotNotPublicCheck();

  @Test
  void evaluate_returnsNothing_whenAccountOwnsNoSnapshot() {
    assertEquals(List.of(), check.evaluate(snapshot().build(), TARGET));
  }

  @Test
  void evaluate_passes_forPrivateAndAccountSharedSnapshots() {
    // GIVEN
    var snapshot = snapshot().snapshots(ebsSnapshot("snap-1", true, Lookup.found(List.of())),
        ebsSnapshot("snap-2", true, Lookup.found(List.of("111122223333")))).build();
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals("snapshot snap-1: is not public", observations.get(0).reason());
    assertEquals("snapshot snap-2: is not public (shared with 1 account)",
        observations.get(1).reason());
    assertEquals(List.of("111122223333"), observations.get(1).evidence().get("sharedWithAccounts"));
  }

  @Test
  void evaluate_fails_whenEveryoneMayCreateVolumes() {
    var o = check.evaluate(snapshot().snapshots(ebsSnapshot("snap-3", false,
        Lookup.found(List.of("all", "111122223333")))).build(), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("snapshot snap-3: any AWS account can create a volume from it"
        + " (createVolumePermission all)", o.reason());
    assertEquals(true, o.evidence().get("public"));
  }

  @Test
  void evaluate_errorsOnlyForTheUnreadableSnapshot() {
    var observations = check.evaluate(snapshot().snapshots(
        ebsSnapshot("snap-a", true, Lookup.failed("DescribeSnapshotAttribute failed: Denied")),
        ebsSnapshot("snap-b", true, Lookup.found(List.of("all")))).build(), TARGET);
    assertEquals(List.of(CheckStatus.ERROR, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
    assertEquals("snapshot snap-a: DescribeSnapshotAttribute failed: Denied",
        observations.get(0).reason());
  }
}
