package io.vigil.checks.rds;

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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The RDS loader against the emulator: a hardened and a careless instance, two clusters and two
 * manual snapshots, one of them public.
 */
@WithAwsEmulator
class RdsSnapshotLoaderIT {

  private static final String SUFFIX = EmulatorTargets.uniqueSuffix();
  private static final String GOOD = "vigil-good-" + SUFFIX;
  private static final String BAD = "vigil-bad-" + SUFFIX;
  private static final String GOOD_CLUSTER = "vigil-enc-" + SUFFIX;
  private static final String BAD_CLUSTER = "vigil-plain-" + SUFFIX;
  private static final String PRIVATE_SNAP = "vigil-private-" + SUFFIX;
  private static final String PUBLIC_SNAP = "vigil-public-" + SUFFIX;

  private static AwsClientFactory clients;
  private static ScanTarget target;
  private static RdsSnapshot snapshot;

  @BeforeAll
  static void seedAndLoad(AwsEmulator emulator) {
    clients = EmulatorTargets.factory(emulator);
    target = EmulatorTargets.target(clients, emulator);
    var rds = clients.client(RdsClient.class, RdsClient::builder, Region.of(emulator.region()));
    // GIVEN
    rds.createDBInstance(r -> r.dbInstanceIdentifier(GOOD).engine("postgres")
        .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin")
        .masterUserPassword("not-a-secret-1").storageEncrypted(true).publiclyAccessible(false)
        .backupRetentionPeriod(14).multiAZ(true).deletionProtection(true)
        .autoMinorVersionUpgrade(true));
    rds.createDBInstance(r -> r.dbInstanceIdentifier(BAD).engine("mysql")
        .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin")
        .masterUserPassword("not-a-secret-2").storageEncrypted(false).publiclyAccessible(true)
        .backupRetentionPeriod(0).multiAZ(false).deletionProtection(false)
        .autoMinorVersionUpgrade(false));
    rds.createDBCluster(r -> r.dbClusterIdentifier(GOOD_CLUSTER).engine("aurora-postgresql")
        .masterUsername("admin").masterUserPassword("not-a-secret-3").storageEncrypted(true)
        .deletionProtection(true).backupRetentionPeriod(14));
    rds.createDBCluster(r -> r.dbClusterIdentifier(BAD_CLUSTER).engine("aurora-mysql")
        .masterUsername("admin").masterUserPassword("not-a-secret-4").storageEncrypted(false)
        .backupRetentionPeriod(1));
    rds.createDBSnapshot(r -> r.dbInstanceIdentifier(GOOD).dbSnapshotIdentifier(PRIVATE_SNAP));
    rds.createDBSnapshot(r -> r.dbInstanceIdentifier(BAD).dbSnapshotIdentifier(PUBLIC_SNAP));
    rds.modifyDBSnapshotAttribute(r -> r.dbSnapshotIdentifier(PUBLIC_SNAP)
        .attributeName("restore").valuesToAdd("all"));
    // WHEN
    snapshot = new RdsSnapshotLoader(clients).load(target);
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void load_readsInstanceSettings() {
    var byId = snapshot.instances().stream()
        .collect(Collectors.toMap(RdsSnapshot.DbInstance::id, Function.identity()));
    var good = byId.get(GOOD);
    assertTrue(good.storageEncrypted());
    assertFalse(good.publiclyAccessible());
    assertEquals(14, good.backupRetentionDays());
    assertTrue(good.multiAz());
    assertTrue(good.deletionProtection());
    assertTrue(good.autoMinorVersionUpgrade());
    var bad = byId.get(BAD);
    assertFalse(bad.storageEncrypted());
    assertTrue(bad.publiclyAccessible());
    assertEquals(0, bad.backupRetentionDays());
    assertFalse(bad.multiAz());
    assertFalse(bad.deletionProtection());
    assertFalse(bad.autoMinorVersionUpgrade());
    assertEquals("mysql", bad.engine());
  }

  @Test
  void load_readsClustersAndSnapshotSharing() {
    var clusters = snapshot.clusters().stream()
        .collect(Collectors.toMap(RdsSnapshot.DbCluster::id, Function.identity()));
    assertTrue(clusters.get(GOOD_CLUSTER).storageEncrypted());
    assertTrue(clusters.get(GOOD_CLUSTER).deletionProtection());
    assertEquals(14, clusters.get(GOOD_CLUSTER).backupRetentionDays());
    assertFalse(clusters.get(BAD_CLUSTER).storageEncrypted());
    assertEquals(1, clusters.get(BAD_CLUSTER).backupRetentionDays());
    var snaps = snapshot.snapshots().stream()
        .collect(Collectors.toMap(RdsSnapshot.DbSnapshot::id, Function.identity()));
    assertEquals(Lookup.found(List.of("all")), snaps.get(PUBLIC_SNAP).restoreAccounts());
    assertEquals(Lookup.found(List.of()), snaps.get(PRIVATE_SNAP).restoreAccounts());
    assertEquals(GOOD, snaps.get(PRIVATE_SNAP).instanceId());
  }

  @Test
  void checks_judgeTheLoadedResources() {
    for (EvidenceCheck<RdsSnapshot> check : List.of(new RdsInstanceStorageEncryptedCheck(),
        new RdsInstanceNotPubliclyAccessibleCheck(), new RdsInstanceBackupRetention7DaysCheck(),
        new RdsInstanceMultiAzCheck(), new RdsInstanceDeletionProtectionEnabledCheck(),
        new RdsInstanceAutoMinorUpgradeEnabledCheck())) {
      var statuses = statuses(check);
      var id = check.metadata().id().value();
      assertEquals(CheckStatus.PASS, statuses.get(GOOD), id);
      assertEquals(CheckStatus.FAIL, statuses.get(BAD), id);
    }
    for (EvidenceCheck<RdsSnapshot> check : List.of(new RdsClusterStorageEncryptedCheck(),
        new RdsClusterDeletionProtectionEnabledCheck(),
        new RdsClusterBackupRetention7DaysCheck())) {
      var statuses = statuses(check);
      assertEquals(CheckStatus.PASS, statuses.get(GOOD_CLUSTER));
      assertEquals(CheckStatus.FAIL, statuses.get(BAD_CLUSTER));
    }
    var snaps = statuses(new RdsSnapshotNotPublicCheck());
    assertEquals(CheckStatus.PASS, snaps.get(PRIVATE_SNAP));
    assertEquals(CheckStatus.FAIL, snaps.get(PUBLIC_SNAP));
  }

  private static Map<String, CheckStatus> statuses(EvidenceCheck<RdsSnapshot> check) {
    return check.evaluate(snapshot, target).stream().collect(Collectors.toMap(
        o -> o.resourceArn().substring(o.resourceArn().lastIndexOf(':') + 1),
        Observation::status));
  }
}
