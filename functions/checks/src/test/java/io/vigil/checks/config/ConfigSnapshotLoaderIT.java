package io.vigil.checks.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ResourceType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS Config loader (SDK 2.50.2 on the 2.57.8 core) against the emulator: a stopped recorder
 * of selected types, then a recording recorder of all types with a delivery channel.
 */
@WithAwsEmulator
class ConfigSnapshotLoaderIT {

  private static final String SUFFIX = EmulatorTargets.uniqueSuffix();
  private static final String RECORDER = "default";

  private static AwsClientFactory clients;
  private static ScanTarget target;
  private static ConfigClient config;
  private static String bucket;
  private static String role;

  @BeforeAll
  static void start(AwsEmulator emulator) {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    var region = Region.of(emulator.region());
    config = clients.client(ConfigClient.class, ConfigClient::builder, region);
    bucket = "vigil-config-" + SUFFIX;
    clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true), region)
        .createBucket(r -> r.bucket(bucket).createBucketConfiguration(
            c -> c.locationConstraint(emulator.region())));
    role = "arn:aws:iam::" + target.accountId() + ":role/vigil-config";
    for (var r : config.describeConfigurationRecorders(b -> { }).configurationRecorders()) {
      config.stopConfigurationRecorder(b -> b.configurationRecorderName(r.name()));
    }
    for (var c : config.describeDeliveryChannels(b -> { }).deliveryChannels()) {
      config.deleteDeliveryChannel(b -> b.deliveryChannelName(c.name()));
    }
    for (var r : config.describeConfigurationRecorders(b -> { }).configurationRecorders()) {
      config.deleteConfigurationRecorder(b -> b.configurationRecorderName(r.name()));
    }
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void load_followsTheRecorderFromPartialToComplete() {
    var loader = new ConfigSnapshotLoader(clients);
    var recorderCheck = new ConfigRecorderAllResourcesRecordingCheck();
    var channelCheck = new ConfigDeliveryChannelConfiguredCheck();
    // GIVEN nothing
    var nothing = loader.load(target);
    assertEquals(0, nothing.recorders().size());
    assertEquals(CheckStatus.FAIL, recorderCheck.evaluate(nothing, target).get(0).status());
    assertEquals(CheckStatus.NOT_APPLICABLE,
        channelCheck.evaluate(nothing, target).get(0).status());
    // GIVEN a stopped recorder of one resource type, no channel
    config.putConfigurationRecorder(r -> r.configurationRecorder(c -> c.name(RECORDER)
        .roleARN(role).recordingGroup(g -> g.allSupported(false)
            .includeGlobalResourceTypes(false).resourceTypes(ResourceType.AWS_S3_BUCKET))));
    var partial = loader.load(target);
    var recorder = partial.recorders().get(0);
    assertFalse(recorder.allSupported());
    assertEquals(1, recorder.recordedTypes());
    assertFalse(recorder.status().value().recording());
    var fail = recorderCheck.evaluate(partial, target).get(0);
    assertEquals(CheckStatus.FAIL, fail.status());
    assertEquals("region " + target.region() + ": recorder default records only 1 selected"
        + " resource types; recorder default is stopped", fail.reason());
    assertEquals(CheckStatus.FAIL, channelCheck.evaluate(partial, target).get(0).status());
    // GIVEN all types, a delivery channel and the recorder started
    config.putConfigurationRecorder(r -> r.configurationRecorder(c -> c.name(RECORDER)
        .roleARN(role).recordingGroup(g -> g.allSupported(true)
            .includeGlobalResourceTypes(true))));
    config.putDeliveryChannel(r -> r.deliveryChannel(c -> c.name("default").s3BucketName(bucket)));
    config.startConfigurationRecorder(r -> r.configurationRecorderName(RECORDER));
    var complete = loader.load(target);
    assertTrue(complete.recorders().get(0).allSupported());
    assertTrue(complete.recorders().get(0).status().value().recording());
    assertEquals(bucket, complete.channels().get(0).s3BucketName());
    var pass = recorderCheck.evaluate(complete, target).get(0);
    assertEquals(CheckStatus.PASS, pass.status(), pass.reason());
    assertEquals(CheckStatus.PASS, channelCheck.evaluate(complete, target).get(0).status());
  }
}
