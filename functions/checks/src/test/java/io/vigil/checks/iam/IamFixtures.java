package io.vigil.checks.iam;

import io.vigil.checks.Lookup;
import io.vigil.checks.internal.PolicyDocument;
import io.vigil.domain.check.ScanTarget;
import java.time.Instant;
import java.util.List;

/** Plain-data IAM snapshots for the IAM check tests. */
final class IamFixtures {

  static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
  static final IamSnapshot.PasswordPolicy STRONG =
      new IamSnapshot.PasswordPolicy(14, true, true, true, true, 24, 0);
  static final Lookup<IamSnapshot.AccountSummary> SUMMARY =
      Lookup.found(new IamSnapshot.AccountSummary(true, 0));

  private IamFixtures() {}

  static IamSnapshot withSummary(Lookup<IamSnapshot.AccountSummary> summary) {
    return new IamSnapshot(NOW, summary, Lookup.found(STRONG), List.of(), List.of(),
        Lookup.found(List.of()));
  }

  static IamSnapshot withPolicy(Lookup<IamSnapshot.PasswordPolicy> policy) {
    return new IamSnapshot(NOW, SUMMARY, policy, List.of(), List.of(), Lookup.found(List.of()));
  }

  static IamSnapshot withUsers(IamSnapshot.User... users) {
    return new IamSnapshot(NOW, SUMMARY, Lookup.found(STRONG), List.of(users), List.of(),
        Lookup.found(List.of()));
  }

  static IamSnapshot withManagedPolicies(IamSnapshot.ManagedPolicy... policies) {
    return new IamSnapshot(NOW, SUMMARY, Lookup.found(STRONG), List.of(), List.of(policies),
        Lookup.found(List.of()));
  }

  static IamSnapshot withSupportEntities(Lookup<List<String>> entities) {
    return new IamSnapshot(NOW, SUMMARY, Lookup.found(STRONG), List.of(), List.of(), entities);
  }

  /**
   * A user created 1 000 days ago with no policies; {@code console} true means a console password
   * set 1 000 days ago and never used.
   */
  static IamSnapshot.User user(
      String name,
      Lookup<Boolean> console,
      Lookup<List<String>> mfa,
      Lookup<List<IamSnapshot.AccessKey>> keys) {
    Lookup<Instant> password = console.isFailed() ? Lookup.failed(console.error())
        : Boolean.TRUE.equals(console.value()) ? Lookup.found(daysAgo(1000)) : Lookup.absent();
    return new IamSnapshot.User(name, "arn:aws:iam::123456789012:user/" + name, daysAgo(1000),
        null, password, mfa, keys, Lookup.found(List.of()), Lookup.found(List.of()));
  }

  /** A user with the given password facts and keys, no MFA and no policies. */
  static IamSnapshot.User userWithCredentials(
      String name,
      Lookup<Instant> passwordCreated,
      Instant passwordLastUsed,
      Lookup<List<IamSnapshot.AccessKey>> keys) {
    return new IamSnapshot.User(name, "arn:aws:iam::123456789012:user/" + name, daysAgo(1000),
        passwordLastUsed, passwordCreated, Lookup.found(List.of()), keys,
        Lookup.found(List.of()), Lookup.found(List.of()));
  }

  /** A programmatic user with the given inline and directly attached policies. */
  static IamSnapshot.User userWithPolicies(
      String name, Lookup<List<String>> inline, Lookup<List<String>> attached) {
    return new IamSnapshot.User(name, "arn:aws:iam::123456789012:user/" + name, daysAgo(1000),
        null, Lookup.absent(), Lookup.found(List.of()), Lookup.found(List.of()), inline,
        attached);
  }

  /** An access key created {@code ageDays} ago and never used. */
  static IamSnapshot.AccessKey key(String id, String status, int ageDays) {
    return new IamSnapshot.AccessKey(id, status, daysAgo(ageDays), Lookup.absent());
  }

  static IamSnapshot.AccessKey key(String id, int ageDays, Lookup<Instant> lastUsed) {
    return new IamSnapshot.AccessKey(id, "Active", daysAgo(ageDays), lastUsed);
  }

  static IamSnapshot.ManagedPolicy policy(String name, int attachments, String json) {
    return new IamSnapshot.ManagedPolicy(name, "arn:aws:iam::123456789012:policy/" + name,
        attachments, Lookup.found(PolicyDocument.parse(json)));
  }

  static Instant daysAgo(int days) {
    return NOW.minusSeconds(days * 86_400L);
  }
}
