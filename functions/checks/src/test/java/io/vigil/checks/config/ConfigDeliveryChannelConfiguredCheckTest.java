package io.vigil.checks.config;

import static io.vigil.checks.config.ConfigRecorderAllResourcesRecordingCheckTest.TARGET;
import static io.vigil.checks.config.ConfigRecorderAllResourcesRecordingCheckTest.recorder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigDeliveryChannelConfiguredCheckTest {

  private final ConfigDeliveryChannelConfiguredCheck check =
      new ConfigDeliveryChannelConfiguredCheck();
  private final ConfigSnapshot.Recorder recorder =
      recorder(true, Lookup.found(new ConfigSnapshot.Status(true, "SUCCESS")));

  @Test
  void evaluate_isNotApplicable_withoutRecorder() {
    var o = check.evaluate(new ConfigSnapshot(List.of(), List.of()), TARGET).get(0);
    assertEquals(CheckStatus.NOT_APPLICABLE, o.status());
    assertEquals("region eu-west-1: no AWS Config recorder", o.reason());
  }

  @Test
  void evaluate_passes_withChannelToABucket() {
    var o = check.evaluate(new ConfigSnapshot(List.of(recorder), List.of(
        new ConfigSnapshot.DeliveryChannel("default", "config-history", null))), TARGET).get(0);
    assertEquals(CheckStatus.PASS, o.status());
    assertEquals("region eu-west-1: delivery channel default writes to bucket config-history",
        o.reason());
    assertEquals(false, o.evidence().get("SnsTopicConfigured"));
  }

  @Test
  void evaluate_fails_withoutChannel_orWithoutBucket() {
    var none = check.evaluate(new ConfigSnapshot(List.of(recorder), List.of()), TARGET).get(0);
    assertEquals(CheckStatus.FAIL, none.status());
    assertEquals("region eu-west-1: no delivery channel to an S3 bucket", none.reason());
    var noBucket = check.evaluate(new ConfigSnapshot(List.of(recorder), List.of(
        new ConfigSnapshot.DeliveryChannel("default", "", "arn:aws:sns:eu-west-1:1:t"))), TARGET)
        .get(0);
    assertEquals(CheckStatus.FAIL, noBucket.status());
    assertEquals(List.of("default"), noBucket.evidence().get("DeliveryChannels"));
  }
}
