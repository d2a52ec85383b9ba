package io.vigil.checks.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.EmulatorTargets;
import io.vigil.checks.Lookup;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.ScanTarget;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The CloudTrail loader against the emulator. Trails are account-wide, so the tests that need to
 * know every trail of the account reset the emulator and run only against this JVM's own moto.
 */
@WithAwsEmulator
class CloudTrailSnapshotLoaderIT {

  private static final String SUFFIX = EmulatorTargets.uniqueSuffix();
  private static final String OTHER_REGION = "us-east-1";

  private static AwsClientFactory clients;
  private static ScanTarget target;
  private static CloudTrailSnapshotLoader loader;
  private final CloudtrailMultiRegionTrailEnabledCheck check =
      new CloudtrailMultiRegionTrailEnabledCheck();

  @BeforeAll
  static void setUp(AwsEmulator emulator) {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    loader = new CloudTrailSnapshotLoader(clients);
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void check_fails_whenAccountHasNoTrail(AwsEmulator emulator) {
    // GIVEN an empty account
    assumeTrue(emulator.isEmbeddedMoto(), "needs an account with no trail");
    emulator.resetIfEmbedded();
    // WHEN
    var snapshot = loader.load(target);
    // THEN
    assertEquals(0, snapshot.trails().size());
    var o = check.evaluate(snapshot, target).get(0);
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("arn:aws:cloudtrail::" + target.accountId() + ":*", o.resourceArn());
  }

  @Test
  void load_seesMultiRegionTrailOfAnotherRegion_withItsStatus() {
    // GIVEN a logging multi-region trail with validation, home us-east-1
    var multi = "vigil-multi-" + SUFFIX;
    var bucket = bucket();
    var home = cloudtrail(OTHER_REGION);
    home.createTrail(r -> r.name(multi).s3BucketName(bucket).isMultiRegionTrail(true)
        .enableLogFileValidation(true));
    home.startLogging(r -> r.name(multi));
    // AND a regional trail in the scanned region that is not logging
    var regional = "vigil-regional-" + SUFFIX;
    cloudtrail(target.region()).createTrail(r -> r.name(regional).s3BucketName(bucket));
    // WHEN
    var snapshot = loader.load(target);
    // THEN
    var trails = snapshot.trails().stream()
        .collect(Collectors.toMap(CloudTrailSnapshot.Trail::name, t -> t));
    var m = trails.get(multi);
    assertEquals(OTHER_REGION, m.homeRegion());
    assertEquals(true, m.multiRegion());
    assertEquals(true, m.logFileValidation());
    assertEquals(Lookup.found(true), m.logging());
    var r = trails.get(regional);
    assertEquals(false, r.multiRegion());
    assertEquals(Lookup.found(false), r.logging());
    assertEquals(CheckStatus.PASS, check.evaluate(snapshot, target).get(0).status());
  }

  @Test
  void check_fails_whenMultiRegionTrailIsNotLogging(AwsEmulator emulator) {
    // GIVEN the only multi-region trail has validation but was never started
    assumeTrue(emulator.isEmbeddedMoto(), "needs an account with only this trail");
    emulator.resetIfEmbedded();
    var name = "vigil-stopped-" + SUFFIX;
    var bucket = bucket();
    cloudtrail(target.region()).createTrail(r -> r.name(name).s3BucketName(bucket)
        .isMultiRegionTrail(true).enableLogFileValidation(true));
    // WHEN
    var o = check.evaluate(loader.load(target), target).get(0);
    // THEN
    assertEquals(CheckStatus.FAIL, o.status());
    assertEquals("account " + target.accountId() + ": no multi-region trail is both logging and"
        + " validating log files (" + name + ": not logging)", o.reason());
  }

  @Test
  void load_readsKmsKeyAndLogGroup_andTheTrailChecksJudgeThem() {
    // GIVEN a trail with a KMS key and CloudWatch Logs delivery, and a plain one
    var kms = clients.client(KmsClient.class, KmsClient::builder, Region.of(target.region()));
    var key = kms.createKey(r -> r.description("vigil trail key")).keyMetadata().arn();
    var group = "arn:aws:logs:" + target.region() + ":" + target.accountId()
        + ":log-group:vigil-trail-" + SUFFIX + ":*";
    var full = "vigil-full-" + SUFFIX;
    var plain = "vigil-plain-" + SUFFIX;
    var trails = cloudtrail(target.region());
    trails.createTrail(r -> r.name(full).s3BucketName(bucket()).kmsKeyId(key)
        .cloudWatchLogsLogGroupArn(group)
        .cloudWatchLogsRoleArn("arn:aws:iam::" + target.accountId() + ":role/trail-logs")
        .enableLogFileValidation(true));
    trails.createTrail(r -> r.name(plain).s3BucketName(bucket()));
    // WHEN
    var snapshot = loader.load(target);
    // THEN
    var byName = snapshot.trails().stream()
        .collect(Collectors.toMap(CloudTrailSnapshot.Trail::name, t -> t));
    assertTrue(byName.get(full).kmsKeyId().endsWith(key.substring(key.lastIndexOf('/') + 1)),
        byName.get(full).kmsKeyId());
    assertEquals(group, byName.get(full).logGroupArn());
    assertEquals("", byName.get(plain).kmsKeyId());
    assertEquals("", byName.get(plain).logGroupArn());
    assertEquals(Map.of(full, CheckStatus.PASS, plain, CheckStatus.FAIL),
        statuses(new CloudtrailTrailKmsEncryptedCheck(), snapshot, full, plain));
    assertEquals(Map.of(full, CheckStatus.PASS, plain, CheckStatus.FAIL),
        statuses(new CloudtrailTrailCloudwatchLogsIntegratedCheck(), snapshot, full, plain));
    assertEquals(Map.of(full, CheckStatus.PASS, plain, CheckStatus.FAIL),
        statuses(new CloudtrailTrailLogFileValidationEnabledCheck(), snapshot, full, plain));
  }

  private static Map<String, CheckStatus> statuses(
      EvidenceCheck<CloudTrailSnapshot> check, CloudTrailSnapshot snapshot, String... names) {
    var wanted = List.of(names);
    return check.evaluate(snapshot, target).stream()
        .map(o -> Map.entry(o.resourceArn().substring(o.resourceArn().lastIndexOf('/') + 1),
            o.status()))
        .filter(e -> wanted.contains(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static String bucket() {
    var name = "vigil-trail-" + EmulatorTargets.uniqueSuffix();
    clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true),
            Region.of(target.region()))
        .createBucket(r -> r.bucket(name)
            .createBucketConfiguration(c -> c.locationConstraint(target.region())));
    return name;
  }

  private static CloudTrailClient cloudtrail(String region) {
    return clients.client(CloudTrailClient.class, CloudTrailClient::builder, Region.of(region));
  }
}
