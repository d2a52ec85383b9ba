package io.vigil.checks.ec2;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/** Every EBS volume of the region is encrypted at rest. */
@Singleton
public final class Ec2EbsVolumeEncryptedCheck
    extends ResourceCheck<Ec2Snapshot, Ec2Snapshot.Volume> {

  private static final CheckMetadata METADATA = CheckMetadata.builder("ec2_ebs_volume_encrypted")
      .title("EBS volume is encrypted at rest")
      .resourceType("AWS::EC2::Volume")
      .severity(Severity.MEDIUM)
      .primary("A.8.24")
      .rationale("An unencrypted volume leaves its data, and every snapshot taken from it, in"
          + " clear text on AWS storage, readable by anyone who can copy or share a snapshot."
          + " EBS encryption with KMS protects data at rest and in transit between instance and"
          + " storage, as the rules on the use of cryptography (A.8.24) require. Encryption by"
          + " default covers only new volumes, so existing ones are judged one by one.")
      .remediation("Volumes cannot be encrypted in place: snapshot the volume, copy the snapshot"
          + " with --encrypted --kms-key-id KEY (aws ec2 copy-snapshot), create a volume from"
          + " the copy and swap it in; then turn on encryption by default (aws ec2"
          + " enable-ebs-encryption-by-default). CDK: encrypted: true on volumes and block"
          + " devices.")
      .build();

  public Ec2EbsVolumeEncryptedCheck() {
    super(METADATA, Ec2Snapshot.class, Ec2Snapshot::volumes);
  }

  @Override
  protected Observation judge(Ec2Snapshot.Volume volume, ScanTarget target) {
    var subject = "volume " + volume.id();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("encrypted", volume.encrypted());
    evidence.put("state", volume.state());
    if (!volume.kmsKeyId().isEmpty()) {
      evidence.put("kmsKeyId", volume.kmsKeyId());
    }
    return Observation.of(volume.encrypted(), volume.arn(),
        subject + ": is encrypted" + (volume.kmsKeyId().isEmpty() ? ""
            : " with " + volume.kmsKeyId()),
        subject + " (" + volume.state() + "): is not encrypted",
        evidence);
  }
}
