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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every active access key of every IAM user was created (rotated) at most {@value #MAX_AGE_DAYS}
 * days before the snapshot. Users without an active key are reported NOT_APPLICABLE; inactive keys
 * are ignored because they cannot authenticate.
 */
@Singleton
public final class IamUserAccessKeysRotated90DaysCheck
    extends ResourceCheck<IamSnapshot, IamSnapshot.AsOf<IamSnapshot.User>> {

  static final int MAX_AGE_DAYS = 90;

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "iam_user_access_keys_rotated_90_days")
      .title("IAM user's active access keys are at most 90 days old")
      .resourceType("AWS::IAM::User")
      .severity(Severity.MEDIUM)
      .primary("A.5.17")
      .supporting("A.8.5")
      .rationale("Access keys are long-term secrets that end up in scripts, CI variables and"
          + " laptops. Rotating them at least every " + MAX_AGE_DAYS + " days limits how long a"
          + " leaked key stays usable, as the management of authentication information (A.5.17)"
          + " requires.")
      .remediation("Create a second key, switch the workload to it, deactivate and then delete"
          + " the old key (aws iam create-access-key / update-access-key --status Inactive /"
          + " delete-access-key). Better: replace user keys with IAM roles or IAM Identity Center"
          + " short-term credentials.")
      .build();

  public IamUserAccessKeysRotated90DaysCheck() {
    super(METADATA, IamSnapshot.class, IamSnapshot::usersAsOfSnapshot);
  }

  @Override
  protected Observation judge(IamSnapshot.AsOf<IamSnapshot.User> asOf, ScanTarget target) {
    var user = asOf.value();
    var now = asOf.takenAt();
    var subject = "user " + user.name();
    var lookup = user.accessKeys();
    if (lookup.isFailed()) {
      return lookup.toErrorObservation(user.arn(), subject);
    }
    var active = lookup.value().stream().filter(IamSnapshot.AccessKey::isActive).toList();
    if (active.isEmpty()) {
      return Observation.notApplicable(user.arn(), subject + ": has no active access key");
    }
    var keys = active.stream().map(k -> describe(k, now)).toList();
    var stale = active.stream()
        .filter(k -> ageDays(k, now) > MAX_AGE_DAYS)
        .map(k -> k.id() + " is " + ageDays(k, now) + " days old")
        .toList();
    return Observation.of(stale.isEmpty(), user.arn(),
        subject + ": " + Texts.count(active.size(), "active access key") + ", none older than "
            + MAX_AGE_DAYS + " days",
        subject + ": access key " + Texts.joinAnd(stale) + " (limit " + MAX_AGE_DAYS + ")",
        Map.of("activeAccessKeys", keys, "maxAgeDays", MAX_AGE_DAYS));
  }

  private static long ageDays(IamSnapshot.AccessKey key, Instant now) {
    return Duration.between(key.created(), now).toDays();
  }

  private static Map<String, Object> describe(IamSnapshot.AccessKey key, Instant now) {
    var m = new LinkedHashMap<String, Object>();
    m.put("accessKeyId", key.id());
    m.put("created", key.created().toString());
    m.put("ageDays", ageDays(key, now));
    return m;
  }
}
