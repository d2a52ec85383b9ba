package io.vigil.checks.cloudtrail;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

/**
 * Loads the trails that apply to an account.
 *
 * <p>Scope ACCOUNT, not REGION: the checks judge account-wide coverage (a multi-region trail covers
 * every region, present and future), and DescribeTrails with shadow trails included returns every
 * multi-region trail from any single region. Loading per region would repeat the same calls and
 * report the same trails once per scanned region. Regional (single-region) trails of other regions
 * are not seen; no account-level check depends on them.
 *
 * <p>Calls: DescribeTrails (includeShadowTrails=true; the API has no pagination and returns every
 * trail) once, then GetTrailStatus per trail, by ARN, sent to the trail's home region. A failing
 * DescribeTrails throws; a failing GetTrailStatus (e.g. on an organization trail the member
 * account may not read) is recorded on that trail.
 */
@Singleton
public final class CloudTrailSnapshotLoader implements SnapshotLoader<CloudTrailSnapshot> {

  private final AwsClientFactory clients;

  public CloudTrailSnapshotLoader(AwsClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Class<CloudTrailSnapshot> snapshotType() {
    return CloudTrailSnapshot.class;
  }

  @Override
  public String service() {
    return "cloudtrail";
  }

  @Override
  public Scope scope() {
    return Scope.ACCOUNT;
  }

  @Override
  public CloudTrailSnapshot load(ScanTarget target) {
    var home = client(target, target.region());
    var trails = new ArrayList<CloudTrailSnapshot.Trail>();
    for (var t : home.describeTrails(r -> r.includeShadowTrails(true)).trailList()) {
      var region = t.homeRegion() == null ? target.region() : t.homeRegion();
      var arn = t.trailARN();
      trails.add(new CloudTrailSnapshot.Trail(
          t.name(),
          arn,
          region,
          Boolean.TRUE.equals(t.isMultiRegionTrail()),
          Boolean.TRUE.equals(t.isOrganizationTrail()),
          Boolean.TRUE.equals(t.logFileValidationEnabled()),
          AwsCalls.lookup("GetTrailStatus", () -> Boolean.TRUE.equals(
              client(target, region).getTrailStatus(r -> r.name(arn)).isLogging())),
          t.kmsKeyId(),
          t.cloudWatchLogsLogGroupArn(),
          t.s3BucketName()));
    }
    return new CloudTrailSnapshot(trails);
  }

  private CloudTrailClient client(ScanTarget target, String region) {
    return clients.forAccount(target.accountId())
        .client(CloudTrailClient.class, CloudTrailClient::builder, Region.of(region));
  }
}
