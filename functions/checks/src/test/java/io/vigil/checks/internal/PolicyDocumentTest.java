package io.vigil.checks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {

  @Test
  void parse_acceptsSingleStatementObjectAndStrings() {
    // GIVEN a statement given as an object, principal and action as plain strings
    var doc = PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}}");
    // THEN
    var s = doc.statements().get(0);
    assertEquals("#1", s.label());
    assertEquals(Map.of("*", List.of("*")), s.principals());
    assertEquals(List.of("s3:GetObject"), s.actions());
    assertTrue(s.appliesToEveryone());
    assertTrue(s.grantsPublicAccess());
    assertTrue(s.actionMatches("S3:getobject"));
    assertTrue(s.resourceMatches("arn:aws:s3:::b/x"));
    assertFalse(s.resourceMatches("arn:aws:s3:::b"));
  }

  @Test
  void grantsPublicAccess_isFalse_whenRestrictedByAccountOrNetworkCondition() {
    var doc = PolicyDocument.parse("{\"Statement\":["
        + "{\"Sid\":\"Vpc\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:*\","
        + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}},"
        + "{\"Sid\":\"Tls\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"*\"]},"
        + "\"Action\":\"s3:*\","
        + "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":true}}},"
        + "{\"Sid\":\"Wild\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\","
        + "\"Resource\":\"*\",\"Condition\":{\"StringLike\":{\"aws:PrincipalArn\":\"*\"}}},"
        + "{\"Sid\":\"Acct\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"},"
        + "\"Action\":\"s3:*\",\"Resource\":\"*\"},"
        + "{\"Sid\":\"Deny\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
        + "\"Resource\":\"*\"}]}");
    assertEquals(List.of("Tls", "Wild"),
        doc.publicStatements().stream().map(PolicyDocument.Statement::label).toList());
  }

  @Test
  void appliesToEveryone_isTrue_forAllowWithNotPrincipal() {
    var doc = PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"Allow\",\"NotPrincipal\":"
        + "{\"AWS\":\"arn:aws:iam::1:root\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
    assertTrue(doc.statements().get(0).notPrincipal());
    assertTrue(doc.statements().get(0).grantsPublicAccess());
  }

  @Test
  void grantsFullAdmin_onlyForEveryActionOnEveryResource() {
    var doc = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":["
        + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"*:*\"],\"Resource\":[\"*\"]},"
        + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::b\"},"
        + "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}]}");
    assertEquals(List.of(true, true, false, false, false),
        doc.statements().stream().map(PolicyDocument.Statement::grantsFullAdmin).toList());
    assertTrue(doc.statements().get(4).actionMatches("s3:GetObject"));
    assertFalse(doc.statements().get(4).actionMatches("iam:CreateUser"));
  }

  @Test
  void conditions_areFlattened_withValuesAsStrings() {
    var doc = PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
        + "\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":"
        + "{\"aws:SecureTransport\":false},\"NumericLessThan\":{\"s3:TlsVersion\":[1.2]}}}]}");
    var s = doc.statements().get(0);
    assertEquals(List.of(new PolicyDocument.Condition("Bool", "aws:SecureTransport",
            List.of("false")),
        new PolicyDocument.Condition("NumericLessThan", "s3:TlsVersion", List.of("1.2"))),
        s.conditions());
    assertTrue(s.hasConditionOn("AWS:securetransport"));
    assertEquals("statement #1 (Deny s3:*)", s.describe());
  }

  @Test
  void parse_rejectsDocumentsThatAreNotPolicies() {
    for (var bad : List.of("[]", "{}", "{\"Statement\":[1]}",
        "{\"Statement\":[{\"Action\":\"*\"}]}",
        "{\"Statement\":[{\"Effect\":\"allow\"}]}",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":1}]}",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{\"a\":1}}]}",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[[\"a\"]]}]}",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Condition\":[]}]}",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Condition\":{\"Bool\":true}}]}", "not json")) {
      assertThrows(IllegalArgumentException.class, () -> PolicyDocument.parse(bad), bad);
    }
  }

  @Test
  void parse_acceptsEmptyStatementList() {
    assertEquals(List.of(), PolicyDocument.parse("{\"Statement\":[]}").statements());
  }
}
