package io.vigil.checks.rds;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/** Every DB cluster (Aurora or Multi-AZ DB cluster) encrypts its shared storage. */
@Singleton
public final class RdsClusterStorageEncryptedCheck
    extends ResourceCheck<RdsSnapshot, RdsSnapshot.DbCluster> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("rds_cluster_storage_encrypted")
          .title("RDS DB cluster encrypts its storage at rest")
          .resourceType("AWS::RDS::DBCluster")
          .severity(Severity.HIGH)
          .primary("A.8.24")
          .rationale("The cluster volume holds the data of every instance of an Aurora or"
              + " Multi-AZ DB cluster; encrypting it with KMS also encrypts its backups and"
              + " snapshots (use of cryptography, A.8.24). It can only be chosen when the"
              + " cluster is created.")
          .remediation("Snapshot the cluster, restore it with --storage-encrypted --kms-key-id"
              + " KEY (aws rds restore-db-cluster-from-snapshot) and switch clients over"
              + " (CDK: DatabaseCluster storageEncrypted: true).")
          .build();

  public RdsClusterStorageEncryptedCheck() {
    super(METADATA, RdsSnapshot.class, RdsSnapshot::clusters);
  }

  @Override
  protected Observation judge(RdsSnapshot.DbCluster cluster, ScanTarget target) {
    var subject = "DB cluster " + cluster.id();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("Engine", cluster.engine());
    evidence.put("StorageEncrypted", cluster.storageEncrypted());
    if (cluster.kmsKeyId() != null) {
      evidence.put("KmsKeyId", cluster.kmsKeyId());
    }
    return Observation.of(cluster.storageEncrypted(), cluster.arn(),
        subject + ": storage is encrypted",
        subject + ": storage is not encrypted", evidence);
  }
}
