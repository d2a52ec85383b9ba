package io.vigil.checks.s3;

import io.vigil.checks.ResourceCheck;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * No bucket ACL grants a permission to the AllUsers (anyone) or AuthenticatedUsers (any AWS
 * account) group. A public grant is neutralised, and the bucket passes, when IgnorePublicAcls is
 * on at bucket or account level.
 */
@Singleton
public final class S3BucketAclNotPublicCheck
    extends ResourceCheck<S3Snapshot, S3Snapshot.BucketInAccount> {

  private static final CheckMetadata METADATA = CheckMetadata.builder("s3_bucket_acl_not_public")
      .title("S3 bucket ACL grants nothing to AllUsers or AuthenticatedUsers")
      .resourceType("AWS::S3::Bucket")
      .severity(Severity.CRITICAL)
      .primary("A.8.3")
      .supporting("A.5.15", "A.8.12")
      .rationale("An ACL grant to AllUsers makes the bucket readable (or writable) by anyone on"
          + " the internet; AuthenticatedUsers means any AWS account, not just yours. Either"
          + " defeats restricting access to information (A.8.3). IgnorePublicAcls at bucket or"
          + " account level makes S3 disregard such grants and is accepted.")
      .remediation("Reset the ACL (aws s3api put-bucket-acl --bucket NAME --acl private), then"
          + " disable ACLs altogether with Object Ownership BucketOwnerEnforced (aws s3api"
          + " put-bucket-ownership-controls) and turn on Block Public Access (IgnorePublicAcls,"
          + " BlockPublicAcls). CDK: objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED.")
      .build();

  public S3BucketAclNotPublicCheck() {
    super(METADATA, S3Snapshot.class, S3Snapshot::bucketsInAccount);
  }

  @Override
  protected Observation judge(S3Snapshot.BucketInAccount subjectBucket, ScanTarget target) {
    var bucket = subjectBucket.bucket();
    var subject = "bucket " + bucket.name();
    var lookup = bucket.acl();
    if (lookup.isFailed()) {
      return lookup.toErrorObservation(bucket.arn(), subject);
    }
    var open = lookup.value().stream().filter(S3Snapshot.Grant::isPublic)
        .map(g -> g.permission() + " to " + g.granteeName())
        .distinct()
        .toList();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("grantCount", lookup.value().size());
    evidence.put("publicGrants", open);
    if (open.isEmpty()) {
      return Observation.pass(bucket.arn(),
          subject + ": ACL grants nothing to AllUsers or AuthenticatedUsers",
          BucketEvidence.of(bucket, evidence));
    }
    return PublicExposure.judge(bucket, subjectBucket.accountBlock(),
        "IgnorePublicAcls", S3Snapshot.PublicAccessBlock::ignorePublicAcls,
        subject + ": ACL grants " + Texts.joinAnd(open), evidence);
  }
}
