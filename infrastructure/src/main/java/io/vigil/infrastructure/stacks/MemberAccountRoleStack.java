package io.vigil.infrastructure.stacks;

import io.vigil.infrastructure.VigilConfig;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * The role Vigil's collector assumes in a member account: read-only auditing (AWS managed
 * {@code SecurityAudit}), trusted only by the collector role of the Vigil account and only with the
 * ExternalId. A self-contained template with parameters and no assets or bootstrap check, so it can
 * be deployed to every member account as a CloudFormation StackSet (or as a plain stack).
 *
 * <p>The trust policy names the Vigil account as principal and the collector role in an
 * {@code aws:PrincipalArn} condition (rather than the role ARN as principal), so the member
 * roles can be created before the collector role exists and keep working if it is re-created.
 */
public final class MemberAccountRoleStack extends Stack {

  private final Role role;

  public MemberAccountRoleStack(Construct scope, String id, VigilConfig config) {
    super(scope, id, StackProps.builder()
        .description("Vigil member-account role: read-only auditing (SecurityAudit) for the Vigil"
            + " collector, with ExternalId (deploy as a StackSet to every member account)")
        .synthesizer(DefaultStackSynthesizer.Builder.create()
            .generateBootstrapVersionRule(false)
            .build())
        .analyticsReporting(false)
        .build());

    var vigilAccount = CfnParameter.Builder.create(this, "VigilAccountId")
        .type("String")
        .description("The AWS account where Vigil (its collector role) runs")
        .allowedPattern("\\d{12}");
    config.account.ifPresent(vigilAccount::defaultValue);
    var vigilAccountId = vigilAccount.build();
    var collectorRoleName = CfnParameter.Builder.create(this, "CollectorRoleName")
        .type("String")
        .description("Name of the Vigil collector role in that account")
        .defaultValue(config.collectorRoleName)
        .allowedPattern("[\\w+=,.@-]{1,64}")
        .build();
    var memberRoleName = CfnParameter.Builder.create(this, "MemberRoleName")
        .type("String")
        .description("Name of this role (the collector's vigil.member-role-name)")
        .defaultValue(config.memberRoleName)
        .allowedPattern("[\\w+=,.@-]{1,64}")
        .build();
    var externalId = CfnParameter.Builder.create(this, "ExternalId")
        .type("String")
        .description("ExternalId the collector presents (its vigil.member-external-id)")
        .minLength(2)
        .maxLength(1224)
        .allowedPattern("[\\w+=,.@:/-]+");
    config.memberExternalId.ifPresent(externalId::defaultValue);
    var externalIdParam = externalId.build();

    var collectorArn = "arn:" + Aws.PARTITION + ":iam::" + vigilAccountId.getValueAsString()
        + ":role/" + collectorRoleName.getValueAsString();
    this.role = Role.Builder.create(this, "MemberRole")
        .roleName(memberRoleName.getValueAsString())
        .description("Read-only auditing by the Vigil collector (ISO/IEC 27001 evidence)")
        .assumedBy(new AccountPrincipal(vigilAccountId.getValueAsString())
            .withConditions(Map.of(
                "StringEquals", Map.of("sts:ExternalId", externalIdParam.getValueAsString()),
                "ArnEquals", Map.of("aws:PrincipalArn", collectorArn))))
        .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName("SecurityAudit")))
        .maxSessionDuration(Duration.hours(1))
        .build();

    CfnOutput.Builder.create(this, "MemberRoleArn").value(role.getRoleArn()).build();
  }

  public Role role() {
    return role;
  }
}
