package io.vigil.checks.iam;

import io.vigil.checks.ResourceCheck;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * No IAM user keeps a console password or an active access key that has gone unused for more than
 * {@value #MAX_UNUSED_DAYS} days before the snapshot. A credential that was never used counts from
 * its creation. Users with neither a console password nor an active key are NOT_APPLICABLE.
 */
@Singleton
public final class IamUserUnusedCredentialsDisabled45DaysCheck
    extends ResourceCheck<IamSnapshot, IamSnapshot.AsOf<IamSnapshot.User>> {

  static final int MAX_UNUSED_DAYS = 45;

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "iam_user_unused_credentials_disabled_45_days")
      .title("IAM user has no console password or active access key left unused for over 45"
          + " days")
      .resourceType("AWS::IAM::User")
      .severity(Severity.MEDIUM)
      .primary("A.5.18")
      .supporting("A.5.16", "A.5.17")
      .rationale("Credentials nobody uses are credentials nobody watches: they belong to people"
          + " who left, changed roles or to retired automation, and an attacker using them goes"
          + " unnoticed. Removing access rights that are no longer needed (A.5.18) and managing"
          + " identities over their life cycle (A.5.16) call for disabling them. Judged: the"
          + " console password's last sign-in and each active key's last use; a credential never"
          + " used counts from its creation; " + MAX_UNUSED_DAYS + " days is the CIS benchmark"
          + " threshold.")
      .remediation("Confirm with the owner, then remove the console password (aws iam"
          + " delete-login-profile --user-name NAME) and deactivate the key (aws iam"
          + " update-access-key --status Inactive), deleting them after a grace period; delete"
          + " the user if it has no remaining purpose.")
      .build();

  public IamUserUnusedCredentialsDisabled45DaysCheck() {
    super(METADATA, IamSnapshot.class, IamSnapshot::usersAsOfSnapshot);
  }

  @Override
  protected Observation judge(IamSnapshot.AsOf<IamSnapshot.User> asOf, ScanTarget target) {
    var user = asOf.value();
    var now = asOf.takenAt();
    var subject = "user " + user.name();
    if (user.consolePasswordCreated().isFailed()) {
      return user.consolePasswordCreated().toErrorObservation(user.arn(), subject);
    }
    if (user.accessKeys().isFailed()) {
      return user.accessKeys().toErrorObservation(user.arn(), subject);
    }
    var activeKeys = user.accessKeys().value().stream()
        .filter(IamSnapshot.AccessKey::isActive).toList();
    for (var key : activeKeys) {
      if (key.lastUsed().isFailed()) {
        return key.lastUsed().toErrorObservation(user.arn(), subject);
      }
    }
    var hasPassword = user.consolePasswordCreated().isPresent();
    if (!hasPassword && activeKeys.isEmpty()) {
      return Observation.notApplicable(user.arn(),
          subject + ": has no console password and no active access key");
    }
    var credentials = new ArrayList<Map<String, Object>>();
    var unused = new ArrayList<String>();
    if (hasPassword) {
      var last = user.passwordLastUsed();
      var since = last != null ? last : user.consolePasswordCreated().value();
      credentials.add(describe("console password", last, days(since, now)));
      if (days(since, now) > MAX_UNUSED_DAYS) {
        unused.add(last != null
            ? "console password last used " + days(since, now) + " days ago"
            : "console password never used in " + days(since, now) + " days");
      }
    }
    for (var key : activeKeys) {
      var last = key.lastUsed().value();
      var since = last != null ? last : key.created();
      credentials.add(describe("access key " + key.id(), last, days(since, now)));
      if (days(since, now) > MAX_UNUSED_DAYS) {
        unused.add(last != null
            ? "access key " + key.id() + " last used " + days(since, now) + " days ago"
            : "access key " + key.id() + " never used in " + days(since, now) + " days");
      }
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("credentials", credentials);
    evidence.put("maxUnusedDays", MAX_UNUSED_DAYS);
    return Observation.of(unused.isEmpty(), user.arn(),
        subject + ": every credential was used within " + MAX_UNUSED_DAYS + " days",
        subject + ": " + Texts.joinAnd(unused) + " (limit " + MAX_UNUSED_DAYS + ")",
        evidence);
  }

  private static long days(Instant since, Instant now) {
    return Duration.between(since, now).toDays();
  }

  private static Map<String, Object> describe(String credential, Instant lastUsed, long idle) {
    var m = new LinkedHashMap<String, Object>();
    m.put("credential", credential);
    m.put("lastUsed", lastUsed == null ? "never" : lastUsed.toString());
    m.put("daysUnused", idle);
    return m;
  }
}
