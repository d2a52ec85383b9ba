package io.vigil.checks.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.EmulatorTargets;
import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.AlternateContactType;

/**
 * The Account loader (SDK 2.41.18 on the 2.57.8 core) against the emulator: no security contact,
 * then one registered.
 */
@WithAwsEmulator
class AccountSnapshotLoaderIT {

  private static AwsClientFactory clients;
  private static ScanTarget target;
  private static AccountClient account;

  @BeforeAll
  static void start(AwsEmulator emulator) {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    account = clients.client(AccountClient.class, AccountClient::builder,
        AccountSnapshotLoader.globalRegion(target.partition()));
    try {
      account.deleteAlternateContact(r -> r.alternateContactType(AlternateContactType.SECURITY));
    } catch (AwsServiceException none) {
      // no contact yet
    }
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void load_readsTheSecurityContactBeforeAndAfterRegistering() {
    var loader = new AccountSnapshotLoader(clients);
    var check = new AccountSecurityContactRegisteredCheck();
    // GIVEN no contact
    var none = loader.load(target);
    assertEquals(Lookup.absent(), none.securityContact());
    assertEquals(CheckStatus.FAIL, check.evaluate(none, target).get(0).status());
    // GIVEN a contact
    account.putAlternateContact(r -> r.alternateContactType(AlternateContactType.SECURITY)
        .name("Security Team").title("CISO").emailAddress("security@example.com")
        .phoneNumber("+15555550100"));
    var some = loader.load(target);
    assertEquals(new AccountSnapshot.Contact("Security Team", "CISO", "security@example.com",
        true), some.securityContact().value());
    var pass = check.evaluate(some, target).get(0);
    assertEquals(CheckStatus.PASS, pass.status());
    assertEquals("account " + target.accountId() + ": security contact Security Team"
        + " <security@example.com>", pass.reason());
    assertEquals(target.accountArn(), pass.resourceArn());
  }
}
