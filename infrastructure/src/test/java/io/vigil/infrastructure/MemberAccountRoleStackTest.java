package io.vigil.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The member-account template: read-only, trusts only the collector with the ExternalId. */
class MemberAccountRoleStackTest {

  @Test
  void roleTrustsOnlyTheCollectorRoleWithTheExternalIdAndIsReadOnly() {
    var built = TestApps.full();
    var template = built.template(built.vigil().memberRole());
    template.resourceCountIs("AWS::IAM::Role", 1);
    template.resourceCountIs("AWS::IAM::Policy", 0);
    template.hasResourceProperties("AWS::IAM::Role", Map.of(
        "RoleName", Map.of("Ref", "MemberRoleName"),
        "MaxSessionDuration", 3600,
        "ManagedPolicyArns", List.of(Map.of("Fn::Join", List.of("", List.of("arn:",
            Map.of("Ref", "AWS::Partition"), ":iam::aws:policy/SecurityAudit")))),
        "AssumeRolePolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
            "Effect", "Allow",
            "Action", "sts:AssumeRole",
            "Principal", Map.of("AWS", Map.of("Fn::Join", List.of("", List.of("arn:",
                Map.of("Ref", "AWS::Partition"), ":iam::", Map.of("Ref", "VigilAccountId"),
                ":root")))),
            "Condition", Map.of(
                "StringEquals", Map.of("sts:ExternalId", Map.of("Ref", "ExternalId")),
                "ArnEquals", Map.of("aws:PrincipalArn", Map.of("Fn::Join", List.of("",
                    List.of("arn:", Map.of("Ref", "AWS::Partition"), ":iam::",
                        Map.of("Ref", "VigilAccountId"), ":role/",
                        Map.of("Ref", "CollectorRoleName")))))))))));
  }

  @Test
  void templateIsSelfContainedForAStackSet() {
    var built = TestApps.full();
    var json = built.template(built.vigil().memberRole()).toJSON();
    @SuppressWarnings("unchecked")
    var parameters = (Map<String, Map<String, Object>>) json.get("Parameters");
    assertEquals(List.of("CollectorRoleName", "ExternalId", "MemberRoleName", "VigilAccountId"),
        parameters.keySet().stream().sorted().toList(), "no BootstrapVersion parameter");
    assertFalse(json.containsKey("Rules"), "no bootstrap version check");
    assertEquals("111122223333", parameters.get("VigilAccountId").get("Default"));
    assertEquals("vigil-test-external-id", parameters.get("ExternalId").get("Default"));
    assertTrue(built.vigil().memberRole().getTemplateOptions() != null);
    // without context the ExternalId has no default: a StackSet must pass it
    var defaults = TestApps.defaults();
    @SuppressWarnings("unchecked")
    var p = (Map<String, Map<String, Object>>) defaults.template(defaults.vigil().memberRole())
        .toJSON().get("Parameters");
    assertFalse(p.get("ExternalId").containsKey("Default"));
    defaults.template(defaults.vigil().memberRole()).hasOutput("MemberRoleArn",
        Match.anyValue());
  }
}
