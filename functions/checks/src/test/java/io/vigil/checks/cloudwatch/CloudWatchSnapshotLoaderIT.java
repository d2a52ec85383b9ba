package io.vigil.checks.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.EmulatorTargets;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The CloudWatch Logs loader against the emulator: a kept and encrypted log group, a short-lived
 * one and one that never expires.
 */
@WithAwsEmulator
class CloudWatchSnapshotLoaderIT {

  private static final String SUFFIX = EmulatorTargets.uniqueSuffix();
  private static final String KEPT = "/vigil/kept-" + SUFFIX;
  private static final String SHORT = "/vigil/short-" + SUFFIX;
  private static final String FOREVER = "/vigil/forever-" + SUFFIX;

  private static AwsClientFactory clients;
  private static ScanTarget target;
  private static String keyArn;
  private static CloudWatchSnapshot snapshot;

  @BeforeAll
  static void seedAndLoad(AwsEmulator emulator) {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    var region = Region.of(emulator.region());
    var logs = clients.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder, region);
    // GIVEN
    keyArn = clients.client(KmsClient.class, KmsClient::builder, region)
        .createKey(r -> r.description("vigil logs")).keyMetadata().arn();
    logs.createLogGroup(r -> r.logGroupName(KEPT).kmsKeyId(keyArn));
    logs.putRetentionPolicy(r -> r.logGroupName(KEPT).retentionInDays(400));
    logs.createLogGroup(r -> r.logGroupName(SHORT));
    logs.putRetentionPolicy(r -> r.logGroupName(SHORT).retentionInDays(30));
    logs.createLogGroup(r -> r.logGroupName(FOREVER));
    // WHEN
    snapshot = new CloudWatchSnapshotLoader(clients).load(target);
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void load_readsRetentionAndKeyOfEveryGroup() {
    var groups = snapshot.logGroups().stream()
        .collect(Collectors.toMap(CloudWatchSnapshot.LogGroup::name, Function.identity()));
    assertEquals(400, groups.get(KEPT).retentionDays());
    assertEquals(keyArn, groups.get(KEPT).kmsKeyId());
    assertEquals(30, groups.get(SHORT).retentionDays());
    assertNull(groups.get(SHORT).kmsKeyId());
    assertNull(groups.get(FOREVER).retentionDays());
    assertEquals(groupArn(KEPT), groups.get(KEPT).arn());
    assertTrue(snapshot.logGroups().stream().noneMatch(g -> g.arn().endsWith(":*")));
  }

  @Test
  void checks_judgeTheLoadedGroups() {
    var retention = new CloudwatchLogGroupRetention365DaysCheck().evaluate(snapshot, target)
        .stream().collect(Collectors.toMap(Observation::resourceArn, Observation::status));
    assertEquals(CheckStatus.PASS, retention.get(groupArn(KEPT)));
    assertEquals(CheckStatus.FAIL, retention.get(groupArn(SHORT)));
    assertEquals(CheckStatus.PASS, retention.get(groupArn(FOREVER)));
    var kms = new CloudwatchLogGroupKmsEncryptedCheck().evaluate(snapshot, target)
        .stream().collect(Collectors.toMap(Observation::resourceArn, Observation::status));
    assertEquals(CheckStatus.PASS, kms.get(groupArn(KEPT)));
    assertEquals(CheckStatus.FAIL, kms.get(groupArn(SHORT)));
  }

  private static String groupArn(String name) {
    return "arn:aws:logs:" + target.region() + ":" + target.accountId() + ":log-group:" + name;
  }
}
