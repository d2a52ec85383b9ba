package io.vigil.checks.securityhub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.EmulatorTargets;
import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/**
 * The Security Hub loader (SDK 2.50.2 on the 2.57.8 core) against the emulator: not subscribed,
 * then enabled.
 */
@WithAwsEmulator
class SecurityHubSnapshotLoaderIT {

  private static AwsClientFactory clients;
  private static ScanTarget target;
  private static SecurityHubClient hub;

  @BeforeAll
  static void start(AwsEmulator emulator) {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    hub = clients.client(SecurityHubClient.class, SecurityHubClient::builder,
        Region.of(emulator.region()));
    try {
      hub.disableSecurityHub(r -> { });
    } catch (AwsServiceException notEnabled) {
      // already disabled
    }
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void load_readsTheHubBeforeAndAfterEnabling() {
    var loader = new SecurityHubSnapshotLoader(clients);
    var check = new SecurityhubHubEnabledCheck();
    // GIVEN not subscribed
    var off = loader.load(target);
    assertEquals(Lookup.absent(), off.hub());
    var fail = check.evaluate(off, target).get(0);
    assertEquals(CheckStatus.FAIL, fail.status());
    assertEquals("region " + target.region() + ": Security Hub is not enabled", fail.reason());
    // GIVEN enabled
    hub.enableSecurityHub(r -> r.enableDefaultStandards(true));
    var on = loader.load(target);
    assertTrue(on.hub().value().arn().contains(":securityhub:" + target.region() + ":"),
        on.hub().value().arn());
    assertEquals(CheckStatus.PASS, check.evaluate(on, target).get(0).status());
  }
}
