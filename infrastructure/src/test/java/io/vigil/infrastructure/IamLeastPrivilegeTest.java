package io.vigil.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Walks every policy statement of every synthesized template (identity policies, inline and
 * managed policies, trust policies, bucket/queue/topic policies) and fails on an Allow of a
 * write action with Resource "*", and on any action wildcard that could grant writes
 * ({@code s3:*}, {@code dynamodb:*}, {@code *}, {@code s3:Put*}, ...). Read-only wildcards
 * ({@code s3:GetObject*}, {@code s3:List*}) are allowed.
 */
class IamLeastPrivilegeTest {

  /** Actions without resource-level permissions that Vigil needs: each with its reason. */
  static final Map<String, String> NO_RESOURCE_LEVEL_PERMISSIONS = Map.of(
      "xray:PutTraceSegments", "X-Ray active tracing; X-Ray has no resource-level permissions",
      "xray:PutTelemetryRecords", "X-Ray active tracing; X-Ray has no resource-level permissions");

  private static final List<String> READ_VERBS = List.of("Get", "List", "Describe", "BatchGet",
      "Query", "Scan", "Head", "Lookup", "Search", "Select", "View");

  static boolean readOnly(String action) {
    var verb = action.substring(action.indexOf(':') + 1);
    return READ_VERBS.stream().anyMatch(verb::startsWith);
  }

  @Test
  void noWriteActionIsAllowedOnEveryResourceAndNoActionWildcardCanWrite() {
    var problems = new ArrayList<String>();
    int statements = 0;
    for (var built : List.of(TestApps.defaults(), TestApps.full(), TestApps.variant())) {
      for (var stack : built.vigil().stacks()) {
        var template = built.template(stack).toJSON();
        var walked = PolicyWalker.statements(template);
        statements += walked.size();
        for (var s : walked) {
          if (!"Allow".equals(s.effect())) {
            continue;
          }
          for (var action : s.actions()) {
            var where = stack.getStackName() + "/" + s.resourceId() + ": " + action;
            if (action.equals("*") || action.endsWith(":*")) {
              problems.add(where + " is a service-wide wildcard");
            } else if (action.contains("*") && !readOnly(action.replace("*", ""))) {
              problems.add(where + " is a wildcard over write actions");
            } else if (s.resources().contains("*") && !readOnly(action)
                && !NO_RESOURCE_LEVEL_PERMISSIONS.containsKey(action)) {
              problems.add(where + " is a write action on Resource '*'");
            }
          }
        }
      }
    }
    assertTrue(statements > 50, "walked " + statements + " statements");
    assertEquals(List.of(), problems);
  }

  @Test
  void theWalkerFindsWildcardsItShouldRefuse() {
    // a self-check of the rule above on statements that must fail
    assertTrue(readOnly("s3:GetObject"));
    assertTrue(readOnly("dynamodb:Query"));
    assertTrue(!readOnly("s3:PutObject") && !readOnly("dynamodb:PutItem")
        && !readOnly("sqs:SendMessage") && !readOnly("iam:PassRole"));
    var template = Map.<String, Object>of("Resources", Map.of("P", Map.of(
        "Type", "AWS::IAM::Policy",
        "Properties", Map.of("PolicyDocument", Map.of("Statement", List.of(
            Map.of("Effect", "Allow", "Action", "s3:*", "Resource", "*"),
            Map.of("Effect", "Allow", "Action", List.of("dynamodb:PutItem"),
                "Resource", List.of("*"))))))));
    var walked = PolicyWalker.statements(template);
    assertEquals(2, walked.size());
    assertEquals(List.of("s3:*"), walked.get(0).actions());
    assertEquals(Set.of("*"), Set.copyOf(walked.get(1).resources()));
  }
}
