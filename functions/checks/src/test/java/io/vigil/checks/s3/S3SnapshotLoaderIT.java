package io.vigil.checks.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.EmulatorTargets;
import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** The S3 loader against the emulator, with a misconfigured, a partial and a locked bucket. */
@WithAwsEmulator
class S3SnapshotLoaderIT {

  private static final String SUFFIX = EmulatorTargets.uniqueSuffix();
  private static final String OPEN = "vigil-it-open-" + SUFFIX;
  private static final String PARTIAL = "vigil-it-partial-" + SUFFIX;
  private static final String LOCKED = "vigil-it-locked-" + SUFFIX;

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
    assertEquals(3, ours.size(), ours.keySet().toString());
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
        LOCKED, CheckStatus.PASS), publicAccess);
    assertEquals(Map.of(OPEN, CheckStatus.FAIL, PARTIAL, CheckStatus.PASS,
        LOCKED, CheckStatus.PASS), statuses(new S3BucketDefaultEncryptionEnabledCheck()));
    assertEquals(Map.of(OPEN, CheckStatus.FAIL, PARTIAL, CheckStatus.FAIL,
        LOCKED, CheckStatus.PASS), statuses(new S3BucketVersioningEnabledCheck()));
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

  private static S3Client s3(String region) {
    return clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true),
        Region.of(region));
  }
}
