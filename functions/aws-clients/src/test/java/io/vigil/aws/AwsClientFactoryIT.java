package io.vigil.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

@WithAwsEmulator
class AwsClientFactoryIT {

  @Test
  void client_talksToTheConfiguredEndpoint_andIsBuiltOncePerRegion(AwsEmulator emulator) {
    try (var factory = new AwsClientFactory(AwsSettings.emulator(emulator.endpoint(), emulator.region()))) {
      var sts = factory.client(StsClient.class, StsClient::builder, factory.defaultRegion());

      assertEquals(12, sts.getCallerIdentity().account().length());
      assertSame(sts, factory.client(StsClient.class, StsClient::builder, Region.of(emulator.region())));
      assertEquals(Region.of(emulator.region()), factory.defaultRegion());
    }
  }
}
