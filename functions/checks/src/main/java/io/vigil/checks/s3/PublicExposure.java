package io.vigil.checks.s3;

import io.vigil.checks.Lookup;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The verdict on a bucket whose policy or ACL grants public access: Block Public Access at bucket
 * or account level may neutralise the grant (PASS), a setting that could not be read leaves the
 * answer open (ERROR), otherwise the bucket is public (FAIL).
 */
final class PublicExposure {

  private PublicExposure() {}

  static Observation judge(
      S3Snapshot.Bucket bucket,
      Lookup<S3Snapshot.PublicAccessBlock> accountBlock,
      String flag,
      Predicate<S3Snapshot.PublicAccessBlock> isOn,
      String exposure,
      Map<String, Object> evidence) {
    var bucketBlock = bucket.publicAccessBlock();
    var bucketOn = bucketBlock.toOptional().map(isOn::test).orElse(false);
    var accountOn = accountBlock.toOptional().map(isOn::test).orElse(false);
    if (!bucketBlock.isFailed()) {
      evidence.put("bucket" + flag, bucketOn);
    }
    if (!accountBlock.isFailed()) {
      evidence.put("account" + flag, accountOn);
    }
    if (bucketOn || accountOn) {
      var where = new ArrayList<String>();
      if (bucketOn) {
        where.add("bucket");
      }
      if (accountOn) {
        where.add("account");
      }
      return Observation.pass(bucket.arn(), exposure + ", but " + flag + " is on at "
          + Texts.joinAnd(where) + " level and keeps it from taking effect",
          BucketEvidence.of(bucket, evidence));
    }
    var unread = bucketBlock.isFailed() ? bucketBlock : accountBlock;
    if (unread.isFailed()) {
      evidence.put("error", unread.error());
      return new Observation(bucket.arn(), CheckStatus.ERROR, exposure + " and whether "
          + flag + " neutralises it could not be read: " + unread.error(),
          BucketEvidence.of(bucket, evidence));
    }
    return Observation.fail(bucket.arn(), exposure + " and " + flag + " is off",
        BucketEvidence.of(bucket, evidence));
  }
}
