package io.vigil.checks.ec2;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.Map;

/** No AMI the account owns has public launch permissions. */
@Singleton
public final class Ec2AmiNotPublicCheck extends ResourceCheck<Ec2Snapshot, Ec2Snapshot.Image> {

  private static final CheckMetadata METADATA = CheckMetadata.builder("ec2_ami_not_public")
      .title("AMI owned by the account is not shared publicly")
      .resourceType("AWS::EC2::Image")
      .severity(Severity.HIGH)
      .primary("A.8.3")
      .supporting("A.8.12")
      .rationale("A public AMI can be launched by any AWS account, which then holds a copy of"
          + " the image's disks: application code, configuration, embedded keys and"
          + " credentials. Unless the image is deliberately published software, restricting"
          + " access to information (A.8.3) and preventing data leakage (A.8.12) require that"
          + " it is private or shared with named accounts only.")
      .remediation("aws ec2 modify-image-attribute --image-id ID --launch-permission"
          + " \"Remove=[{Group=all}]\"; share with specific accounts or the organization"
          + " instead, and turn on block public access for AMIs (aws ec2"
          + " enable-image-block-public-access --image-block-public-access-state"
          + " block-new-sharing).")
      .build();

  public Ec2AmiNotPublicCheck() {
    super(METADATA, Ec2Snapshot.class, Ec2Snapshot::images);
  }

  @Override
  protected Observation judge(Ec2Snapshot.Image image, ScanTarget target) {
    var subject = "AMI " + image.id() + (image.name().isEmpty() ? "" : " (" + image.name() + ")");
    return Observation.of(!image.isPublic(), image.arn(),
        subject + ": is private",
        subject + ": is public, any AWS account can launch it",
        Map.of("public", image.isPublic()));
  }
}
