package io.vigil.checks.iam;

import io.vigil.checks.Lookup;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The IAM configuration of one account (IAM is global).
 *
 * @param takenAt when the snapshot was read: ages (of access keys) are measured against it, so a
 *     check judges the same snapshot the same way whenever it runs
 * @param accountSummary root-user facts from GetAccountSummary
 * @param passwordPolicy the account password policy; absent when none is set
 * @param users every IAM user
 */
public record IamSnapshot(
    Instant takenAt,
    Lookup<AccountSummary> accountSummary,
    Lookup<PasswordPolicy> passwordPolicy,
    List<User> users) {

  public IamSnapshot {
    Objects.requireNonNull(takenAt, "takenAt");
    Objects.requireNonNull(accountSummary, "accountSummary");
    Objects.requireNonNull(passwordPolicy, "passwordPolicy");
    users = List.copyOf(users);
  }

  /**
   * Root-user facts of the account summary.
   *
   * @param rootMfaEnabled {@code AccountMFAEnabled} is 1
   * @param rootAccessKeysPresent {@code AccountAccessKeysPresent}: number of root access keys
   */
  public record AccountSummary(boolean rootMfaEnabled, int rootAccessKeysPresent) {}

  /**
   * The account password policy as IAM returns it.
   *
   * @param reusePrevention number of previous passwords that cannot be reused; 0 when not set
   * @param maxAgeDays days after which a password expires; 0 when passwords never expire
   */
  public record PasswordPolicy(
      int minimumLength,
      boolean requireUppercase,
      boolean requireLowercase,
      boolean requireNumbers,
      boolean requireSymbols,
      int reusePrevention,
      int maxAgeDays) {}

  /**
   * One IAM user.
   *
   * @param consolePassword true when the user has a login profile (GetLoginProfile)
   * @param mfaDevices serial numbers of the user's MFA devices (ListMFADevices)
   * @param accessKeys the user's access keys (ListAccessKeys)
   */
  public record User(
      String name,
      String arn,
      Lookup<Boolean> consolePassword,
      Lookup<List<String>> mfaDevices,
      Lookup<List<AccessKey>> accessKeys) {

    public User {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(consolePassword, "consolePassword");
      Objects.requireNonNull(mfaDevices, "mfaDevices");
      Objects.requireNonNull(accessKeys, "accessKeys");
    }
  }

  /**
   * One access key: its id (an identifier, not a secret), {@code Active} or {@code Inactive}, and
   * when it was created, i.e. last rotated.
   */
  public record AccessKey(String id, String status, Instant created) {

    public static final String ACTIVE = "Active";

    public AccessKey {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(created, "created");
    }

    public boolean isActive() {
      return ACTIVE.equals(status);
    }
  }
}
