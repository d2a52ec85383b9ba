package io.vigil.checks.s3;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.Map;

/** Every bucket writes server access logs to a target bucket. */
@Singleton
public final class S3BucketAccessLoggingEnabledCheck
    extends ResourceCheck<S3Snapshot, S3Snapshot.Bucket> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "s3_bucket_access_logging_enabled")
      .title("S3 bucket writes server access logs to a log bucket")
      .resourceType("AWS::S3::Bucket")
      .severity(Severity.MEDIUM)
      .supporting("A.8.15", "A.8.16")
      .rationale("Server access logs record every request to the bucket (requester, operation,"
          + " object, response), including anonymous and denied ones that CloudTrail management"
          + " events do not show. They give the per-bucket activity record that logging (A.8.15)"
          + " and investigation of anomalies (A.8.16) rely on. Supporting evidence only:"
          + " CloudTrail S3 data events are an alternative, and the logs must also be retained and"
          + " reviewed. A log bucket logging to itself is accepted here but wastes storage.")
      .remediation("aws s3api put-bucket-logging --bucket NAME --bucket-logging-status"
          + " '{\"LoggingEnabled\":{\"TargetBucket\":\"LOG_BUCKET\",\"TargetPrefix\":\"NAME/\"}}'"
          + " after granting the logging service (logging.s3.amazonaws.com) s3:PutObject in the"
          + " log bucket's policy (CDK: serverAccessLogsBucket).")
      .build();

  public S3BucketAccessLoggingEnabledCheck() {
    super(METADATA, S3Snapshot.class, S3Snapshot::buckets);
  }

  @Override
  protected Observation judge(S3Snapshot.Bucket bucket, ScanTarget target) {
    var subject = "bucket " + bucket.name();
    var lookup = bucket.accessLogging();
    if (lookup.isFailed()) {
      return lookup.toErrorObservation(bucket.arn(), subject);
    }
    return Observation.of(lookup.isPresent(), bucket.arn(),
        subject + ": server access logs go to bucket " + lookup.value(),
        subject + ": server access logging is off",
        BucketEvidence.of(bucket, Map.of(
            "accessLoggingTargetBucket", lookup.isPresent() ? lookup.value() : "none")));
  }
}
