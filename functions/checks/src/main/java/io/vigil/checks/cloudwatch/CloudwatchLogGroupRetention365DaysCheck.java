package io.vigil.checks.cloudwatch;

import io.vigil.checks.ResourceCheck;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * Every log group keeps its events for at least {@value #MIN_DAYS} days; a group whose events never
 * expire passes.
 */
@Singleton
public final class CloudwatchLogGroupRetention365DaysCheck
    extends ResourceCheck<CloudWatchSnapshot, CloudWatchSnapshot.LogGroup> {

  /** The minimum retention, in days. */
  public static final int MIN_DAYS = 365;

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("cloudwatch_log_group_retention_365_days")
          .title("CloudWatch Logs log group keeps events for at least 365 days")
          .resourceType("AWS::Logs::LogGroup")
          .severity(Severity.MEDIUM)
          .supporting("A.8.15", "A.5.28", "A.5.33")
          .rationale("Logs only serve investigations and audits while they exist: many"
              + " incidents are discovered months after they start. Keeping log events for a"
              + " year supports logging (A.8.15), the collection of evidence (A.5.28) and the"
              + " protection of records (A.5.33). A group set to never expire passes; the check"
              + " does not judge what is logged.")
          .remediation("aws logs put-retention-policy --log-group-name NAME"
              + " --retention-in-days 365 (CDK: retention: RetentionDays.ONE_YEAR), or export"
              + " older events to S3 with a lifecycle rule before they expire.")
          .build();

  public CloudwatchLogGroupRetention365DaysCheck() {
    super(METADATA, CloudWatchSnapshot.class, CloudWatchSnapshot::logGroups);
  }

  @Override
  protected Observation judge(CloudWatchSnapshot.LogGroup group, ScanTarget target) {
    var subject = "log group " + group.name();
    var days = group.retentionDays();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("RetentionInDays", days == null ? "NEVER_EXPIRE" : days);
    evidence.put("RequiredMinimumDays", MIN_DAYS);
    if (days == null) {
      return Observation.pass(group.arn(), subject + ": events never expire", evidence);
    }
    return Observation.of(days >= MIN_DAYS, group.arn(),
        subject + ": events are kept for " + Texts.count(days, "day"),
        subject + ": events are kept for only " + Texts.count(days, "day") + " (minimum "
            + MIN_DAYS + ")",
        evidence);
  }
}
