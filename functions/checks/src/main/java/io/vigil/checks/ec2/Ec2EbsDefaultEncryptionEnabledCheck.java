package io.vigil.checks.ec2;

import io.vigil.checks.AccountCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * EBS encryption by default is on in the region. The resource is the region's EC2 scope
 * ({@code arn:aws:ec2:<region>:<account>:*}): the setting belongs to the account in that region.
 */
@Singleton
public final class Ec2EbsDefaultEncryptionEnabledCheck extends AccountCheck<Ec2Snapshot> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "ec2_ebs_default_encryption_enabled")
      .title("EBS encryption by default is enabled in the region")
      .resourceType("AWS::::Account")
      .severity(Severity.MEDIUM)
      .primary("A.8.24")
      .rationale("With encryption by default every new EBS volume and snapshot copy in the region"
          + " is encrypted at rest, whoever creates it and however (console, CLI, IaC, Auto"
          + " Scaling), which enforces the rules on the use of cryptography (A.8.24) instead of"
          + " relying on each template. Existing unencrypted volumes are not changed by it.")
      .remediation("aws ec2 enable-ebs-encryption-by-default --region REGION (optionally"
          + " aws ec2 modify-ebs-default-kms-key-id to use a customer managed key); repeat in"
          + " every region in use.")
      .build();

  public Ec2EbsDefaultEncryptionEnabledCheck() {
    super(METADATA, Ec2Snapshot.class);
  }

  @Override
  protected Observation judge(Ec2Snapshot snapshot, ScanTarget target) {
    var arn = target.scopeArn("ec2", false);
    var subject = "region " + target.region();
    var lookup = snapshot.ebsEncryptionByDefault();
    if (lookup.isFailed()) {
      return lookup.toErrorObservation(arn, subject);
    }
    var enabled = Boolean.TRUE.equals(lookup.value());
    return Observation.of(enabled, arn,
        subject + ": new EBS volumes are encrypted by default",
        subject + ": EBS encryption by default is off",
        Map.of("EbsEncryptionByDefault", enabled));
  }
}
