package io.vigil.checks.iam;

import io.vigil.checks.Lookup;
import io.vigil.domain.check.ScanTarget;
import java.time.Instant;
import java.util.List;

/** Plain-data IAM snapshots for the IAM check tests. */
final class IamFixtures {

  static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
  static final IamSnapshot.PasswordPolicy STRONG =
      new IamSnapshot.PasswordPolicy(14, true, true, true, true, 24, 0);

  private IamFixtures() {}

  static IamSnapshot withSummary(Lookup<IamSnapshot.AccountSummary> summary) {
    return new IamSnapshot(NOW, summary, Lookup.found(STRONG), List.of());
  }

  static IamSnapshot withPolicy(Lookup<IamSnapshot.PasswordPolicy> policy) {
    return new IamSnapshot(
        NOW, Lookup.found(new IamSnapshot.AccountSummary(true, 0)), policy, List.of());
  }

  static IamSnapshot withUsers(IamSnapshot.User... users) {
    return new IamSnapshot(NOW, Lookup.found(new IamSnapshot.AccountSummary(true, 0)),
        Lookup.found(STRONG), List.of(users));
  }

  static IamSnapshot.User user(
      String name,
      Lookup<Boolean> console,
      Lookup<List<String>> mfa,
      Lookup<List<IamSnapshot.AccessKey>> keys) {
    return new IamSnapshot.User(
        name, "arn:aws:iam::123456789012:user/" + name, console, mfa, keys);
  }

  static IamSnapshot.AccessKey key(String id, String status, int ageDays) {
    return new IamSnapshot.AccessKey(id, status, NOW.minusSeconds(ageDays * 86_400L));
  }
}
