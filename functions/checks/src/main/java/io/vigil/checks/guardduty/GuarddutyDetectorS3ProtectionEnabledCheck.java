package io.vigil.checks.guardduty;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * Every enabled GuardDuty detector has S3 protection (S3 data event analysis) on. Suspended
 * detectors are NOT_APPLICABLE: {@code guardduty_detector_enabled} reports them.
 */
@Singleton
public final class GuarddutyDetectorS3ProtectionEnabledCheck
    extends ResourceCheck<GuardDutySnapshot, GuardDutySnapshot.Detector> {

  private static final String ENABLED = "ENABLED";

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("guardduty_detector_s3_protection_enabled")
          .title("GuardDuty detector analyses S3 data events (S3 Protection)")
          .resourceType("AWS::GuardDuty::Detector")
          .severity(Severity.MEDIUM)
          .supporting("A.8.16", "A.8.12")
          .rationale("Without S3 Protection GuardDuty sees only management events, so bulk"
              + " downloads from an unusual location, access from Tor or a disabled-logging"
              + " pattern on buckets go unnoticed. Analysing S3 data events extends monitoring"
              + " (A.8.16) to where most data lives and helps detect leakage (A.8.12).")
          .remediation("aws guardduty update-detector --detector-id ID --features"
              + " Name=S3_DATA_EVENTS,Status=ENABLED.")
          .build();

  public GuarddutyDetectorS3ProtectionEnabledCheck() {
    super(METADATA, GuardDutySnapshot.class, GuardDutySnapshot::detectors);
  }

  @Override
  protected Observation judge(GuardDutySnapshot.Detector detector, ScanTarget target) {
    var subject = "GuardDuty detector " + detector.id();
    if (detector.settings().isFailed()) {
      return detector.settings().toErrorObservation(detector.arn(), subject);
    }
    var s = detector.settings().value();
    if (!s.enabled()) {
      return Observation.notApplicable(detector.arn(), subject + ": detector is suspended");
    }
    var status = s.s3Protection() == null ? "NOT_REPORTED" : s.s3Protection();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("DetectorStatus", s.status());
    evidence.put("S3DataEvents", status);
    return Observation.of(ENABLED.equals(status), detector.arn(),
        subject + ": S3 Protection is enabled",
        subject + ": S3 Protection is " + status.toLowerCase(Locale.ROOT), evidence);
  }
}
