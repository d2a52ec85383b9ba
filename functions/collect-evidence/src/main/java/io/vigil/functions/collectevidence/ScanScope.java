package io.vigil.functions.collectevidence;

import io.vigil.aws.AwsClientFactory;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRecord;
import io.vigil.domain.register.RegisterRepository;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 *   <li>The ISMS scope record (register {@code scope}, record {@code isms}), when stored, wins:
 *       its {@code accounts} and {@code regions} replace these lists and its {@code exclusions}
 *       remove accounts and regions ({@link ScopeResolution} has the rule). It is read with one
 *       {@code GetItem} each time {@link #targets()} is asked, once per scheduled invocation.
 * </ul>
 */
public final class ScanScope {

  public static final String ALL_REGIONS = "all";
  public static final String ORGANIZATION = "organization";

  private static final Logger LOG = LoggerFactory.getLogger(ScanScope.class);

  private final AwsClientFactory clients;
  private final List<String> regions;
  private final List<String> accounts;
  private final RegisterRepository registers;

  /** The scope of the settings alone. */
  public ScanScope(AwsClientFactory clients, List<String> regions, List<String> accounts) {
    this(clients, regions, accounts, null);
  }

  /**
   * The scope of the settings, unless {@code registers} (may be null: settings only) holds the
   * ISMS scope record.
   */
  public ScanScope(AwsClientFactory clients, List<String> regions, List<String> accounts,
      RegisterRepository registers) {
    this.clients = clients;
    this.registers = registers;
    this.regions = List.copyOf(new LinkedHashSet<>(regions));
    this.accounts = List.copyOf(new LinkedHashSet<>(accounts));
    for (var a : this.accounts) {
      if (!a.equals(ORGANIZATION) && !a.matches("\\d{12}")) {
        throw new IllegalArgumentException("member account '" + a + "' is not a 12-digit account id"
            + " (or '" + ORGANIZATION + "' for every account of the AWS Organization)");
      }
    }
  }

  /**
   * Every target of a full run: each account in each region (the caller's account first when the
   * settings decide the accounts). Reads the ISMS scope record once and logs where the scope
   * came from.
   */
  public List<ScanTarget> targets() {
    Optional<RegisterRecord> record = registers == null ? Optional.empty()
        : registers.find(RegisterKind.SCOPE, ScopeResolution.SCOPE_ID);
    var resolved = ScopeResolution.resolve(accounts, regions, record,
        new ScopeResolution.Environment() {
          @Override
          public String callerAccount() {
            return clients.callerAccount();
          }

          @Override
          public List<String> organizationAccounts() {
            return ScanScope.this.organizationAccounts();
          }

          @Override
          public List<String> regionNames(List<String> configured) {
            return ScanScope.this.regionNames(configured);
          }
        });
    LOG.info("scan scope ({}): accounts {}, regions {}", resolved.source(), resolved.accounts(),
        resolved.regions());
    return resolved.targets();
  }

  private List<String> regionNames(List<String> regions) {
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
