package io.vigil.checks.s3;

import io.vigil.checks.ResourceCheck;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/** Every bucket has all four bucket-level S3 Block Public Access settings turned on. */
@Singleton
public final class S3BucketPublicAccessBlockedCheck
    extends ResourceCheck<S3Snapshot, S3Snapshot.Bucket> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "s3_bucket_public_access_blocked")
      .title("S3 bucket blocks public access with all four Block Public Access settings")
      .resourceType("AWS::S3::Bucket")
      .severity(Severity.HIGH)
      .primary("A.8.3")
      .supporting("A.5.15", "A.8.12")
      .rationale("A bucket without BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and"
          + " RestrictPublicBuckets can be made public by one ACL or policy change, exposing its"
          + " objects to anyone on the internet. Blocking public access at the bucket restricts"
          + " access to information to identities the account grants (A.8.3).")
      .remediation("Turn on all four settings: aws s3api put-public-access-block --bucket NAME"
          + " --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,"
          + "BlockPublicPolicy=true,RestrictPublicBuckets=true (CDK: blockPublicAccess:"
          + " BlockPublicAccess.BLOCK_ALL). Serve public content through CloudFront with origin"
          + " access control instead.")
      .build();

  public S3BucketPublicAccessBlockedCheck() {
    super(METADATA, S3Snapshot.class, S3Snapshot::buckets);
  }

  @Override
  protected Observation judge(S3Snapshot.Bucket bucket, ScanTarget target) {
    var lookup = bucket.publicAccessBlock();
    if (lookup.isFailed()) {
      return lookup.toErrorObservation(bucket.arn(), "bucket " + bucket.name());
    }
    var block = lookup.value();
    var flags = new LinkedHashMap<String, Boolean>();
    flags.put("BlockPublicAcls", block.blockPublicAcls());
    flags.put("IgnorePublicAcls", block.ignorePublicAcls());
    flags.put("BlockPublicPolicy", block.blockPublicPolicy());
    flags.put("RestrictPublicBuckets", block.restrictPublicBuckets());
    var off = new ArrayList<String>();
    flags.forEach((flag, on) -> {
      if (!on) {
        off.add(flag);
      }
    });
    var judged = new LinkedHashMap<String, Object>();
    judged.put("publicAccessBlockConfigured", block.configured());
    judged.putAll(flags);
    var verb = off.size() == 1 ? " is off" : " are off";
    var failReason = block.configured()
        ? "bucket " + bucket.name() + ": " + Texts.joinAnd(off) + verb
        : "bucket " + bucket.name() + ": has no Block Public Access configuration";
    return Observation.of(off.isEmpty(), bucket.arn(),
        "bucket " + bucket.name() + ": all four Block Public Access settings are on",
        failReason, BucketEvidence.of(bucket, judged));
  }
}
