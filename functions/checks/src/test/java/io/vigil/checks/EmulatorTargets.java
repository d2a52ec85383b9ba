package io.vigil.checks;

import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.check.ScanTarget;
import io.vigil.emulator.junit.AwsEmulator;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** Factory and scan target of the emulator the integration tests run against. */
public final class EmulatorTargets {

  private EmulatorTargets() {}

  public static AwsClientFactory factory(AwsEmulator emulator) {
    return new AwsClientFactory(AwsSettings.emulator(emulator.endpoint(), emulator.region()));
  }

  /** The emulator's account (read with GetCallerIdentity) in the emulator's region. */
  public static ScanTarget target(AwsClientFactory clients, AwsEmulator emulator) {
    var sts = clients.client(StsClient.class, StsClient::builder, Region.of(emulator.region()));
    return new ScanTarget(sts.getCallerIdentity().account(), emulator.region());
  }

  /** A short random suffix that keeps resource names unique on a shared emulator. */
  public static String uniqueSuffix() {
    return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36)
        .toLowerCase(Locale.ROOT);
  }
}
