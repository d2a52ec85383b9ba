package io.vigil.checks.cloudwatch;

import java.util.List;
import java.util.Objects;

/**
 * The CloudWatch Logs log groups of one account in one region.
 *
 * @param logGroups every log group DescribeLogGroups returned
 */
public record CloudWatchSnapshot(List<LogGroup> logGroups) {

  public CloudWatchSnapshot {
    logGroups = List.copyOf(logGroups);
  }

  /**
   * One log group.
   *
   * @param arn the log group ARN, without the {@code :*} suffix
   * @param retentionDays the retention in days, or null when events never expire
   * @param kmsKeyId the ARN of the KMS key encrypting the group, or null
   */
  public record LogGroup(String name, String arn, Integer retentionDays, String kmsKeyId) {

    public LogGroup {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arn, "arn");
    }
  }
}
