package io.vigil.checks.s3;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.Map;

/** Every bucket has versioning Enabled (neither never enabled nor Suspended). */
@Singleton
public final class S3BucketVersioningEnabledCheck
    extends ResourceCheck<S3Snapshot, S3Snapshot.Bucket> {

  static final String ENABLED = "Enabled";

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "s3_bucket_versioning_enabled")
      .title("S3 bucket keeps earlier object versions with versioning enabled")
      .resourceType("AWS::S3::Bucket")
      .severity(Severity.MEDIUM)
      .supporting("A.5.33", "A.8.13")
      .rationale("With versioning, an overwritten or deleted object can be restored from an"
          + " earlier version, which protects records against accidental loss (A.5.33) and gives"
          + " a first recovery point (A.8.13). It is supporting evidence only: versions live in the"
          + " same bucket and account, and a privileged user can still delete them without MFA"
          + " delete or Object Lock, so it is no backup on its own.")
      .remediation("aws s3api put-bucket-versioning --bucket NAME --versioning-configuration"
          + " Status=Enabled (CDK: versioned: true); add a lifecycle rule that expires noncurrent"
          + " versions to control cost.")
      .build();

  public S3BucketVersioningEnabledCheck() {
    super(METADATA, S3Snapshot.class, S3Snapshot::buckets);
  }

  @Override
  protected Observation judge(S3Snapshot.Bucket bucket, ScanTarget target) {
    var lookup = bucket.versioning();
    if (lookup.isFailed()) {
      return lookup.toErrorObservation(bucket.arn(), "bucket " + bucket.name());
    }
    var status = lookup.toOptional().orElse("NeverEnabled");
    var subject = "bucket " + bucket.name();
    var failReason = lookup.isPresent()
        ? subject + ": versioning is " + status
        : subject + ": versioning was never enabled";
    return Observation.of(ENABLED.equals(status), bucket.arn(),
        subject + ": versioning is Enabled", failReason,
        BucketEvidence.of(bucket, Map.of("versioning", status)));
  }
}
