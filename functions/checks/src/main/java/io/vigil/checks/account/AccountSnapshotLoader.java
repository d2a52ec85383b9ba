package io.vigil.checks.account;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Singleton;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.AlternateContactType;

/**
 * Loads the account's alternate security contact. Scope ACCOUNT: contacts belong to the account,
 * and the Account Management API is global (called through the partition's global endpoint).
 *
 * <p>Calls: GetAlternateContact with AlternateContactType=SECURITY once; ResourceNotFoundException
 * means no contact is registered, other failures are recorded on the snapshot.
 */
@Singleton
public final class AccountSnapshotLoader implements SnapshotLoader<AccountSnapshot> {

  static final String NOT_FOUND = "ResourceNotFoundException";

  private final AwsClientFactory clients;

  public AccountSnapshotLoader(AwsClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Class<AccountSnapshot> snapshotType() {
    return AccountSnapshot.class;
  }

  @Override
  public String service() {
    return "account";
  }

  @Override
  public Scope scope() {
    return Scope.ACCOUNT;
  }

  @Override
  public AccountSnapshot load(ScanTarget target) {
    var account = clients.forAccount(target.accountId()).client(AccountClient.class, AccountClient::builder,
        globalRegion(target.partition()));
    return new AccountSnapshot(AwsCalls.lookup("GetAlternateContact", () -> {
      var c = account.getAlternateContact(r -> r.alternateContactType(
          AlternateContactType.SECURITY)).alternateContact();
      return c == null ? null : new AccountSnapshot.Contact(c.name(), c.title(),
          c.emailAddress(), c.phoneNumber() != null && !c.phoneNumber().isBlank());
    }, NOT_FOUND));
  }

  /** The Account Management API's global endpoint region of the partition. */
  static Region globalRegion(String partition) {
    return switch (partition) {
      case "aws-cn" -> Region.AWS_CN_GLOBAL;
      case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
      default -> Region.AWS_GLOBAL;
    };
  }
}
