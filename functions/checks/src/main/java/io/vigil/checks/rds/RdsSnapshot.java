package io.vigil.checks.rds;

import io.vigil.checks.Lookup;
import java.util.List;
import java.util.Objects;

/**
 * The RDS resources of one account in one region.
 *
 * @param instances every DB instance DescribeDBInstances returned
 * @param clusters every DB cluster DescribeDBClusters returned (Aurora and Multi-AZ DB clusters)
 * @param snapshots the manual DB snapshots (automated snapshots cannot be shared, so they are not
 *     listed)
 */
public record RdsSnapshot(
    List<DbInstance> instances, List<DbCluster> clusters, List<DbSnapshot> snapshots) {

  public RdsSnapshot {
    instances = List.copyOf(instances);
    clusters = List.copyOf(clusters);
    snapshots = List.copyOf(snapshots);
  }

  /**
   * One DB instance, as DescribeDBInstances describes it.
   *
   * @param clusterId the DB cluster the instance belongs to (Aurora), or null for a standalone
   *     instance; storage, backups and deletion protection of a member are the cluster's
   * @param kmsKeyId the key encrypting the storage, or null
   * @param backupRetentionDays automated backup retention in days; 0 means automated backups are
   *     off
   */
  public record DbInstance(
      String id,
      String arn,
      String engine,
      String clusterId,
      boolean storageEncrypted,
      String kmsKeyId,
      boolean publiclyAccessible,
      int backupRetentionDays,
      boolean multiAz,
      boolean deletionProtection,
      boolean autoMinorVersionUpgrade) {

    public DbInstance {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(engine, "engine");
    }

    /** The instance is a member of a DB cluster, which owns its storage and backups. */
    public boolean clusterMember() {
      return clusterId != null && !clusterId.isBlank();
    }
  }

  /**
   * One DB cluster, as DescribeDBClusters describes it.
   *
   * @param kmsKeyId the key encrypting the storage, or null
   */
  public record DbCluster(
      String id,
      String arn,
      String engine,
      boolean storageEncrypted,
      String kmsKeyId,
      int backupRetentionDays,
      boolean deletionProtection) {

    public DbCluster {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(engine, "engine");
    }
  }

  /**
   * One manual DB snapshot.
   *
   * @param instanceId the DB instance it was taken from
   * @param restoreAccounts DescribeDBSnapshotAttributes' {@code restore} attribute: the account
   *     ids allowed to copy or restore the snapshot, {@code all} when it is public
   */
  public record DbSnapshot(
      String id,
      String arn,
      String instanceId,
      boolean encrypted,
      Lookup<List<String>> restoreAccounts) {

    /** The value of the {@code restore} attribute that makes a snapshot public. */
    public static final String ALL = "all";

    public DbSnapshot {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(restoreAccounts, "restoreAccounts");
    }
  }
}
