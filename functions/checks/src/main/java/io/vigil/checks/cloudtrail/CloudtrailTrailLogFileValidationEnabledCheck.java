package io.vigil.checks.cloudtrail;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Every trail, multi-region or not, writes signed digest files so that changes to its log files
 * can be detected. Complements {@code cloudtrail_multi_region_trail_enabled}, which needs only one
 * qualifying trail.
 */
@Singleton
public final class CloudtrailTrailLogFileValidationEnabledCheck
    extends ResourceCheck<CloudTrailSnapshot, CloudTrailSnapshot.Trail> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "cloudtrail_trail_log_file_validation_enabled")
      .title("CloudTrail trail writes signed digest files for log file integrity validation")
      .resourceType("AWS::CloudTrail::Trail")
      .severity(Severity.MEDIUM)
      .primary("A.8.15")
      .supporting("A.5.28")
      .rationale("Log file validation writes an hourly digest, signed by AWS, of every log file"
          + " delivered; aws cloudtrail validate-logs then proves that no file was changed,"
          + " deleted or forged. Logs must be protected against tampering (A.8.15) to serve as"
          + " evidence (A.5.28). Judged per trail, so a secondary regional trail without"
          + " validation is visible even when a validated multi-region trail exists.")
      .remediation("aws cloudtrail update-trail --name NAME --enable-log-file-validation (CDK:"
          + " enableFileValidation: true); verify periodically with aws cloudtrail validate-logs"
          + " --trail-arn ARN --start-time ...")
      .build();

  public CloudtrailTrailLogFileValidationEnabledCheck() {
    super(METADATA, CloudTrailSnapshot.class, CloudTrailSnapshot::trails);
  }

  @Override
  protected Observation judge(CloudTrailSnapshot.Trail trail, ScanTarget target) {
    return Observation.of(trail.logFileValidation(), trail.arn(),
        trail.subject() + ": log file validation is enabled",
        trail.subject() + ": log file validation is disabled",
        Map.of("logFileValidation", trail.logFileValidation(), "homeRegion", trail.homeRegion()));
  }
}
