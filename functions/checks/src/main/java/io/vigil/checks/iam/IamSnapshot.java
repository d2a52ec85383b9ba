package io.vigil.checks.iam;

import io.vigil.checks.Lookup;
import io.vigil.checks.internal.PolicyDocument;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The IAM configuration of one account (IAM is global).
 *
 * @param takenAt when the snapshot was read: ages (of access keys, of last use) are measured
 *     against it, so a check judges the same snapshot the same way whenever it runs
 * @param accountSummary root-user facts from GetAccountSummary
 * @param passwordPolicy the account password policy; absent when none is set
 * @param users every IAM user
 * @param attachedCustomerPolicies every customer managed policy attached to at least one user,
 *     group or role
 * @param supportAccessEntities the roles, users and groups the AWS managed AWSSupportAccess policy
 *     is attached to, as {@code role/NAME}, {@code user/NAME}, {@code group/NAME}
 */
public record IamSnapshot(
    Instant takenAt,
    Lookup<AccountSummary> accountSummary,
    Lookup<PasswordPolicy> passwordPolicy,
    List<User> users,
    List<ManagedPolicy> attachedCustomerPolicies,
    Lookup<List<String>> supportAccessEntities) {

  public IamSnapshot {
    Objects.requireNonNull(takenAt, "takenAt");
    Objects.requireNonNull(accountSummary, "accountSummary");
    Objects.requireNonNull(passwordPolicy, "passwordPolicy");
    users = List.copyOf(users);
    attachedCustomerPolicies = List.copyOf(attachedCustomerPolicies);
    Objects.requireNonNull(supportAccessEntities, "supportAccessEntities");
  }

  /** Every user paired with the snapshot time, for checks that measure ages. */
  public List<AsOf<User>> usersAsOfSnapshot() {
    return users.stream().map(u -> new AsOf<>(u, takenAt)).toList();
  }

  /**
   * A resource of the snapshot together with the time the snapshot was taken.
   *
   * @param <T> the resource type
   * @param value the resource
   * @param takenAt {@link IamSnapshot#takenAt()}
   */
  public record AsOf<T>(T value, Instant takenAt) {

    public AsOf {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(takenAt, "takenAt");
    }
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
   * @param created when the user was created
   * @param passwordLastUsed when the console password was last used (ListUsers
   *     PasswordLastUsed); null when never used or unknown
   * @param consolePasswordCreated when the console password was set (GetLoginProfile); absent
   *     when the user has no console password
   * @param mfaDevices serial numbers of the user's MFA devices (ListMFADevices)
   * @param accessKeys the user's access keys (ListAccessKeys)
   * @param inlinePolicies names of the user's inline policies (ListUserPolicies)
   * @param attachedPolicies names of the managed policies attached to the user directly
   *     (ListAttachedUserPolicies)
   */
  public record User(
      String name,
      String arn,
      Instant created,
      Instant passwordLastUsed,
      Lookup<Instant> consolePasswordCreated,
      Lookup<List<String>> mfaDevices,
      Lookup<List<AccessKey>> accessKeys,
      Lookup<List<String>> inlinePolicies,
      Lookup<List<String>> attachedPolicies) {

    public User {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(created, "created");
      Objects.requireNonNull(consolePasswordCreated, "consolePasswordCreated");
      Objects.requireNonNull(mfaDevices, "mfaDevices");
      Objects.requireNonNull(accessKeys, "accessKeys");
      Objects.requireNonNull(inlinePolicies, "inlinePolicies");
      Objects.requireNonNull(attachedPolicies, "attachedPolicies");
    }

    /** Whether the user has a console password (a login profile). */
    public Lookup<Boolean> consolePassword() {
      if (consolePasswordCreated.isFailed()) {
        return Lookup.failed(consolePasswordCreated.error());
      }
      return Lookup.found(consolePasswordCreated.isPresent());
    }
  }

  /**
   * One access key: its id (an identifier, not a secret), {@code Active} or {@code Inactive}, when
   * it was created, i.e. last rotated, and when it was last used.
   *
   * @param lastUsed GetAccessKeyLastUsed; absent when never used, and for inactive keys, whose
   *     last use is not read
   */
  public record AccessKey(String id, String status, Instant created, Lookup<Instant> lastUsed) {

    public static final String ACTIVE = "Active";

    public AccessKey {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(created, "created");
      Objects.requireNonNull(lastUsed, "lastUsed");
    }

    public boolean isActive() {
      return ACTIVE.equals(status);
    }
  }

  /**
   * One customer managed policy.
   *
   * @param attachmentCount users, groups and roles it is attached to
   * @param document the default version's document (GetPolicyVersion); failed when it could not
   *     be read or parsed
   */
  public record ManagedPolicy(
      String name, String arn, int attachmentCount, Lookup<PolicyDocument> document) {

    public ManagedPolicy {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(document, "document");
    }
  }
}
