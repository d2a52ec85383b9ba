package io.vigil.functions.collectevidence;

import io.vigil.aws.AwsClientFactory;
import io.vigil.domain.check.ScanTarget;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.RegionOptStatus;
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
 *       current region when none is configured. Enabled regions are asked of EC2
 *       (DescribeRegions) where the EC2 SDK is in the package, else of the Account Management API
 *       (ListRegions, status ENABLED or ENABLED_BY_DEFAULT): the governance deployment package has
 *       no EC2 SDK.
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
      return isPresent(EC2_CLIENT) ? Ec2Regions.enabled(clients) : AccountRegions.enabled(clients);
    }
    return regions;
  }

  private static final String EC2_CLIENT = "software.amazon.awssdk.services.ec2.Ec2Client";

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, ScanScope.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Enabled regions from EC2; a class of its own so that nothing loads EC2 where it is absent. */
  private static final class Ec2Regions {
    static List<String> enabled(AwsClientFactory clients) {
      var ec2 = clients.client(Ec2Client.class, Ec2Client::builder, clients.defaultRegion());
      return ec2.describeRegions(r -> r.allRegions(false)).regions().stream()
          .filter(r -> !"not-opted-in".equals(r.optInStatus()))
          .map(r -> r.regionName())
          .sorted()
          .toList();
    }
  }

  /** Enabled regions from the Account Management API (packages without the EC2 SDK). */
  private static final class AccountRegions {
    static List<String> enabled(AwsClientFactory clients) {
      var home = clients.defaultRegion().id();
      var global = home.startsWith("cn-") ? Region.AWS_CN_GLOBAL
          : home.startsWith("us-gov-") ? Region.AWS_US_GOV_GLOBAL : Region.AWS_GLOBAL;
      var account = clients.client(AccountClient.class, AccountClient::builder, global);
      return account.listRegionsPaginator(r -> r.regionOptStatusContains(
              RegionOptStatus.ENABLED, RegionOptStatus.ENABLED_BY_DEFAULT))
          .regions().stream()
          .map(r -> r.regionName())
          .sorted()
          .toList();
    }
  }

  private List<String> organizationAccounts() {
    // Organizations is a global service: its endpoint does not depend on the region
    var org = clients.client(OrganizationsClient.class, OrganizationsClient::builder,
        Region.AWS_GLOBAL);
    return org.listAccountsPaginator(r -> { }).stream().flatMap(page -> page.accounts().stream())
        .filter(a -> a.status() == AccountStatus.ACTIVE)
        .map(a -> a.id())
        .toList();
  }
}
