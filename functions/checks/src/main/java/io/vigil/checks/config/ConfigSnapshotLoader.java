package io.vigil.checks.config;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.Lookup;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;

/**
 * Loads the AWS Config recorders and delivery channels of one region. Scope REGION: Config records
 * per region.
 *
 * <p>Calls (none is paginated; a region has at most one recorder and one channel):
 * DescribeConfigurationRecorders and DescribeDeliveryChannels, which throw when they fail, and
 * DescribeConfigurationRecorderStatus once, whose failure is recorded on every recorder.
 */
@Singleton
public final class ConfigSnapshotLoader implements SnapshotLoader<ConfigSnapshot> {

  private final AwsClientFactory clients;

  public ConfigSnapshotLoader(AwsClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Class<ConfigSnapshot> snapshotType() {
    return ConfigSnapshot.class;
  }

  @Override
  public String service() {
    return "config";
  }

  @Override
  public Scope scope() {
    return Scope.REGION;
  }

  @Override
  public ConfigSnapshot load(ScanTarget target) {
    var config = clients.forAccount(target.accountId()).client(ConfigClient.class, ConfigClient::builder,
        Region.of(target.region()));
    var described = config.describeConfigurationRecorders(r -> { }).configurationRecorders();
    Lookup<Map<String, ConfigSnapshot.Status>> statuses = described.isEmpty()
        ? Lookup.found(Map.of())
        : AwsCalls.lookup("DescribeConfigurationRecorderStatus", () -> config
            .describeConfigurationRecorderStatus(r -> { }).configurationRecordersStatus().stream()
            .collect(Collectors.toMap(ConfigurationRecorderStatus::name,
                s -> new ConfigSnapshot.Status(Boolean.TRUE.equals(s.recording()),
                    s.lastStatusAsString()), (a, b) -> a)));
    var recorders = new ArrayList<ConfigSnapshot.Recorder>();
    for (var r : described) {
      var group = r.recordingGroup();
      Lookup<ConfigSnapshot.Status> status = statuses.isFailed() ? Lookup.failed(statuses.error())
          : statuses.toOptional().map(m -> m.get(r.name())).map(Lookup::found)
              .orElse(Lookup.absent());
      recorders.add(new ConfigSnapshot.Recorder(r.name(),
          group != null && Boolean.TRUE.equals(group.allSupported()),
          group != null && Boolean.TRUE.equals(group.includeGlobalResourceTypes()),
          group == null ? 0 : group.resourceTypes().size(), status));
    }
    var channels = config.describeDeliveryChannels(r -> { }).deliveryChannels().stream()
        .map(c -> new ConfigSnapshot.DeliveryChannel(c.name(), c.s3BucketName(), c.snsTopicARN()))
        .toList();
    return new ConfigSnapshot(recorders, channels);
  }
}
