package io.vigil.functions.collectevidence.estate;

import static io.vigil.functions.collectevidence.estate.Estate.EU;
import static io.vigil.functions.collectevidence.estate.Estate.MEMBER;
import static io.vigil.functions.collectevidence.estate.Estate.US;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Type;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;

/**
 * S3 twins. S3 is loaded once per account (ListBuckets returns every region's buckets), so bucket
 * results are recorded in the home region whatever the bucket's own region. Account-level Block
 * Public Access is on in the caller's account only; the bucket policy and ACL twins live in the
 * member account, where it cannot neutralise them.
 */
final class StorageTwins {

  private final Estate estate;
  private final String a;

  StorageTwins(Estate estate) {
    this.estate = estate;
    this.a = estate.caller();
  }

  void seed() {
    accountBlock();
    encryption();
    versioning();
    bucketBlock();
    policies();
    acls();
    transport();
    logging();
    objectLock();
  }

  private S3Client s3(String account, String region) {
    return estate.factory(account).client(S3Client.class,
        () -> S3Client.builder().forcePathStyle(true), Region.of(region));
  }

  /** Creates a bucket in {@code region} and returns its ARN. */
  private String bucket(String account, String region, String what, boolean objectLock) {
    var name = estate.name(what);
    s3(account, region).createBucket(r -> {
      r.bucket(name).objectLockEnabledForBucket(objectLock);
      if (!region.equals(US)) {
        r.createBucketConfiguration(c -> c.locationConstraint(region));
      }
    });
    return "arn:aws:s3:::" + name;
  }

  private String bucket(String account, String region, String what) {
    return bucket(account, region, what, false);
  }

  private static String nameOf(String bucketArn) {
    return bucketArn.substring("arn:aws:s3:::".length());
  }

