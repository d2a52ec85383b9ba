package io.vigil.checks.ec2;

import io.vigil.checks.ResourceCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;

/**
 * Every instance that is not terminated requires IMDSv2 session tokens (HttpTokens required), or
 * has the instance metadata endpoint switched off.
 */
@Singleton
public final class Ec2InstanceImdsv2RequiredCheck
    extends ResourceCheck<Ec2Snapshot, Ec2Snapshot.Instance> {

  private static final CheckMetadata METADATA = CheckMetadata.builder(
          "ec2_instance_imdsv2_required")
      .title("EC2 instance requires IMDSv2 session tokens for instance metadata")
      .resourceType("AWS::EC2::Instance")
      .severity(Severity.HIGH)
      .primary("A.8.9")
      .supporting("A.8.20")
      .rationale("With IMDSv1 a single server-side request forgery or open proxy on the instance"
          + " lets an attacker read the instance role's temporary credentials from"
          + " 169.254.169.254, as in the Capital One breach. Requiring IMDSv2 session tokens"
          + " closes that path and is a baseline secure configuration (A.8.9) of every instance;"
          + " it also limits what a network-level flaw can reach (A.8.20). An instance with the"
          + " metadata endpoint disabled passes.")
      .remediation("aws ec2 modify-instance-metadata-options --instance-id ID --http-tokens"
          + " required --http-endpoint enabled; set it in launch templates (MetadataOptions"
          + " HttpTokens=required, CDK: requireImdsv2: true) and make it the account default"
          + " (aws ec2 modify-instance-metadata-defaults --http-tokens required).")
      .build();

  public Ec2InstanceImdsv2RequiredCheck() {
    super(METADATA, Ec2Snapshot.class, Ec2Snapshot::instances);
  }

  @Override
  protected Observation judge(Ec2Snapshot.Instance instance, ScanTarget target) {
    var subject = instance.subject();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("state", instance.state());
    evidence.put("HttpTokens", instance.httpTokens());
    evidence.put("HttpEndpoint", instance.httpEndpoint());
    if ("disabled".equals(instance.httpEndpoint())) {
      return Observation.pass(instance.arn(),
          subject + ": the instance metadata endpoint is disabled", evidence);
    }
    return Observation.of("required".equals(instance.httpTokens()), instance.arn(),
        subject + ": IMDSv2 session tokens are required",
        subject + ": IMDSv1 is allowed (HttpTokens "
            + (instance.httpTokens().isEmpty() ? "unknown" : instance.httpTokens()) + ")",
        evidence);
  }
}
