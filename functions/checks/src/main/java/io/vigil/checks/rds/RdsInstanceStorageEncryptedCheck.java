package io.vigil.checks.rds;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/** Every DB instance encrypts its storage (and so its backups, snapshots and replicas). */
@Singleton
public final class RdsInstanceStorageEncryptedCheck
    extends ResourceCheck<RdsSnapshot, RdsSnapshot.DbInstance> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("rds_instance_storage_encrypted")
          .title("RDS DB instance encrypts its storage at rest")
          .resourceType("AWS::RDS::DBInstance")
          .severity(Severity.HIGH)
          .primary("A.8.24")
          .rationale("Encryption at rest is part of the use of cryptography (A.8.24): an"
              + " encrypted DB instance also encrypts its automated backups, snapshots, read"
              + " replicas and logs, so copies of the database are protected by KMS access"
              + " control. Encryption can only be chosen when the instance is created.")
          .remediation("Encryption cannot be turned on in place: snapshot the instance, copy the"
              + " snapshot with --kms-key-id (aws rds copy-db-snapshot ... --kms-key-id KEY),"
              + " restore a new instance from the encrypted copy and switch clients over"
              + " (CDK: storageEncrypted: true).")
          .build();

  public RdsInstanceStorageEncryptedCheck() {
    super(METADATA, RdsSnapshot.class, RdsSnapshot::instances);
  }

  @Override
  protected Observation judge(RdsSnapshot.DbInstance db, ScanTarget target) {
    var subject = "DB instance " + db.id();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("Engine", db.engine());
    evidence.put("StorageEncrypted", db.storageEncrypted());
    if (db.kmsKeyId() != null) {
      evidence.put("KmsKeyId", db.kmsKeyId());
    }
    return Observation.of(db.storageEncrypted(), db.arn(),
        subject + ": storage is encrypted",
        subject + ": storage is not encrypted", evidence);
  }
}
