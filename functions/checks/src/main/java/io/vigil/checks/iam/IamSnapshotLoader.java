package io.vigil.checks.iam;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;

/**
 * Loads the account's IAM configuration. Scope ACCOUNT: IAM is a global service.
 *
 * <p>Calls: GetAccountSummary and GetAccountPasswordPolicy once; ListUsers (paginated); per user
 * GetLoginProfile, ListMFADevices (paginated) and ListAccessKeys (paginated). NoSuchEntity on the
 * password policy means "no policy", on GetLoginProfile "no console password". A failing ListUsers
 * throws; any other failing call is recorded in the snapshot.
 */
@Singleton
public final class IamSnapshotLoader implements SnapshotLoader<IamSnapshot> {

  static final String NO_SUCH_ENTITY = "NoSuchEntity";

  private final AwsClientFactory clients;
  private final Clock clock;

  @Inject
  public IamSnapshotLoader(AwsClientFactory clients) {
    this(clients, Clock.systemUTC());
  }

  IamSnapshotLoader(AwsClientFactory clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  @Override
  public Class<IamSnapshot> snapshotType() {
    return IamSnapshot.class;
  }

  @Override
  public String service() {
    return "iam";
  }

  @Override
  public Scope scope() {
    return Scope.ACCOUNT;
  }

  @Override
  public IamSnapshot load(ScanTarget target) {
    var iam = clients.client(IamClient.class, IamClient::builder, globalRegion(target.partition()));
    var takenAt = clock.instant();
    var summary = AwsCalls.lookup("GetAccountSummary",
        () -> toSummary(iam.getAccountSummary().summaryMap()));
    var policy = AwsCalls.lookup("GetAccountPasswordPolicy", () -> {
      var p = iam.getAccountPasswordPolicy().passwordPolicy();
      return new IamSnapshot.PasswordPolicy(
          intOf(p.minimumPasswordLength()),
          Boolean.TRUE.equals(p.requireUppercaseCharacters()),
          Boolean.TRUE.equals(p.requireLowercaseCharacters()),
          Boolean.TRUE.equals(p.requireNumbers()),
          Boolean.TRUE.equals(p.requireSymbols()),
          intOf(p.passwordReusePrevention()),
          intOf(p.maxPasswordAge()));
    }, NO_SUCH_ENTITY);
    var users = new ArrayList<IamSnapshot.User>();
    for (var u : iam.listUsersPaginator(r -> { }).users()) {
      var name = u.userName();
      users.add(new IamSnapshot.User(
          name,
          u.arn(),
          AwsCalls.lookup("GetLoginProfile", () -> {
            iam.getLoginProfile(r -> r.userName(name));
            return true;
          }, NO_SUCH_ENTITY).absentAs(false),
          AwsCalls.<List<String>>lookup("ListMFADevices",
              () -> iam.listMFADevicesPaginator(r -> r.userName(name)).mfaDevices().stream()
                  .map(MFADevice::serialNumber).toList()),
          AwsCalls.<List<IamSnapshot.AccessKey>>lookup("ListAccessKeys",
              () -> iam.listAccessKeysPaginator(r -> r.userName(name)).accessKeyMetadata().stream()
                  .map(k -> new IamSnapshot.AccessKey(
                      k.accessKeyId(), k.statusAsString(), k.createDate()))
                  .toList())));
    }
    return new IamSnapshot(takenAt, summary, policy, users);
  }

  /** IAM's global endpoint region of the partition. */
  static Region globalRegion(String partition) {
    return switch (partition) {
      case "aws-cn" -> Region.AWS_CN_GLOBAL;
      case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
      default -> Region.AWS_GLOBAL;
    };
  }

  private static IamSnapshot.AccountSummary toSummary(Map<SummaryKeyType, Integer> summary) {
    return new IamSnapshot.AccountSummary(
        intOf(summary.get(SummaryKeyType.ACCOUNT_MFA_ENABLED)) == 1,
        intOf(summary.get(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT)));
  }

  private static int intOf(Integer value) {
    return value == null ? 0 : value;
  }
}
