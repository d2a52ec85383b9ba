package io.vigil.checks.ec2;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.Map;

/** Every EBS snapshot the account owns is encrypted. */
@Singleton
public final class Ec2EbsSnapshotEncryptedCheck
    extends ResourceCheck<Ec2Snapshot, Ec2Snapshot.EbsSnapshot> {

  private static final CheckMetadata METADATA = CheckMetadata.builder("ec2_ebs_snapshot_encrypted")
      .title("EBS snapshot owned by the account is encrypted")
      .resourceType("AWS::EC2::Snapshot")
      .severity(Severity.MEDIUM)
      .primary("A.8.24")
      .supporting("A.8.13")
      .rationale("Snapshots are full copies of volume data kept for months as backups and"
          + " shared or copied across accounts and regions. An unencrypted snapshot is readable"
          + " by anyone it is shared with, and only encrypted snapshots can be restricted by KMS"
          + " key policy. Encrypting them applies the rules on the use of cryptography (A.8.24)"
          + " to backup copies (A.8.13).")
      .remediation("aws ec2 copy-snapshot --source-snapshot-id ID --source-region REGION"
          + " --encrypted --kms-key-id KEY, switch restore procedures and AWS Backup plans to"
          + " the copy, then delete the unencrypted original (aws ec2 delete-snapshot).")
      .build();

  public Ec2EbsSnapshotEncryptedCheck() {
    super(METADATA, Ec2Snapshot.class, Ec2Snapshot::snapshots);
  }

  @Override
  protected Observation judge(Ec2Snapshot.EbsSnapshot snapshot, ScanTarget target) {
    var subject = "snapshot " + snapshot.id()
        + (snapshot.volumeId().isEmpty() ? "" : " of " + snapshot.volumeId());
    return Observation.of(snapshot.encrypted(), snapshot.arn(),
        subject + ": is encrypted",
        subject + ": is not encrypted",
        Map.of("encrypted", snapshot.encrypted()));
  }
}
