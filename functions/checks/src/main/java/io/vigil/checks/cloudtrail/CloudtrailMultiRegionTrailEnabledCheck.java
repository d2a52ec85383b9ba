package io.vigil.checks.cloudtrail;

import io.vigil.checks.AccountCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account has at least one multi-region trail that is logging and validates its log files.
 * One observation per account, about the account's CloudTrail scope
 * ({@code arn:aws:cloudtrail::<account>:*}): PASS when some trail qualifies, ERROR when none
 * qualifies but the status of some multi-region trail could not be read, FAIL otherwise.
 */
@Singleton
public final class CloudtrailMultiRegionTrailEnabledCheck
    extends AccountCheck<CloudTrailSnapshot> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "cloudtrail_multi_region_trail_enabled")
      .title("CloudTrail multi-region trail is logging with log file validation enabled")
      .resourceType("AWS::::Account")
      .severity(Severity.HIGH)
      .primary("A.8.15")
      .supporting("A.8.16", "A.5.28")
      .rationale("A multi-region trail records API activity in every region, including regions"
          + " nobody watches and regions enabled later, which is the basis of logging (A.8.15) and"
          + " of monitoring for anomalous activity (A.8.16). Log file validation writes signed"
          + " digests, so tampering with the logs is detectable and they can serve as evidence"
          + " (A.5.28).")
      .remediation("aws cloudtrail create-trail --name NAME --s3-bucket-name BUCKET"
          + " --is-multi-region-trail --enable-log-file-validation, then aws cloudtrail"
          + " start-logging --name NAME (or update-trail on an existing trail). In an"
          + " organization, prefer one organization trail from the management account.")
      .build();

  public CloudtrailMultiRegionTrailEnabledCheck() {
    super(METADATA, CloudTrailSnapshot.class);
  }

  @Override
  protected Observation judge(CloudTrailSnapshot snapshot, ScanTarget target) {
    var arn = target.scopeArn("cloudtrail", true);
    var subject = "account " + target.accountId();
    var multiRegion = snapshot.trails().stream()
        .filter(CloudTrailSnapshot.Trail::multiRegion)
        .toList();
    var evidence = Map.<String, Object>of(
        "multiRegionTrails", multiRegion.stream().map(this::describe).toList(),
        "trailCount", snapshot.trails().size());
    var compliant = multiRegion.stream().filter(this::qualifies).findFirst();
    if (compliant.isPresent()) {
      return Observation.pass(arn, subject + ": multi-region trail "
          + compliant.get().name() + " is logging with log file validation", evidence);
    }
    var unreadable = multiRegion.stream().filter(t -> t.logging().isFailed()).findFirst();
    if (unreadable.isPresent()) {
      var error = unreadable.get().logging().error();
      var withError = new LinkedHashMap<>(evidence);
      withError.put("error", error);
      return new Observation(arn, CheckStatus.ERROR, subject + ": no readable"
          + " multi-region trail qualifies and the status of trail " + unreadable.get().name()
          + " could not be read: " + error, withError);
    }
    if (multiRegion.isEmpty()) {
      return Observation.fail(arn, subject + ": has no multi-region trail"
          + (snapshot.trails().isEmpty() ? " (no trail at all)" : ""), evidence);
    }
    return Observation.fail(arn, subject + ": no multi-region trail is both logging and"
        + " validating log files ("
        + String.join("; ", multiRegion.stream().map(this::shortfall).toList()) + ")",
        evidence);
  }

  private boolean qualifies(CloudTrailSnapshot.Trail trail) {
    return trail.logFileValidation() && Boolean.TRUE.equals(trail.logging().value());
  }

  private String shortfall(CloudTrailSnapshot.Trail trail) {
    var logging = Boolean.TRUE.equals(trail.logging().value());
    if (!logging && !trail.logFileValidation()) {
      return trail.name() + ": not logging, no log file validation";
    }
    return trail.name() + (logging ? ": no log file validation" : ": not logging");
  }

  private Map<String, Object> describe(CloudTrailSnapshot.Trail trail) {
    var m = new LinkedHashMap<String, Object>();
    m.put("name", trail.name());
    m.put("arn", trail.arn());
    m.put("homeRegion", trail.homeRegion());
    m.put("organizationTrail", trail.organizationTrail());
    m.put("logFileValidation", trail.logFileValidation());
    if (trail.logging().isFailed()) {
      m.put("loggingError", trail.logging().error());
    } else {
      m.put("logging", Boolean.TRUE.equals(trail.logging().value()));
    }
    return m;
  }
}
