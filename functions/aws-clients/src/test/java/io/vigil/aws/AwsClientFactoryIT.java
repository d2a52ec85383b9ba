package io.vigil.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.Optional;
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
      assertSame(factory, factory.forAccount(factory.callerAccount()), "own account: no role");
    }
  }

  @Test
  void forAccount_assumesTheMemberRole_andReadsThatAccount(AwsEmulator emulator) {
    var settings = AwsSettings.emulator(emulator.endpoint(), emulator.region())
        .withMemberRole(new AwsSettings.MemberRole("VigilCollector", Optional.of("ext-123")));
    try (var factory = new AwsClientFactory(settings)) {
      var member = factory.forAccount("111111111111");
      var sts = member.client(StsClient.class, StsClient::builder, factory.defaultRegion());

      var identity = sts.getCallerIdentity();

      assertEquals("111111111111", identity.account());
      assertTrue(identity.arn().contains("VigilCollector"), identity.arn());
      assertSame(member, factory.forAccount("111111111111"), "one credential chain per account");
    }
  }

  @Test
  void forAccount_explainsTheMissingRole_whenNoneIsConfigured(AwsEmulator emulator) {
    try (var factory = new AwsClientFactory(AwsSettings.emulator(emulator.endpoint(), emulator.region()))) {
      var e = assertThrows(IllegalStateException.class, () -> factory.forAccount("111111111111"));
      assertTrue(e.getMessage().contains("vigil.member-role-name"), e.getMessage());
    }
  }
}
