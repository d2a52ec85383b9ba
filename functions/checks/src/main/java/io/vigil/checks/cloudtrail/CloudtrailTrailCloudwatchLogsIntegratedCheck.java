package io.vigil.checks.cloudtrail;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * Every trail also delivers its events to a CloudWatch Logs log group, where metric filters and
 * alarms can act on them within minutes.
 */
@Singleton
public final class CloudtrailTrailCloudwatchLogsIntegratedCheck
    extends ResourceCheck<CloudTrailSnapshot, CloudTrailSnapshot.Trail> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "cloudtrail_trail_cloudwatch_logs_integrated")
      .title("CloudTrail trail delivers its events to a CloudWatch Logs log group")
      .resourceType("AWS::CloudTrail::Trail")
      .severity(Severity.LOW)
      .supporting("A.8.16", "A.8.15")
      .rationale("Log files in S3 are written every few minutes and are read after the fact."
          + " Delivering the trail to CloudWatch Logs lets metric filters and alarms (root"
          + " sign-in, IAM or security group changes, console sign-in failures) raise alerts in"
          + " near real time, which is what monitoring activities (A.8.16) needs on top of"
          + " logging (A.8.15). Supporting evidence: the filters and alarms themselves, or an"
          + " equivalent EventBridge or SIEM pipeline, are judged elsewhere.")
      .remediation("aws logs create-log-group --log-group-name cloudtrail/NAME; create a role"
          + " CloudTrail can assume with logs:CreateLogStream and logs:PutLogEvents; then aws"
          + " cloudtrail update-trail --name NAME --cloud-watch-logs-log-group-arn LOG_GROUP_ARN"
          + " --cloud-watch-logs-role-arn ROLE_ARN (CDK: sendToCloudWatchLogs: true).")
      .build();

  public CloudtrailTrailCloudwatchLogsIntegratedCheck() {
    super(METADATA, CloudTrailSnapshot.class, CloudTrailSnapshot::trails);
  }

  @Override
  protected Observation judge(CloudTrailSnapshot.Trail trail, ScanTarget target) {
    var integrated = !trail.logGroupArn().isEmpty();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("cloudWatchLogsLogGroupArn", integrated ? trail.logGroupArn() : "none");
    evidence.put("homeRegion", trail.homeRegion());
    return Observation.of(integrated, trail.arn(),
        trail.subject() + ": delivers events to " + trail.logGroupArn(),
        trail.subject() + ": delivers no events to CloudWatch Logs",
        evidence);
  }
}
