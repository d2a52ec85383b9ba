package io.vigil.functions.collectevidence;

import io.vigil.aws.AwsClientFactory;
import io.vigil.domain.check.ScanTarget;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccountStatus;

/**
 * Which accounts and regions a run covers.
 *
 * <ul>
 *   <li>Accounts: the account of Vigil's own credentials (asked of STS, so evidence names the
 *       account really read), plus the configured member accounts, or every active account of the
 *       AWS Organization when the list is {@code organization}. Member accounts are read through
 *       the configured member role.
 *   <li>Regions: the configured list, every enabled region when the list is {@code all}, or the
 *       current region when none is configured.
 * </ul>
 */
public final class ScanScope {

  public static final String ALL_REGIONS = "all";
  public static final String ORGANIZATION = "organization";

  private final AwsClientFactory clients;
  private final List<String> regions;
  private final List<String> accounts;

  public ScanScope(AwsClientFactory clients, List<String> regions, List<String> accounts) {
    this.clients = clients;
    this.regions = List.copyOf(new LinkedHashSet<>(regions));
    this.accounts = List.copyOf(new LinkedHashSet<>(accounts));
    for (var a : this.accounts) {
      if (!a.equals(ORGANIZATION) && !a.matches("\\d{12}")) {
        throw new IllegalArgumentException("member account '" + a + "' is not a 12-digit account id"
            + " (or '" + ORGANIZATION + "' for every account of the AWS Organization)");
      }
    }
  }

  /** Every target of a full run: each account in each region, the caller's account first. */
  public List<ScanTarget> targets() {
    var caller = clients.callerAccount();
    var accountIds = new LinkedHashSet<String>();
    accountIds.add(caller);
    for (var a : accounts) {
      if (a.equals(ORGANIZATION)) {
        accountIds.addAll(organizationAccounts());
      } else {
        accountIds.add(a);
      }
    }
    var regionNames = regionNames();
    var out = new ArrayList<ScanTarget>();
    for (var account : accountIds) {
      for (var region : regionNames) {
        out.add(new ScanTarget(account, region));
      }
    }
    return out;
  }

  private List<String> regionNames() {
    if (regions.isEmpty()) {
      return List.of(clients.defaultRegion().id());
    }
    if (regions.size() == 1 && regions.get(0).toLowerCase(Locale.ROOT).equals(ALL_REGIONS)) {
      var ec2 = clients.client(Ec2Client.class, Ec2Client::builder, clients.defaultRegion());
      return ec2.describeRegions(r -> r.allRegions(false)).regions().stream()
          .filter(r -> !"not-opted-in".equals(r.optInStatus()))
          .map(r -> r.regionName())
          .sorted()
          .toList();
    }
    return regions;
  }

  private List<String> organizationAccounts() {
    // Organizations is a global service: its endpoint does not depend on the region
    var org = clients.client(OrganizationsClient.class, OrganizationsClient::builder,
        software.amazon.awssdk.regions.Region.AWS_GLOBAL);
    return org.listAccountsPaginator(r -> { }).stream().flatMap(page -> page.accounts().stream())
        .filter(a -> a.status() == AccountStatus.ACTIVE)
        .map(a -> a.id())
        .toList();
  }
}
