package io.vigil.functions.collectevidence.estate;

import static io.vigil.functions.collectevidence.estate.Estate.US;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * Creates buckets that meet every bucket check except the safeguards a twin leaves out, so that a
 * twin pair differs in one property and the estate raises no failures beyond the intended ones.
 */
final class Buckets {

  /** A bucket safeguard judged by one of the S3 bucket checks. */
  enum Guard { BLOCK, ENCRYPTION, VERSIONING, TLS, LOGGING, OBJECT_LOCK }

  private static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

  private final Estate estate;
  private final Map<String, String> logTargets = new HashMap<>();

  Buckets(Estate estate) {
    this.estate = estate;
  }

  S3Client s3(String account, String region) {
    return estate.factory(account).client(S3Client.class,
        () -> S3Client.builder().forcePathStyle(true), Region.of(region));
  }

  static String nameOf(String bucketArn) {
    return bucketArn.substring("arn:aws:s3:::".length());
  }

  /** A bucket with every safeguard: all four Block Public Access settings, SSE, ... */
  String compliant(String account, String region, String what) {
    return create(account, region, what, Set.of(), List.of());
  }

  /**
   * Creates bucket {@code vigil-<what>-<suffix>} in {@code region} with every safeguard but
   * {@code omit}, its policy holding {@code statements} besides the TLS-only statement, and
   * returns its ARN.
   */
  String create(String account, String region, String what, Set<Guard> omit,
      List<String> statements) {
    var name = estate.name(what);
    var arn = "arn:aws:s3:::" + name;
    var s3 = s3(account, region);
    var lock = !omit.contains(Guard.OBJECT_LOCK);
    s3.createBucket(r -> {
      r.bucket(name).objectLockEnabledForBucket(lock);
      if (!region.equals(US)) {
        r.createBucketConfiguration(c -> c.locationConstraint(region));
      }
    });
    if (!omit.contains(Guard.ENCRYPTION)) {
      s3.putBucketEncryption(r -> r.bucket(name).serverSideEncryptionConfiguration(c -> c
          .rules(rule -> rule.applyServerSideEncryptionByDefault(
              d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
    }
    if (!omit.contains(Guard.VERSIONING)) {
      s3.putBucketVersioning(r -> r.bucket(name)
          .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }
    var policy = new ArrayList<>(statements);
    if (!omit.contains(Guard.TLS)) {
      // Principal {"AWS":"*"}, not "*": moto 5.2.1's PutBucketLogging fails with a 500 when the
      // target bucket's policy has a string principal
      policy.add("{\"Sid\":\"DenyHttp\",\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},"
          + "\"Action\":\"s3:*\",\"Resource\":[\"" + arn + "\",\"" + arn + "/*\"],"
          + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}");
    }
    if (!policy.isEmpty()) {
      s3.putBucketPolicy(r -> r.bucket(name).policy("{\"Version\":\"2012-10-17\",\"Statement\":["
          + String.join(",", policy) + "]}"));
    }
    if (!omit.contains(Guard.LOGGING)) {
      var target = logTarget(account, region);
      s3.putBucketLogging(r -> r.bucket(name).bucketLoggingStatus(l -> l.loggingEnabled(
          e -> e.targetBucket(target).targetPrefix(name + "/"))));
    }
    if (!omit.contains(Guard.BLOCK)) {
      s3.putPublicAccessBlock(r -> r.bucket(name).publicAccessBlockConfiguration(c -> c
          .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true)
          .restrictPublicBuckets(true)));
    }
    return arn;
  }

  /**
   * The access log bucket of {@code account} in {@code region} (server access logs stay in the
   * source bucket's region); the log delivery group may write to it, and it does not log itself.
   */
  private String logTarget(String account, String region) {
    return logTargets.computeIfAbsent(account + "/" + region, k -> {
      var suffix = (account.equals(estate.caller()) ? "c-" : "m-") + region;
      var what = "logs-" + suffix;
      var name = nameOf(create(account, region, what, EnumSet.of(Guard.LOGGING, Guard.BLOCK),
          List.of()));
      var s3 = s3(account, region);
      var owner = s3.getBucketAcl(r -> r.bucket(name)).owner();
      s3.putBucketAcl(r -> r.bucket(name).accessControlPolicy(p -> p.owner(owner).grants(
          Grant.builder().permission(Permission.FULL_CONTROL)
              .grantee(g -> g.type(Type.CANONICAL_USER).id(owner.id())).build(),
          Grant.builder().permission(Permission.WRITE)
              .grantee(g -> g.type(Type.GROUP).uri(LOG_DELIVERY)).build(),
          Grant.builder().permission(Permission.READ_ACP)
              .grantee(g -> g.type(Type.GROUP).uri(LOG_DELIVERY)).build())));
      s3.putPublicAccessBlock(r -> r.bucket(name).publicAccessBlockConfiguration(c -> c
          .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true)
          .restrictPublicBuckets(true)));
      return name;
    });
  }
}
