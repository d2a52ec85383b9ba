package io.vigil.checks.organizations;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.Lookup;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicyTypeStatus;

/**
 * Loads the account's organization. Scope ACCOUNT: Organizations is a global service, called
 * through the partition's global endpoint.
 *
 * <p>Calls: DescribeOrganization once (AWSOrganizationsNotInUseException means the account is in
 * no organization); ListRoots (paginated) only when the account is the management account, since
 * member accounts are not allowed to call it. Failures are recorded on the snapshot.
 */
@Singleton
public final class OrganizationsSnapshotLoader implements SnapshotLoader<OrganizationsSnapshot> {

  static final String NOT_IN_USE = "AWSOrganizationsNotInUseException";

  private final AwsClientFactory clients;

  public OrganizationsSnapshotLoader(AwsClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Class<OrganizationsSnapshot> snapshotType() {
    return OrganizationsSnapshot.class;
  }

  @Override
  public String service() {
    return "organizations";
  }

  @Override
  public Scope scope() {
    return Scope.ACCOUNT;
  }

  @Override
  public OrganizationsSnapshot load(ScanTarget target) {
    var orgs = clients.forAccount(target.accountId()).client(OrganizationsClient.class, OrganizationsClient::builder,
        globalRegion(target.partition()));
    var organization = AwsCalls.lookup("DescribeOrganization", () -> {
      var o = orgs.describeOrganization(r -> { }).organization();
      return new OrganizationsSnapshot.Organization(o.id(), o.arn(), o.masterAccountId(),
          o.featureSetAsString());
    }, NOT_IN_USE);
    Lookup<List<OrganizationsSnapshot.Root>> roots = organization.toOptional()
        .filter(o -> o.managementAccountId().equals(target.accountId()))
        .map(o -> AwsCalls.lookup("ListRoots", () -> {
          var out = new ArrayList<OrganizationsSnapshot.Root>();
          for (var page : orgs.listRootsPaginator(b -> { })) {
            for (var r : page.roots()) {
              out.add(new OrganizationsSnapshot.Root(r.id(), r.arn(), r.policyTypes().stream()
                  .filter(p -> p.status() == PolicyTypeStatus.ENABLED)
                  .map(p -> p.typeAsString())
                  .toList()));
            }
          }
          return List.copyOf(out);
        }))
        .orElse(Lookup.absent());
    return new OrganizationsSnapshot(organization, roots);
  }

  /** The Organizations global endpoint region of the partition. */
  static Region globalRegion(String partition) {
    return switch (partition) {
      case "aws-cn" -> Region.AWS_CN_GLOBAL;
      case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
      default -> Region.AWS_GLOBAL;
    };
  }
}
