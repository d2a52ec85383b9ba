package io.vigil.checks.guardduty;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.GetDetectorResponse;

/**
 * Loads the GuardDuty detectors of one region. Scope REGION: GuardDuty is enabled per region.
 *
 * <p>Calls: ListDetectors (paginated) once, GetDetector per detector. A failing ListDetectors
 * throws; a failing GetDetector is recorded on the detector.
 */
@Singleton
public final class GuardDutySnapshotLoader implements SnapshotLoader<GuardDutySnapshot> {

  private final AwsClientFactory clients;

  public GuardDutySnapshotLoader(AwsClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Class<GuardDutySnapshot> snapshotType() {
    return GuardDutySnapshot.class;
  }

  @Override
  public String service() {
    return "guardduty";
  }

  @Override
  public Scope scope() {
    return Scope.REGION;
  }

  @Override
  public GuardDutySnapshot load(ScanTarget target) {
    var guardDuty = clients.forAccount(target.accountId()).client(GuardDutyClient.class, GuardDutyClient::builder,
        Region.of(target.region()));
    var detectors = new ArrayList<GuardDutySnapshot.Detector>();
    for (var id : guardDuty.listDetectorsPaginator(r -> { }).detectorIds()) {
      var settings = AwsCalls.lookup("GetDetector", () -> {
        var d = guardDuty.getDetector(r -> r.detectorId(id));
        return new GuardDutySnapshot.Settings(d.statusAsString(),
            d.findingPublishingFrequencyAsString(), s3Protection(d));
      });
      detectors.add(new GuardDutySnapshot.Detector(id, "arn:" + target.partition()
          + ":guardduty:" + target.region() + ":" + target.accountId() + ":detector/" + id,
          settings));
    }
    return new GuardDutySnapshot(detectors);
  }

  /** The S3_DATA_EVENTS feature's status, else the legacy s3Logs data source's, else null. */
  static String s3Protection(GetDetectorResponse d) {
    if (d.hasFeatures()) {
      var feature = d.features().stream()
          .filter(f -> "S3_DATA_EVENTS".equals(f.nameAsString()))
          .map(f -> f.statusAsString())
          .findFirst();
      if (feature.isPresent()) {
        return feature.get();
      }
    }
    var sources = d.dataSources();
    return sources == null || sources.s3Logs() == null ? null
        : sources.s3Logs().statusAsString();
  }
}
