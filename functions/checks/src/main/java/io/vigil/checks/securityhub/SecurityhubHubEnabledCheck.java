package io.vigil.checks.securityhub;

import io.vigil.checks.AccountCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Security Hub is enabled in the region. One observation per region, about
 * {@code arn:<partition>:securityhub:<region>:<account>:hub/default}.
 */
@Singleton
public final class SecurityhubHubEnabledCheck extends AccountCheck<SecurityHubSnapshot> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("securityhub_hub_enabled")
          .title("Security Hub is enabled in the region")
          .resourceType("AWS::SecurityHub::Hub")
          .severity(Severity.MEDIUM)
          .supporting("A.8.16", "A.5.25", "A.8.8")
          .rationale("Security Hub gathers the findings of GuardDuty, Inspector, Macie, IAM"
              + " Access Analyzer and Config into one place and runs the security standards'"
              + " controls, so findings are triaged instead of scattered across consoles. It"
              + " supports monitoring (A.8.16), the assessment of security events (A.5.25) and"
              + " vulnerability management (A.8.8); which standards are enabled is not judged.")
          .remediation("aws securityhub enable-security-hub --enable-default-standards --region"
              + " REGION; in an organization, designate a delegated administrator and use"
              + " central configuration.")
          .build();

  public SecurityhubHubEnabledCheck() {
    super(METADATA, SecurityHubSnapshot.class);
  }

  @Override
  protected Observation judge(SecurityHubSnapshot snapshot, ScanTarget target) {
    var arn = "arn:" + target.partition() + ":securityhub:" + target.region() + ":"
        + target.accountId() + ":hub/default";
    var subject = "region " + target.region();
    if (snapshot.hub().isFailed()) {
      return snapshot.hub().toErrorObservation(arn, subject);
    }
    if (!snapshot.hub().isPresent()) {
      return Observation.fail(arn, subject + ": Security Hub is not enabled",
          Map.of("Enabled", false));
    }
    var hub = snapshot.hub().value();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("Enabled", true);
    evidence.put("HubArn", hub.arn());
    if (hub.subscribedAt() != null) {
      evidence.put("SubscribedAt", hub.subscribedAt());
    }
    evidence.put("AutoEnableControls", hub.autoEnableControls());
    return Observation.pass(arn, subject + ": Security Hub is enabled", evidence);
  }
}