  private void accountBlock() {
    // S3 Control addresses <account>.<endpoint>, which does not resolve on an emulator
    var endpoint = URI.create(estate.endpoint());
    var delegate = S3ControlEndpointProvider.defaultProvider();
    var control = estate.factory(a).client(S3ControlClient.class, () -> S3ControlClient.builder()
        .endpointProvider(params -> delegate.resolveEndpoint(params)
            .thenApply(e -> e.toBuilder().url(endpoint).build())), Region.of(EU));
    control.putPublicAccessBlock(r -> r.accountId(a).publicAccessBlockConfiguration(c -> c
        .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true)
        .restrictPublicBuckets(true)));
    estate.add(new Twin("account-level Block Public Access off (member) vs on (caller)",
        "s3_account_public_access_blocked",
        new Twin.Subject(MEMBER, EU, "arn:aws:s3::" + MEMBER + ":*"),
        new Twin.Subject(a, EU, "arn:aws:s3::" + a + ":*")));
  }

  private void encryption() {
    var plain = bucket(a, US, "plain");
    var sealed = bucket(a, US, "sealed");
    s3(a, US).putBucketEncryption(r -> r.bucket(nameOf(sealed))
        .serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
            .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
    estate.add("bucket (us-east-1) without vs with default encryption",
        "s3_bucket_default_encryption_enabled", a, EU, plain, sealed);
  }

  private void versioning() {
    var unversioned = bucket(MEMBER, EU, "unversioned");
    var versioned = bucket(MEMBER, EU, "versioned");
    s3(MEMBER, EU).putBucketVersioning(r -> r.bucket(nameOf(versioned))
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    estate.add("bucket without vs with versioning", "s3_bucket_versioning_enabled",
        MEMBER, EU, unversioned, versioned);
  }

  private void bucketBlock() {
    var open = bucket(MEMBER, US, "unblocked");
    var blocked = bucket(MEMBER, US, "blocked");
    s3(MEMBER, US).putPublicAccessBlock(r -> r.bucket(nameOf(blocked))
        .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true).ignorePublicAcls(true)
            .blockPublicPolicy(true).restrictPublicBuckets(true)));
    estate.add("bucket (us-east-1) without vs with all four Block Public Access settings",
        "s3_bucket_public_access_blocked", MEMBER, EU, open, blocked);
  }

  private void policies() {
    var open = bucket(MEMBER, EU, "policy-open");
    var scoped = bucket(MEMBER, EU, "policy-scoped");
    var s3 = s3(MEMBER, EU);
    s3.putBucketPolicy(r -> r.bucket(nameOf(open)).policy(readPolicy(open, "\"*\"")));
    s3.putBucketPolicy(r -> r.bucket(nameOf(scoped)).policy(readPolicy(scoped,
        "{\"AWS\":\"arn:aws:iam::" + MEMBER + ":root\"}")));
    estate.add("bucket policy allowing s3:GetObject to Principal * vs to the account",
        "s3_bucket_policy_not_public", MEMBER, EU, open, scoped);
  }

  private static String readPolicy(String bucketArn, String principal) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\","
        + "\"Principal\":" + principal + ",\"Action\":\"s3:GetObject\",\"Resource\":\""
        + bucketArn + "/*\"}]}";
  }

  private void acls() {
    var open = bucket(MEMBER, US, "acl-open");
    var owned = bucket(MEMBER, US, "acl-owned");
    var s3 = s3(MEMBER, US);
    writeAcl(s3, nameOf(open), true);
    writeAcl(s3, nameOf(owned), false);
    estate.add("bucket ACL with vs without READ for AllUsers", "s3_bucket_acl_not_public",
        MEMBER, EU, open, owned);
  }

  /**
   * Writes the owner's FULL_CONTROL, plus READ for AllUsers when {@code public}, in the request
   * body (the canned-ACL header form sends an empty PUT, which moto refuses with 411).
   */
  private static void writeAcl(S3Client s3, String bucket, boolean isPublic) {
    var owner = s3.getBucketAcl(r -> r.bucket(bucket)).owner();
    var ownerGrant = Grant.builder().permission(Permission.FULL_CONTROL)
        .grantee(g -> g.type(Type.CANONICAL_USER).id(owner.id())).build();
    var grants = isPublic ? List.of(ownerGrant, Grant.builder().permission(Permission.READ)
        .grantee(g -> g.type(Type.GROUP).uri("http://acs.amazonaws.com/groups/global/AllUsers"))
        .build()) : List.of(ownerGrant);
    s3.putBucketAcl(r -> r.bucket(bucket).accessControlPolicy(p -> p.owner(owner)
        .grants(grants)));
  }

  private void transport() {
    var lax = bucket(a, EU, "http-ok");
    var strict = bucket(a, EU, "tls-only");
    s3(a, EU).putBucketPolicy(r -> r.bucket(nameOf(strict)).policy("{\"Version\":\"2012-10-17\","
        + "\"Statement\":[{\"Sid\":\"DenyHttp\",\"Effect\":\"Deny\",\"Principal\":\"*\","
        + "\"Action\":\"s3:*\",\"Resource\":[\"" + strict + "\",\"" + strict + "/*\"],"
        + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"));
    estate.add("bucket without vs with a policy denying aws:SecureTransport=false",
        "s3_bucket_secure_transport_enforced", a, EU, lax, strict);
  }

  private void logging() {
    var s3 = s3(MEMBER, US);
    var target = nameOf(bucket(MEMBER, US, "access-logs"));
    var owner = s3.getBucketAcl(r -> r.bucket(target)).owner();
    var logDelivery = "http://acs.amazonaws.com/groups/s3/LogDelivery";
    s3.putBucketAcl(r -> r.bucket(target).accessControlPolicy(p -> p.owner(owner).grants(
        Grant.builder().permission(Permission.FULL_CONTROL)
            .grantee(g -> g.type(Type.CANONICAL_USER).id(owner.id())).build(),
        Grant.builder().permission(Permission.WRITE)
            .grantee(g -> g.type(Type.GROUP).uri(logDelivery)).build(),
        Grant.builder().permission(Permission.READ_ACP)
            .grantee(g -> g.type(Type.GROUP).uri(logDelivery)).build())));
    var silent = bucket(MEMBER, US, "unlogged");
    var logged = bucket(MEMBER, US, "logged");
    s3.putBucketLogging(r -> r.bucket(nameOf(logged)).bucketLoggingStatus(l -> l.loggingEnabled(
        e -> e.targetBucket(target).targetPrefix(nameOf(logged) + "/"))));
    estate.add("bucket (us-east-1) without vs with server access logging",
        "s3_bucket_access_logging_enabled", MEMBER, EU, silent, logged);
  }

  private void objectLock() {
    estate.add("bucket created without vs with Object Lock", "s3_bucket_object_lock_enabled",
        a, EU, bucket(a, EU, "unlocked"), bucket(a, EU, "locked", true));
  }
}
