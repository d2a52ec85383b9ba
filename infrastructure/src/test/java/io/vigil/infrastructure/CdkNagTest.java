package io.vigil.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/**
 * cdk-nag's AwsSolutionsChecks run on every stack (VigilApp applies them): no error may remain
 * unsuppressed, and every suppression carries a written reason.
 */
class CdkNagTest {

  @Test
  void noUnsuppressedAwsSolutionsErrorOrWarningInAnyStack() {
    var found = new ArrayList<String>();
    for (var built : List.of(TestApps.defaults(), TestApps.full(), TestApps.variant())) {
      for (var stack : built.vigil().stacks()) {
        var annotations = built.annotations(stack);
        annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))
            .forEach(m -> found.add("error " + m.getId() + ": " + m.getEntry().getData()));
        annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))
            .forEach(m -> found.add("warning " + m.getId() + ": " + m.getEntry().getData()));
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void everySuppressionInTheTemplatesHasAWrittenReason() {
    int suppressions = 0;
    for (var built : List.of(TestApps.defaults(), TestApps.full(), TestApps.variant())) {
      for (var stack : built.vigil().stacks()) {
        var template = built.template(stack).toJSON();
        @SuppressWarnings("unchecked")
        var resources = (Map<String, Map<String, Object>>) template.get("Resources");
        for (var entry : resources.entrySet()) {
          var metadata = entry.getValue().get("Metadata");
          if (!(metadata instanceof Map<?, ?> m) || !(m.get("cdk_nag") instanceof Map<?, ?> nag)) {
            continue;
          }
          for (var rule : (List<?>) nag.get("rules_to_suppress")) {
            var r = (Map<?, ?>) rule;
            suppressions++;
            var reason = String.valueOf(r.get("reason"));
            assertTrue(reason.length() >= 60 && reason.contains(" "), stack.getStackName() + "/"
                + entry.getKey() + " " + r.get("id") + " needs a written reason, got: " + reason);
          }
        }
      }
    }
    assertTrue(suppressions > 0);
  }

  @Test
  void suppressionsComeOnlyFromTheRegistryAndNameTheRule() {
    List.of(TestApps.defaults(), TestApps.full(), TestApps.variant()); // built: suppressions applied
    var applied = NagSuppressionRegistry.applied();
    assertFalse(applied.isEmpty());
    for (var entry : applied) {
      assertTrue(entry.ruleId().matches("AwsSolutions-[A-Z]+\\d+"), entry.toString());
      // wildcard findings are accepted one by one, never the whole rule
      if (entry.ruleId().equals("AwsSolutions-IAM5") || entry.ruleId().equals(
          "AwsSolutions-IAM4")) {
        assertEquals(1, entry.appliesTo().size(), entry.toString());
      }
    }
    // the suppressed rules, for the record (README "cdk-nag")
    var rules = applied.stream().map(NagSuppressionRegistry.Entry::ruleId).distinct().sorted()
        .toList();
    assertEquals(List.of("AwsSolutions-COG3", "AwsSolutions-IAM4", "AwsSolutions-IAM5",
        "AwsSolutions-L1", "AwsSolutions-SMG4", "AwsSolutions-SQS3"), rules);
  }
}
