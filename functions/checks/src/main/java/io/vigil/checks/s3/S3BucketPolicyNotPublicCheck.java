package io.vigil.checks.s3;

import io.vigil.checks.ResourceCheck;
import io.vigil.checks.internal.PolicyDocument;
import io.vigil.checks.internal.Texts;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * No bucket policy grants access to everyone. A statement is public when it allows Principal
 * {@code "*"} (or an Allow with NotPrincipal) without a condition that pins the caller's account,
 * organization, principal ARN or network. A public statement is neutralised, and the bucket
 * passes, when RestrictPublicBuckets is on at bucket or account level.
 */
@Singleton
public final class S3BucketPolicyNotPublicCheck
    extends ResourceCheck<S3Snapshot, S3Snapshot.BucketInAccount> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "s3_bucket_policy_not_public")
      .title("S3 bucket policy grants no access to everyone")
      .resourceType("AWS::S3::Bucket")
      .severity(Severity.CRITICAL)
      .primary("A.8.3")
      .supporting("A.5.15", "A.8.12")
      .rationale("A bucket policy statement that allows Principal \"*\" without a condition on the"
          + " caller's account, organization or network opens the bucket to the whole internet,"
          + " the most common cause of S3 data leaks. Restricting access to information (A.8.3)"
          + " requires that no such statement takes effect; RestrictPublicBuckets at bucket or"
          + " account level neutralises it and is accepted. Conditions such as"
          + " aws:SecureTransport do not narrow who may call and do not count.")
      .remediation("Remove or narrow the statement (add a Condition on aws:PrincipalOrgID,"
          + " aws:SourceVpce or aws:SourceIp, or name the principals): aws s3api put-bucket-policy"
          + " / delete-bucket-policy. Then turn on Block Public Access (aws s3api"
          + " put-public-access-block ... BlockPublicPolicy=true,RestrictPublicBuckets=true).")
      .build();

  public S3BucketPolicyNotPublicCheck() {
    super(METADATA, S3Snapshot.class, S3Snapshot::bucketsInAccount);
  }

  @Override
  protected Observation judge(S3Snapshot.BucketInAccount subjectBucket, ScanTarget target) {
    var bucket = subjectBucket.bucket();
    var subject = "bucket " + bucket.name();
    var lookup = bucket.policy();
    if (lookup.isFailed()) {
      return lookup.toErrorObservation(bucket.arn(), subject);
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("bucketPolicy", lookup.isPresent());
    if (!lookup.isPresent()) {
      return Observation.pass(bucket.arn(), subject + ": has no bucket policy",
          BucketEvidence.of(bucket, evidence));
    }
    var open = lookup.value().publicStatements();
    evidence.put("publicStatements",
        open.stream().map(PolicyDocument.Statement::label).toList());
    if (open.isEmpty()) {
      return Observation.pass(bucket.arn(),
          subject + ": bucket policy has no statement that allows everyone",
          BucketEvidence.of(bucket, evidence));
    }
    var statements = Texts.joinAnd(open.stream().map(PolicyDocument.Statement::describe).toList());
    return PublicExposure.judge(bucket, subjectBucket.accountBlock(), "RestrictPublicBuckets",
        S3Snapshot.PublicAccessBlock::restrictPublicBuckets,
        subject + ": bucket policy " + statements + " allows everyone", evidence);
  }
}
