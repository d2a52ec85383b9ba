package io.vigil.checks.securityhub;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Singleton;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/**
 * Loads Security Hub's state in one region. Scope REGION: Security Hub is enabled per region.
 *
 * <p>Calls: DescribeHub once; InvalidAccessException ("not subscribed") and
 * ResourceNotFoundException mean Security Hub is not enabled; other failures are recorded on the
 * snapshot.
 */
@Singleton
public final class SecurityHubSnapshotLoader implements SnapshotLoader<SecurityHubSnapshot> {

  static final String NOT_SUBSCRIBED = "InvalidAccessException";
  static final String NOT_FOUND = "ResourceNotFoundException";

  private final AwsClientFactory clients;

  public SecurityHubSnapshotLoader(AwsClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Class<SecurityHubSnapshot> snapshotType() {
    return SecurityHubSnapshot.class;
  }

  @Override
  public String service() {
    return "securityhub";
  }

  @Override
  public Scope scope() {
    return Scope.REGION;
  }

  @Override
  public SecurityHubSnapshot load(ScanTarget target) {
    var hub = clients.forAccount(target.accountId()).client(SecurityHubClient.class, SecurityHubClient::builder,
        Region.of(target.region()));
    return new SecurityHubSnapshot(AwsCalls.lookup("DescribeHub", () -> {
      var h = hub.describeHub(r -> { });
      return new SecurityHubSnapshot.Hub(h.hubArn(), h.subscribedAt(),
          Boolean.TRUE.equals(h.autoEnableControls()));
    }, NOT_SUBSCRIBED, NOT_FOUND));
  }
}
