package io.vigil.checks.guardduty;

import io.vigil.checks.AccountCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * GuardDuty has an enabled detector in the region. One observation per region, about
 * {@code arn:<partition>:guardduty:<region>:<account>:*}: PASS if a detector is enabled, ERROR if
 * none is known to be enabled and a detector could not be read, FAIL otherwise.
 */
@Singleton
public final class GuarddutyDetectorEnabledCheck extends AccountCheck<GuardDutySnapshot> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("guardduty_detector_enabled")
          .title("GuardDuty threat detection is enabled in the region")
          .resourceType("AWS::GuardDuty::Detector")
          .severity(Severity.HIGH)
          .primary("A.8.16")
          .supporting("A.5.7", "A.5.25", "A.8.7")
          .rationale("GuardDuty continuously analyses CloudTrail management events, VPC flow logs"
              + " and DNS logs of the region for compromised credentials, crypto-mining,"
              + " malware and reconnaissance, which is monitoring for anomalous behaviour"
              + " (A.8.16). Its findings feed threat intelligence (A.5.7), the assessment of"
              + " security events (A.5.25) and protection against malware (A.8.7). An attacker"
              + " favours regions nobody watches, so every enabled region needs a detector.")
          .remediation("aws guardduty create-detector --enable --region REGION (or, for a"
              + " suspended detector, aws guardduty update-detector --detector-id ID --enable);"
              + " in an organization, designate a delegated administrator and auto-enable"
              + " member accounts.")
          .build();

  public GuarddutyDetectorEnabledCheck() {
    super(METADATA, GuardDutySnapshot.class);
  }

  @Override
  protected Observation judge(GuardDutySnapshot snapshot, ScanTarget target) {
    var arn = target.scopeArn("guardduty", false);
    var subject = "region " + target.region();
    var enabled = new ArrayList<String>();
    var suspended = new ArrayList<String>();
    GuardDutySnapshot.Detector unreadable = null;
    for (var d : snapshot.detectors()) {
      if (d.settings().isFailed()) {
        unreadable = d;
      } else if (d.settings().value().enabled()) {
        enabled.add(d.id());
      } else {
        suspended.add(d.id());
      }
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("EnabledDetectors", List.copyOf(enabled));
    evidence.put("SuspendedDetectors", List.copyOf(suspended));
    if (!enabled.isEmpty()) {
      return Observation.pass(arn, subject + ": GuardDuty detector " + enabled.get(0)
          + " is enabled", evidence);
    }
    if (unreadable != null) {
      return unreadable.settings().toErrorObservation(arn,
          subject + ": detector " + unreadable.id());
    }
    return Observation.fail(arn, suspended.isEmpty()
        ? subject + ": GuardDuty has no detector"
        : subject + ": GuardDuty detector " + suspended.get(0) + " is suspended", evidence);
  }
}
