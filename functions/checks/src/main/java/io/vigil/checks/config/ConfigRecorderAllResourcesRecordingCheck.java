package io.vigil.checks.config;

import io.vigil.checks.AccountCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS Config records every supported resource type of the region and is recording, with a last
 * delivery that did not fail. One observation per region, about
 * {@code arn:<partition>:config:<region>:<account>:*}.
 */
@Singleton
public final class ConfigRecorderAllResourcesRecordingCheck extends AccountCheck<ConfigSnapshot> {

  private static final String FAILURE = "FAILURE";

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("config_recorder_all_resources_recording")
          .title("AWS Config recorder is recording all supported resource types in the region")
          .resourceType("AWS::Config::ConfigurationRecorder")
          .severity(Severity.MEDIUM)
          .primary("A.8.9")
          .supporting("A.5.9", "A.8.15", "A.8.32")
          .rationale("AWS Config keeps the configuration history of every resource of the region:"
              + " what each setting was, when it changed and, with CloudTrail, who changed it."
              + " Recording all supported types evidences configuration management (A.8.9)"
              + " and serves the asset inventory (A.5.9), logging (A.8.15) and change management"
              + " (A.8.32). A recorder limited to some types, stopped or failing to deliver"
              + " leaves gaps in that record.")
          .remediation("aws configservice put-configuration-recorder --configuration-recorder"
              + " name=default,roleARN=ROLE_ARN --recording-group allSupported=true,"
              + "includeGlobalResourceTypes=true; aws configservice put-delivery-channel ...;"
              + " aws configservice start-configuration-recorder --configuration-recorder-name"
              + " default.")
          .build();

  public ConfigRecorderAllResourcesRecordingCheck() {
    super(METADATA, ConfigSnapshot.class);
  }

  @Override
  protected Observation judge(ConfigSnapshot snapshot, ScanTarget target) {
    var arn = target.scopeArn("config", false);
    var subject = "region " + target.region();
    if (snapshot.recorders().isEmpty()) {
      return Observation.fail(arn, subject + ": no AWS Config recorder",
          Map.of("Recorders", List.of()));
    }
    var problems = new ArrayList<String>();
    var recorders = new ArrayList<Object>();
    for (var r : snapshot.recorders()) {
      if (r.status().isFailed()) {
        return r.status().toErrorObservation(arn, subject + ": recorder " + r.name());
      }
      var status = r.status().value();
      var recording = status != null && status.recording();
      var lastStatus = status == null || status.lastStatus() == null ? "NONE"
          : status.lastStatus();
      var entry = new LinkedHashMap<String, Object>();
      entry.put("Name", r.name());
      entry.put("AllSupported", r.allSupported());
      entry.put("IncludeGlobalResourceTypes", r.includeGlobalResourceTypes());
      entry.put("Recording", recording);
      entry.put("LastStatus", lastStatus);
      recorders.add(entry);
      if (!r.allSupported()) {
        problems.add("recorder " + r.name() + " records only " + r.recordedTypes()
            + " selected resource types");
      }
      if (!recording) {
        problems.add("recorder " + r.name() + " is stopped");
      } else if (FAILURE.equals(lastStatus)) {
        problems.add("recorder " + r.name() + " failed its last delivery");
      }
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("Recorders", recorders);
    return Observation.of(problems.isEmpty(), arn,
        subject + ": AWS Config records all supported resource types",
        subject + ": " + String.join("; ", problems), evidence);
  }
}
