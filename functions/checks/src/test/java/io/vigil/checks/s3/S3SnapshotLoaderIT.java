package io.vigil.checks.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.EmulatorTargets;
import io.vigil.checks.Lookup;
import io.vigil.checks.internal.PolicyDocument;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Type;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;

/**
 * The S3 loader against the emulator, with a public, a partial, a locked and an Object Lock
 * bucket, and the account-level Block Public Access.
 */
@WithAwsEmulator
class S3SnapshotLoaderIT {

  private static final String SUFFIX = EmulatorTargets.uniqueSuffix();
  private static final String OPEN = "vigil-it-open-" + SUFFIX;
  private static final String PARTIAL = "vigil-it-partial-" + SUFFIX;
  private static final String LOCKED = "vigil-it-locked-" + SUFFIX;
  private static final String VAULT = "vigil-it-vault-" + SUFFIX;

  private static AwsClientFactory clients;
  private static ScanTarget target;
  private static S3Snapshot snapshot;
  private static Map<String, S3Snapshot.Bucket> ours;

  @BeforeAll
  static void seedAndLoad(AwsEmulator emulator) {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    var s3 = s3(emulator.region());
    // GIVEN an open bucket (nothing configured) in the emulator's region
    s3.createBucket(r -> r.bucket(OPEN)
        .createBucketConfiguration(c -> c.locationConstraint(emulator.region())));
    // AND a partially configured bucket in us-east-1 with suspended versioning
    s3("us-east-1").createBucket(r -> r.bucket(PARTIAL));
    s3.putPublicAccessBlock(r -> r.bucket(PARTIAL).publicAccessBlockConfiguration(c -> c
        .blockPublicAcls(false).ignorePublicAcls(true).blockPublicPolicy(true)
        .restrictPublicBuckets(false)));
    s3.putBucketEncryption(r -> r.bucket(PARTIAL).serverSideEncryptionConfiguration(c -> c
        .rules(rule -> rule.applyServerSideEncryptionByDefault(
            d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
    s3.putBucketVersioning(r -> r.bucket(PARTIAL)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3.putBucketVersioning(r -> r.bucket(PARTIAL)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
    // AND a locked-down bucket
    s3.createBucket(r -> r.bucket(LOCKED)
        .createBucketConfiguration(c -> c.locationConstraint(emulator.region())));
    s3.putPublicAccessBlock(r -> r.bucket(LOCKED).publicAccessBlockConfiguration(c -> c
        .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true)
        .restrictPublicBuckets(true)));
    s3.putBucketEncryption(r -> r.bucket(LOCKED).serverSideEncryptionConfiguration(c -> c
        .rules(rule -> rule.applyServerSideEncryptionByDefault(
            d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)))));
    s3.putBucketVersioning(r -> r.bucket(LOCKED)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    // AND the open bucket readable by everyone through its ACL and policy
    grantToGroup(s3, OPEN, "AllUsers", Permission.READ);
    s3.putBucketPolicy(r -> r.bucket(OPEN).policy("{\"Version\":\"2012-10-17\",\"Statement\":"
        + "[{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":"
        + "\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + OPEN + "/*\"}]}"));
    // AND the locked bucket refusing plain HTTP and logging to the vault bucket
    s3.putBucketPolicy(r -> r.bucket(LOCKED).policy("{\"Version\":\"2012-10-17\",\"Statement\":"
        + "[{\"Sid\":\"DenyHttp\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":"
        + "\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + LOCKED + "\",\"arn:aws:s3:::" + LOCKED
        + "/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"));
    // AND a vault bucket with Object Lock and default retention, receiving access logs
    s3.createBucket(r -> r.bucket(VAULT).objectLockEnabledForBucket(true)
        .createBucketConfiguration(c -> c.locationConstraint(emulator.region())));
    s3.putObjectLockConfiguration(r -> r.bucket(VAULT).objectLockConfiguration(c -> c
        .objectLockEnabled(ObjectLockEnabled.ENABLED)
        .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE)
            .days(30)))));
    grantToGroup(s3, VAULT, "LogDelivery", Permission.WRITE, Permission.READ_ACP);
    s3.putBucketLogging(r -> r.bucket(LOCKED).bucketLoggingStatus(l -> l.loggingEnabled(e -> e
        .targetBucket(VAULT).targetPrefix(LOCKED + "/"))));
    // WHEN
    snapshot = new S3SnapshotLoader(clients).load(target);
    ours = snapshot.buckets().stream()
        .filter(b -> b.name().endsWith(SUFFIX))
        .collect(Collectors.toMap(S3Snapshot.Bucket::name, Function.identity()));
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void load_readsEveryBucket_withArnAndRegion() {
    assertEquals(4, ours.size(), ours.keySet().toString());
    assertEquals("arn:aws:s3:::" + OPEN, ours.get(OPEN).arn());
    assertEquals(Lookup.found(AwsEmulator.REGION), ours.get(OPEN).region());
    assertEquals(Lookup.found("us-east-1"), ours.get(PARTIAL).region());
  }

  @Test
  void load_recordsMissingConfiguration_asData() {
    var open = ours.get(OPEN);
    assertEquals(Lookup.found(S3Snapshot.PublicAccessBlock.NONE), open.publicAccessBlock());
    assertFalse(open.defaultEncryption().isFailed());
    assertFalse(open.defaultEncryption().isPresent());
    assertEquals(Lookup.absent(), open.versioning());
    var partial = ours.get(PARTIAL);
    assertEquals(Lookup.absent(), partial.policy());
    assertEquals(Lookup.absent(), partial.accessLogging());
    assertEquals(Lookup.absent(), partial.objectLock());
  }

  @Test
  void load_readsPolicyAclLoggingAndObjectLock() {
    // THEN the open bucket's policy and ACL are public
    var open = ours.get(OPEN);
    assertEquals(List.of("PublicRead"), open.policy().value().publicStatements().stream()
        .map(PolicyDocument.Statement::label).toList());
    assertTrue(open.acl().value().stream().anyMatch(g -> g.isPublic()
        && g.granteeName().equals("AllUsers") && g.permission().equals("READ")),
        open.acl().toString());
    // AND the locked bucket denies HTTP and logs to the vault
    var locked = ours.get(LOCKED);
    assertEquals("DenyHttp", locked.policy().value().statements().get(0).label());
    assertEquals(Lookup.found(VAULT), locked.accessLogging());
    assertTrue(locked.acl().value().stream().noneMatch(S3Snapshot.Grant::isPublic));
    // AND the vault has Object Lock with its default retention
    assertEquals(Lookup.found(new S3Snapshot.ObjectLock(true, "GOVERNANCE", 30, 0)),
        ours.get(VAULT).objectLock());
  }

  @Test
  void newChecks_judgeTheLoadedBuckets() {
    assertEquals(Map.of(OPEN, CheckStatus.FAIL, PARTIAL, CheckStatus.PASS,
        LOCKED, CheckStatus.PASS, VAULT, CheckStatus.PASS),
        statuses(new S3BucketPolicyNotPublicCheck()));
    assertEquals(Map.of(OPEN, CheckStatus.FAIL, PARTIAL, CheckStatus.PASS,
        LOCKED, CheckStatus.PASS, VAULT, CheckStatus.PASS),
        statuses(new S3BucketAclNotPublicCheck()));
    assertEquals(Map.of(OPEN, CheckStatus.FAIL, PARTIAL, CheckStatus.FAIL,
        LOCKED, CheckStatus.PASS, VAULT, CheckStatus.FAIL),
        statuses(new S3BucketSecureTransportEnforcedCheck()));
    assertEquals(Map.of(OPEN, CheckStatus.FAIL, PARTIAL, CheckStatus.FAIL,
        LOCKED, CheckStatus.PASS, VAULT, CheckStatus.FAIL),
        statuses(new S3BucketAccessLoggingEnabledCheck()));
    assertEquals(Map.of(OPEN, CheckStatus.FAIL, PARTIAL, CheckStatus.FAIL,
        LOCKED, CheckStatus.FAIL, VAULT, CheckStatus.PASS),
        statuses(new S3BucketObjectLockEnabledCheck()));
  }

  @Test
  void load_readsAccountLevelBlockPublicAccess_throughS3Control(AwsEmulator emulator) {
    var control = clients.client(S3ControlClient.class, () -> S3ControlClient.builder()
        .endpointProvider(S3SnapshotLoader.withoutAccountHostOnCustomEndpoint(
            S3ControlEndpointProvider.defaultProvider())), Region.of(emulator.region()));
    var check = new S3AccountPublicAccessBlockedCheck();
    try {
      // GIVEN an account-level block with RestrictPublicBuckets off
      control.putPublicAccessBlock(r -> r.accountId(target.accountId())
          .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true).ignorePublicAcls(true)
              .blockPublicPolicy(true).restrictPublicBuckets(false)));
      // WHEN
      var loaded = new S3SnapshotLoader(clients).load(target);
      // THEN
      assertEquals(Lookup.found(S3Snapshot.PublicAccessBlock.of(true, true, true, false)),
          loaded.accountPublicAccessBlock());
      var o = check.evaluate(loaded, target).get(0);
      assertEquals(CheckStatus.FAIL, o.status());
      assertEquals("account " + target.accountId()
          + ": account-level RestrictPublicBuckets is off", o.reason());
      // AND the ACL check now sees the open bucket's public ACL neutralised by the account
      var acl = new S3BucketAclNotPublicCheck().evaluate(loaded, target).stream()
          .filter(x -> x.resourceArn().endsWith(OPEN)).findFirst().orElseThrow();
      assertEquals(CheckStatus.PASS, acl.status());
    } finally {
      control.deletePublicAccessBlock(r -> r.accountId(target.accountId()));
    }
    // WHEN the block is gone THEN it is read as "no configuration"
    var cleared = new S3SnapshotLoader(clients).load(target);
    assertEquals(Lookup.found(S3Snapshot.PublicAccessBlock.NONE),
        cleared.accountPublicAccessBlock());
  }

  @Test
  void load_readsConfiguredSettings() {
    var partial = ours.get(PARTIAL);
    assertEquals(Lookup.found(S3Snapshot.PublicAccessBlock.of(false, true, true, false)),
        partial.publicAccessBlock());
    assertEquals(Lookup.found("AES256"), partial.defaultEncryption());
    assertEquals(Lookup.found("Suspended"), partial.versioning());
    var locked = ours.get(LOCKED);
    assertEquals(Lookup.found(S3Snapshot.PublicAccessBlock.of(true, true, true, true)),
        locked.publicAccessBlock());
    assertEquals(Lookup.found("aws:kms"), locked.defaultEncryption());
    assertEquals(Lookup.found("Enabled"), locked.versioning());
  }

  @Test
  void checks_judgeTheLoadedBuckets() {
    var publicAccess = statuses(new S3BucketPublicAccessBlockedCheck());
    assertEquals(Map.of(OPEN, CheckStatus.FAIL, PARTIAL, CheckStatus.FAIL,
        LOCKED, CheckStatus.PASS, VAULT, CheckStatus.FAIL), publicAccess);
    assertEquals(Map.of(OPEN, CheckStatus.FAIL, PARTIAL, CheckStatus.PASS,
        LOCKED, CheckStatus.PASS, VAULT, CheckStatus.FAIL),
        statuses(new S3BucketDefaultEncryptionEnabledCheck()));
    assertEquals(Map.of(OPEN, CheckStatus.FAIL, PARTIAL, CheckStatus.FAIL,
        LOCKED, CheckStatus.PASS, VAULT, CheckStatus.PASS),
        statuses(new S3BucketVersioningEnabledCheck()));
    var reason = new S3BucketPublicAccessBlockedCheck().evaluate(snapshot, target).stream()
        .filter(o -> o.resourceArn().endsWith(PARTIAL)).findFirst().orElseThrow().reason();
    assertEquals("bucket " + PARTIAL + ": BlockPublicAcls and RestrictPublicBuckets are off",
        reason);
    assertTrue(snapshot.buckets().size() >= 3);
  }

  private static Map<String, CheckStatus> statuses(EvidenceCheck<S3Snapshot> check) {
    return check.evaluate(snapshot, target).stream()
        .filter(o -> o.resourceArn().endsWith(SUFFIX))
        .collect(Collectors.toMap(o -> o.resourceArn().substring("arn:aws:s3:::".length()),
            Observation::status));
  }

  /**
   * Adds grants to a group by writing the whole ACL in the request body (the canned-ACL header
   * form sends an empty PUT, which the emulator refuses with 411).
   */
  private static void grantToGroup(
      S3Client s3, String bucket, String group, Permission... permissions) {
    var owner = s3.getBucketAcl(r -> r.bucket(bucket)).owner();
    var grants = new ArrayList<Grant>();
    grants.add(Grant.builder().permission(Permission.FULL_CONTROL)
        .grantee(g -> g.type(Type.CANONICAL_USER).id(owner.id())).build());
    for (var p : permissions) {
      var uri = "http://acs.amazonaws.com/groups/"
          + (group.equals("LogDelivery") ? "s3/" : "global/") + group;
      grants.add(Grant.builder().permission(p).grantee(g -> g.type(Type.GROUP).uri(uri)).build());
    }
    s3.putBucketAcl(r -> r.bucket(bucket).accessControlPolicy(a -> a.owner(owner).grants(grants)));
  }

  private static S3Client s3(String region) {
    return clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true),
        Region.of(region));
  }
}
