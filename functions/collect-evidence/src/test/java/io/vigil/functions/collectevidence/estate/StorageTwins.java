package io.vigil.functions.collectevidence.estate;

import static io.vigil.functions.collectevidence.estate.Buckets.nameOf;
import static io.vigil.functions.collectevidence.estate.Estate.EU;
import static io.vigil.functions.collectevidence.estate.Estate.MEMBER;
import static io.vigil.functions.collectevidence.estate.Estate.US;

import io.vigil.functions.collectevidence.estate.Buckets.Guard;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;

/**
 * S3 twins. S3 is loaded once per account (ListBuckets returns every region's buckets), so bucket
 * results are recorded in the home region whatever the bucket's own region. Account-level Block
 * Public Access is on in the caller's account only; the bucket policy and ACL twins live in the
 * member account, where it cannot neutralise them, and leave bucket-level Block Public Access off
 * on both sides for the same reason.
 */
final class StorageTwins {

  private final Estate estate;
  private final Buckets buckets;
  private final String a;

  StorageTwins(Estate estate) {
    this.estate = estate;
    this.buckets = estate.buckets();
    this.a = estate.caller();
  }

  void seed() {
    accountBlock();
    withoutOne("bucket (us-east-1) without vs with default encryption",
        "s3_bucket_default_encryption_enabled", a, US, "plain", Guard.ENCRYPTION);
    withoutOne("bucket (us-east-1) without vs with all four Block Public Access settings",
        "s3_bucket_public_access_blocked", MEMBER, US, "unblocked", Guard.BLOCK);
    withoutOne("bucket without vs with a policy statement denying aws:SecureTransport=false",
        "s3_bucket_secure_transport_enforced", a, EU, "http-ok", Guard.TLS);
    withoutOne("bucket (us-east-1) without vs with server access logging",
        "s3_bucket_access_logging_enabled", MEMBER, US, "unlogged", Guard.LOGGING);
    withoutOne("bucket created without vs with Object Lock", "s3_bucket_object_lock_enabled",
        a, EU, "unlocked", Guard.OBJECT_LOCK);
    versioning();
    policies();
    acls();
  }

  /** A bucket missing {@code guard} beside a bucket with every safeguard. */
  private void withoutOne(String description, String checkId, String account, String region,
      String what, Guard guard) {
    estate.add(description, checkId, account, EU,
        buckets.create(account, region, what, EnumSet.of(guard), List.of()),
        buckets.compliant(account, region, what + "-twin"));
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

  private void versioning() {
    // Object Lock turns versioning on, so neither twin has it
    estate.add("bucket without vs with versioning", "s3_bucket_versioning_enabled", MEMBER, EU,
        buckets.create(MEMBER, EU, "unversioned",
            EnumSet.of(Guard.VERSIONING, Guard.OBJECT_LOCK), List.of()),
        buckets.create(MEMBER, EU, "versioned", EnumSet.of(Guard.OBJECT_LOCK), List.of()));
  }

  private void policies() {
    var open = "arn:aws:s3:::" + estate.name("policy-open");
    var scoped = "arn:aws:s3:::" + estate.name("policy-scoped");
    estate.add("bucket policy allowing s3:GetObject to Principal * vs to the account",
        "s3_bucket_policy_not_public", MEMBER, EU,
        buckets.create(MEMBER, EU, "policy-open", EnumSet.of(Guard.BLOCK),
            List.of(readStatement(open, "\"*\""))),
        buckets.create(MEMBER, EU, "policy-scoped", EnumSet.of(Guard.BLOCK),
            List.of(readStatement(scoped, "{\"AWS\":\"arn:aws:iam::" + MEMBER + ":root\"}"))));
  }

  private static String readStatement(String bucketArn, String principal) {
    return "{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":"
        + "\"s3:GetObject\",\"Resource\":\"" + bucketArn + "/*\"}";
  }

  private void acls() {
    Set<Guard> noBlock = EnumSet.of(Guard.BLOCK);
    var open = buckets.create(MEMBER, US, "acl-open", noBlock, List.of());
    var owned = buckets.create(MEMBER, US, "acl-owned", noBlock, List.of());
    var s3 = buckets.s3(MEMBER, US);
    writeAcl(s3, nameOf(open), true);
    writeAcl(s3, nameOf(owned), false);
    estate.add("bucket ACL with vs without READ for AllUsers", "s3_bucket_acl_not_public",
        MEMBER, EU, open, owned);
  }

  /**
   * Writes the owner's FULL_CONTROL, plus READ for AllUsers when {@code isPublic}, in the request
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
}
