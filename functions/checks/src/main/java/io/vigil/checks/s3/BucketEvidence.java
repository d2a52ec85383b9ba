package io.vigil.checks.s3;

import java.util.LinkedHashMap;
import java.util.Map;

/** Evidence of a bucket check: the judged settings plus the bucket's own region, when known. */
final class BucketEvidence {

  private BucketEvidence() {}

  /**
   * S3 results carry the account's home region (the snapshot is account-scoped), so the evidence
   * records where the bucket really lives.
   */
  static Map<String, Object> of(S3Snapshot.Bucket bucket, Map<String, Object> judged) {
    var evidence = new LinkedHashMap<String, Object>(judged);
    bucket.region().toOptional().ifPresent(r -> evidence.put("bucketRegion", r));
    return evidence;
  }
}
