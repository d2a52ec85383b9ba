package io.vigil.checks.cloudtrail;

import io.vigil.checks.Lookup;
import java.util.List;
import java.util.Objects;

/**
 * The trails that apply to one account: trails of the home region and every multi-region trail,
 * including shadow copies of trails whose home is another region or the organization's
 * management account.
 *
 * @param trails every trail DescribeTrails returned with shadow trails included
 */
public record CloudTrailSnapshot(List<Trail> trails) {

  public CloudTrailSnapshot {
    trails = List.copyOf(trails);
  }

  /**
   * One trail.
   *
   * @param homeRegion the region the trail was created in
   * @param logging whether the trail is recording now (GetTrailStatus IsLogging)
   * @param kmsKeyId the KMS key that encrypts the log files, or empty (SSE-S3 only)
   * @param logGroupArn the CloudWatch Logs log group the trail delivers to, or empty
   * @param s3BucketName the bucket that receives the log files, or empty
   */
  public record Trail(
      String name,
      String arn,
      String homeRegion,
      boolean multiRegion,
      boolean organizationTrail,
      boolean logFileValidation,
      Lookup<Boolean> logging,
      String kmsKeyId,
      String logGroupArn,
      String s3BucketName) {

    public Trail {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(homeRegion, "homeRegion");
      Objects.requireNonNull(logging, "logging");
      kmsKeyId = kmsKeyId == null ? "" : kmsKeyId;
      logGroupArn = logGroupArn == null ? "" : logGroupArn;
      s3BucketName = s3BucketName == null ? "" : s3BucketName;
    }

    /** "trail org (home us-east-1, multi-region)" for reasons. */
    public String subject() {
      return "trail " + name + " (home " + homeRegion + (multiRegion ? ", multi-region" : "")
          + (organizationTrail ? ", organization" : "") + ")";
    }
  }
}
