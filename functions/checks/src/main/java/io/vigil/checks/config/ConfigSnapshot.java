package io.vigil.checks.config;

import io.vigil.checks.Lookup;
import java.util.List;
import java.util.Objects;

/**
 * The AWS Config recorders and delivery channels of one account in one region.
 *
 * @param recorders every configuration recorder DescribeConfigurationRecorders returned
 * @param channels every delivery channel DescribeDeliveryChannels returned
 */
public record ConfigSnapshot(List<Recorder> recorders, List<DeliveryChannel> channels) {

  public ConfigSnapshot {
    recorders = List.copyOf(recorders);
    channels = List.copyOf(channels);
  }

  /**
   * One configuration recorder.
   *
   * @param allSupported records every supported resource type
   * @param includeGlobalResourceTypes also records global resources (IAM) in this region
   * @param recordedTypes how many resource types are listed explicitly (when not allSupported)
   * @param status DescribeConfigurationRecorderStatus for this recorder
   */
  public record Recorder(
      String name,
      boolean allSupported,
      boolean includeGlobalResourceTypes,
      int recordedTypes,
      Lookup<Status> status) {

    public Recorder {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * A recorder's status.
   *
   * @param recording whether the recorder is on
   * @param lastStatus {@code SUCCESS}, {@code FAILURE} or {@code PENDING}; null before the first
   *     delivery
   */
  public record Status(boolean recording, String lastStatus) {}

  /**
   * One delivery channel.
   *
   * @param s3BucketName where configuration snapshots and history go
   * @param snsTopicArn where notifications go, or null
   */
  public record DeliveryChannel(String name, String s3BucketName, String snsTopicArn) {

    public DeliveryChannel {
      Objects.requireNonNull(name, "name");
    }
  }
}
