package io.vigil.checks.kms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.EmulatorTargets;
import io.vigil.checks.Lookup;
import io.vigil.checks.internal.PolicyDocument;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
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
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/** The KMS loader against the emulator: rotating, non-rotating, disabled and asymmetric keys. */
@WithAwsEmulator
class KmsSnapshotLoaderIT {

  private static AwsClientFactory clients;
  private static ScanTarget target;
  private static String rotating;
  private static String notRotating;
  private static String disabled;
  private static String asymmetric;
  private static String doomed;
  private static String shared;
  private static KmsSnapshot snapshot;

  @BeforeAll
  static void seedAndLoad(AwsEmulator emulator) {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    var kms = clients.client(KmsClient.class, KmsClient::builder, Region.of(emulator.region()));
    // GIVEN
    rotating = kms.createKey(r -> r.description("vigil rotating")).keyMetadata().keyId();
    kms.enableKeyRotation(r -> r.keyId(rotating));
    notRotating = kms.createKey(r -> r.description("vigil static")).keyMetadata().keyId();
    disabled = kms.createKey(r -> r.description("vigil disabled")).keyMetadata().keyId();
    kms.disableKey(r -> r.keyId(disabled));
    asymmetric = kms.createKey(r -> r.keySpec(KeySpec.RSA_2048)
        .keyUsage(KeyUsageType.SIGN_VERIFY)).keyMetadata().keyId();
    doomed = kms.createKey(r -> r.description("vigil doomed")).keyMetadata().keyId();
    kms.scheduleKeyDeletion(r -> r.keyId(doomed).pendingWindowInDays(7));
    shared = kms.createKey(r -> r.description("vigil shared")).keyMetadata().keyId();
    kms.putKeyPolicy(r -> r.keyId(shared).policyName("default").policy("{\"Version\":"
        + "\"2012-10-17\",\"Statement\":[{\"Sid\":\"Root\",\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + target.accountId() + ":root\"},"
        + "\"Action\":\"kms:*\",\"Resource\":\"*\"},{\"Sid\":\"Everyone\",\"Effect\":"
        + "\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}"));
    // WHEN
    snapshot = new KmsSnapshotLoader(clients).load(target);
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void load_describesEveryKey_andReadsRotationOnlyWhereItApplies() {
    var keys = snapshot.keys().stream().collect(Collectors.toMap(KmsSnapshot.Key::id, k -> k));
    assertEquals(Lookup.found(true), keys.get(rotating).rotationEnabled());
    assertEquals(Lookup.found(false), keys.get(notRotating).rotationEnabled());
    assertEquals("Disabled", keys.get(disabled).description().value().state());
    assertEquals(Lookup.absent(), keys.get(disabled).rotationEnabled());
    assertEquals("RSA_2048", keys.get(asymmetric).description().value().spec());
    assertEquals(Lookup.absent(), keys.get(asymmetric).rotationEnabled());
    assertEquals("CUSTOMER", keys.get(rotating).description().value().manager());
  }

  @Test
  void load_readsDeletionDateAndKeyPolicies_andTheNewChecksJudgeThem() {
    var keys = snapshot.keys().stream().collect(Collectors.toMap(KmsSnapshot.Key::id, k -> k));
    assertEquals("PendingDeletion", keys.get(doomed).description().value().state());
    assertTrue(keys.get(doomed).description().value().deletionDate() != null);
    assertEquals(List.of(), keys.get(rotating).policy().value().publicStatements());
    assertEquals(List.of("Everyone"), keys.get(shared).policy().value().publicStatements().stream()
        .map(PolicyDocument.Statement::label).toList());
    var deletion = byKey(new KmsKeyNotScheduledForDeletionCheck().evaluate(snapshot, target));
    assertEquals(CheckStatus.FAIL, deletion.get(doomed));
    assertEquals(CheckStatus.PASS, deletion.get(rotating));
    assertEquals(CheckStatus.PASS, deletion.get(disabled));
    var exposure = byKey(new KmsKeyPolicyNotPublicCheck().evaluate(snapshot, target));
    assertEquals(CheckStatus.FAIL, exposure.get(shared));
    assertEquals(CheckStatus.PASS, exposure.get(notRotating));
  }

  private static Map<String, CheckStatus> byKey(List<Observation> observations) {
    return observations.stream().collect(Collectors.toMap(o -> o.resourceArn().substring(
        o.resourceArn().lastIndexOf('/') + 1), Observation::status));
  }

  @Test
  void check_judgesTheLoadedKeys() {
    Map<String, CheckStatus> statuses = new KmsCmkRotationEnabledCheck()
        .evaluate(snapshot, target).stream()
        .collect(Collectors.toMap(o -> o.resourceArn().substring(
            o.resourceArn().lastIndexOf('/') + 1), Observation::status));
    assertEquals(CheckStatus.PASS, statuses.get(rotating));
    assertEquals(CheckStatus.FAIL, statuses.get(notRotating));
    assertEquals(CheckStatus.NOT_APPLICABLE, statuses.get(disabled));
    assertEquals(CheckStatus.NOT_APPLICABLE, statuses.get(asymmetric));
  }
}
