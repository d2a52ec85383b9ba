package io.vigil.checks.guardduty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.EmulatorTargets;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;

/**
 * The GuardDuty loader (SDK 2.40.2 on the 2.57.8 core) against the emulator: no detector, then an
 * enabled detector with S3 protection, then the same detector suspended.
 */
@WithAwsEmulator
class GuardDutySnapshotLoaderIT {

  private static AwsClientFactory clients;
  private static ScanTarget target;
  private static GuardDutyClient guardDuty;

  @BeforeAll
  static void start(AwsEmulator emulator) {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    guardDuty = clients.client(GuardDutyClient.class, GuardDutyClient::builder,
        Region.of(emulator.region()));
    for (var id : guardDuty.listDetectors(r -> { }).detectorIds()) {
      guardDuty.deleteDetector(r -> r.detectorId(id));
    }
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void load_followsTheDetectorThroughItsStates() {
    var loader = new GuardDutySnapshotLoader(clients);
    var enabledCheck = new GuarddutyDetectorEnabledCheck();
    var s3Check = new GuarddutyDetectorS3ProtectionEnabledCheck();
    // GIVEN no detector WHEN loaded THEN
    var none = loader.load(target);
    assertEquals(0, none.detectors().size());
    var absent = enabledCheck.evaluate(none, target).get(0);
    assertEquals(CheckStatus.FAIL, absent.status());
    assertEquals("region " + target.region() + ": GuardDuty has no detector", absent.reason());
    // GIVEN an enabled detector with S3 protection
    var id = guardDuty.createDetector(r -> r.enable(true)
        .dataSources(d -> d.s3Logs(s -> s.enable(true)))).detectorId();
    var on = loader.load(target);
    var detector = on.detectors().get(0);
    assertEquals(id, detector.id());
    assertEquals("ENABLED", detector.settings().value().status());
    assertEquals("ENABLED", detector.settings().value().s3Protection());
    assertEquals(CheckStatus.PASS, enabledCheck.evaluate(on, target).get(0).status());
    assertEquals(CheckStatus.PASS, s3Check.evaluate(on, target).get(0).status());
    // GIVEN the detector suspended, without S3 protection
    guardDuty.updateDetector(r -> r.detectorId(id).enable(false)
        .dataSources(d -> d.s3Logs(s -> s.enable(false))));
    var off = loader.load(target);
    assertEquals("DISABLED", off.detectors().get(0).settings().value().status());
    assertEquals(CheckStatus.FAIL, enabledCheck.evaluate(off, target).get(0).status());
    assertEquals(CheckStatus.NOT_APPLICABLE, s3Check.evaluate(off, target).get(0).status());
    guardDuty.updateDetector(r -> r.detectorId(id).enable(true));
  }
}
