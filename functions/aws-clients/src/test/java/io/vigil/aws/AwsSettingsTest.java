package io.vigil.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsSettingsTest {

  @Test
  void fromProperties_treatsBlankValuesAsAbsent() {
    var s = AwsSettings.fromProperties(Map.of(AwsSettings.ENDPOINT_URL, " ", AwsSettings.REGION, ""));
    assertEquals(AwsSettings.defaults(), s);
  }

  @Test
  void fromProperties_readsEndpointRegionAndCredentials() {
    var s = AwsSettings.fromProperties(Map.of(
        AwsSettings.ENDPOINT_URL, "http://localhost:4566",
        AwsSettings.REGION, "eu-west-1",
        AwsSettings.ACCESS_KEY_ID, "test",
        AwsSettings.SECRET_ACCESS_KEY, "test"));
    assertEquals(Optional.of(URI.create("http://localhost:4566")), s.endpointUrl());
    assertEquals(Optional.of("eu-west-1"), s.region());
  }

  @Test
  void parseEndpoint_explainsTheExpectedForm() {
    var e = assertThrows(IllegalArgumentException.class, () -> AwsSettings.parseEndpoint("localhost:4566"));
    assertTrue(e.getMessage().contains("http://HOST:PORT"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AwsSettings.parseEndpoint("ftp://x"));
  }

  @Test
  void constructor_refusesHalfACredential() {
    assertThrows(IllegalArgumentException.class, () -> AwsSettings.fromProperties(
        Map.of(AwsSettings.ACCESS_KEY_ID, "AKIA...")));
  }
}
