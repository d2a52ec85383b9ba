package io.vigil.checks.s3;

import io.vigil.checks.ResourceCheck;
import io.vigil.checks.internal.PolicyDocument;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * Every bucket's policy denies requests that do not use TLS: a Deny statement for every principal
 * ({@code "*"}) that covers s3:GetObject and s3:PutObject on the bucket's objects, with the
 * condition {@code Bool} (or {@code BoolIfExists}) {@code aws:SecureTransport = false}.
 */
@Singleton
public final class S3BucketSecureTransportEnforcedCheck
    extends ResourceCheck<S3Snapshot, S3Snapshot.Bucket> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "s3_bucket_secure_transport_enforced")
      .title("S3 bucket policy denies requests that are not sent over TLS")
      .resourceType("AWS::S3::Bucket")
      .severity(Severity.MEDIUM)
      .primary("A.8.24")
      .supporting("A.5.14")
      .rationale("S3 accepts plain HTTP requests unless the bucket policy refuses them, so data"
          + " and pre-signed credentials may cross networks unencrypted. A Deny on"
          + " aws:SecureTransport=false enforces encryption in transit for every client, as the"
          + " rules for the use of cryptography (A.8.24) and for information transfer (A.5.14)"
          + " require. Judged: a Deny statement for Principal \"*\" covering s3:GetObject and"
          + " s3:PutObject on the bucket's objects with Bool aws:SecureTransport false.")
      .remediation("Add to the bucket policy: {\"Sid\":\"DenyInsecureTransport\",\"Effect\":"
          + "\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::NAME\","
          + "\"arn:aws:s3:::NAME/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}"
          + " (aws s3api put-bucket-policy; CDK: enforceSSL: true).")
      .build();

  public S3BucketSecureTransportEnforcedCheck() {
    super(METADATA, S3Snapshot.class, S3Snapshot::buckets);
  }

  @Override
  protected Observation judge(S3Snapshot.Bucket bucket, ScanTarget target) {
    var subject = "bucket " + bucket.name();
    var lookup = bucket.policy();
    if (lookup.isFailed()) {
      return lookup.toErrorObservation(bucket.arn(), subject);
    }
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("bucketPolicy", lookup.isPresent());
    if (!lookup.isPresent()) {
      return Observation.fail(bucket.arn(),
          subject + ": has no bucket policy, so plain HTTP requests are accepted",
          BucketEvidence.of(bucket, evidence));
    }
    var enforcing = lookup.value().statements().stream()
        .filter(s -> deniesInsecureTransport(s, bucket.arn()))
        .findFirst();
    enforcing.ifPresent(s -> evidence.put("enforcingStatement", s.label()));
    return Observation.of(enforcing.isPresent(), bucket.arn(),
        subject + ": policy " + enforcing.map(PolicyDocument.Statement::describe).orElse("")
            + " denies requests without TLS",
        subject + ": bucket policy has no Deny on aws:SecureTransport=false for all principals",
        BucketEvidence.of(bucket, evidence));
  }

  /** A Deny for everyone on the bucket's objects when the request is not over TLS. */
  static boolean deniesInsecureTransport(PolicyDocument.Statement s, String bucketArn) {
    return !s.allows()
        && s.appliesToEveryone()
        && s.actionMatches("s3:GetObject")
        && s.actionMatches("s3:PutObject")
        && s.resourceMatches(bucketArn + "/object")
        && s.conditions().stream().anyMatch(c ->
            (c.operator().equals("Bool") || c.operator().equals("BoolIfExists"))
                && c.key().equalsIgnoreCase("aws:SecureTransport")
                && c.values().stream().anyMatch(v -> v.equalsIgnoreCase("false")));
  }
}
