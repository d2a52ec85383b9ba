package io.vigil.checks.rds;

import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.internal.AwsCalls;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttribute;

/**
 * Loads the RDS resources of one region. Scope REGION: DB instances, clusters and snapshots are
 * regional.
 *
 * <p>Calls: DescribeDBInstances, DescribeDBClusters and DescribeDBSnapshots with
 * SnapshotType=manual (all paginated) once; DescribeDBSnapshotAttributes per manual snapshot. A
 * failing list call throws; a failing attribute read is recorded on that snapshot.
 */
@Singleton
public final class RdsSnapshotLoader implements SnapshotLoader<RdsSnapshot> {

  private static final String MANUAL = "manual";
  private static final String RESTORE = "restore";

  private final AwsClientFactory clients;

  public RdsSnapshotLoader(AwsClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public Class<RdsSnapshot> snapshotType() {
    return RdsSnapshot.class;
  }

  @Override
  public String service() {
    return "rds";
  }

  @Override
  public Scope scope() {
    return Scope.REGION;
  }

  @Override
  public RdsSnapshot load(ScanTarget target) {
    var rds = clients.forAccount(target.accountId()).client(RdsClient.class, RdsClient::builder, Region.of(target.region()));
    var instances = new ArrayList<RdsSnapshot.DbInstance>();
    for (var i : rds.describeDBInstancesPaginator(r -> { }).dbInstances()) {
      instances.add(new RdsSnapshot.DbInstance(i.dbInstanceIdentifier(), i.dbInstanceArn(),
          i.engine(), i.dbClusterIdentifier(), isTrue(i.storageEncrypted()), i.kmsKeyId(),
          isTrue(i.publiclyAccessible()), orZero(i.backupRetentionPeriod()), isTrue(i.multiAZ()),
          isTrue(i.deletionProtection()), isTrue(i.autoMinorVersionUpgrade())));
    }
    var clusters = new ArrayList<RdsSnapshot.DbCluster>();
    for (var c : rds.describeDBClustersPaginator(r -> { }).dbClusters()) {
      clusters.add(new RdsSnapshot.DbCluster(c.dbClusterIdentifier(), c.dbClusterArn(),
          c.engine(), isTrue(c.storageEncrypted()), c.kmsKeyId(),
          orZero(c.backupRetentionPeriod()), isTrue(c.deletionProtection())));
    }
    var snapshots = new ArrayList<RdsSnapshot.DbSnapshot>();
    for (var s : rds.describeDBSnapshotsPaginator(r -> r.snapshotType(MANUAL)).dbSnapshots()) {
      if (s.snapshotType() != null && !MANUAL.equals(s.snapshotType())) {
        continue;
      }
      var id = s.dbSnapshotIdentifier();
      var restore = AwsCalls.lookup("DescribeDBSnapshotAttributes", () -> rds
          .describeDBSnapshotAttributes(r -> r.dbSnapshotIdentifier(id))
          .dbSnapshotAttributesResult().dbSnapshotAttributes().stream()
          .filter(a -> RESTORE.equals(a.attributeName()))
          .map(DBSnapshotAttribute::attributeValues)
          .<List<String>>map(List::copyOf)
          .findFirst()
          .orElse(List.of()));
      snapshots.add(new RdsSnapshot.DbSnapshot(id, s.dbSnapshotArn(), s.dbInstanceIdentifier(),
          isTrue(s.encrypted()), restore));
    }
    return new RdsSnapshot(instances, clusters, snapshots);
  }

  private static boolean isTrue(Boolean b) {
    return Boolean.TRUE.equals(b);
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }
}
