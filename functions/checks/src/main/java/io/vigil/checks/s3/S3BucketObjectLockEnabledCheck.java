package io.vigil.checks.s3;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * Every bucket has S3 Object Lock enabled. Low severity: only buckets holding records that must
 * not be altered or deleted (logs, backups, regulated records) need it, so a FAIL is a prompt to
 * confirm the bucket does not hold such records.
 */
@Singleton
public final class S3BucketObjectLockEnabledCheck
    extends ResourceCheck<S3Snapshot, S3Snapshot.Bucket> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "s3_bucket_object_lock_enabled")
      .title("S3 bucket protects object versions from deletion with Object Lock")
      .resourceType("AWS::S3::Bucket")
      .severity(Severity.LOW)
      .supporting("A.5.33", "A.8.13")
      .rationale("Object Lock stores object versions write-once-read-many: for the retention"
          + " period nobody (in compliance mode, not even the root user) can overwrite or delete"
          + " them. That protects records against deletion and falsification (A.5.33) and makes"
          + " backup copies immune to ransomware and malicious insiders (A.8.13). Supporting"
          + " evidence: it matters only for buckets that hold such records, and the default"
          + " retention rule decides how long versions are protected.")
      .remediation("Object Lock can be enabled on an existing versioned bucket: aws s3api"
          + " put-object-lock-configuration --bucket NAME --object-lock-configuration"
          + " '{\"ObjectLockEnabled\":\"Enabled\",\"Rule\":{\"DefaultRetention\":"
          + "{\"Mode\":\"GOVERNANCE\",\"Days\":30}}}' (CDK: objectLockEnabled: true,"
          + " objectLockDefaultRetention).")
      .build();

  public S3BucketObjectLockEnabledCheck() {
    super(METADATA, S3Snapshot.class, S3Snapshot::buckets);
  }

  @Override
  protected Observation judge(S3Snapshot.Bucket bucket, ScanTarget target) {
    var subject = "bucket " + bucket.name();
    var lookup = bucket.objectLock();
    if (lookup.isFailed()) {
      return lookup.toErrorObservation(bucket.arn(), subject);
    }
    var lock = lookup.toOptional().orElse(new S3Snapshot.ObjectLock(false, "", 0, 0));
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("objectLockEnabled", lock.enabled());
    evidence.put("defaultRetentionMode",
        lock.defaultMode().isEmpty() ? "none" : lock.defaultMode());
    evidence.put("defaultRetentionDays", lock.defaultDays());
    evidence.put("defaultRetentionYears", lock.defaultYears());
    return Observation.of(lock.enabled(), bucket.arn(),
        subject + ": Object Lock is enabled" + retention(lock),
        subject + ": Object Lock is not enabled",
        BucketEvidence.of(bucket, evidence));
  }

  private static String retention(S3Snapshot.ObjectLock lock) {
    if (lock.defaultMode().isEmpty()) {
      return " (no default retention)";
    }
    var period = lock.defaultYears() > 0 ? lock.defaultYears() + " years"
        : lock.defaultDays() + " days";
    return " (default retention " + lock.defaultMode() + " " + period + ")";
  }
}
