package io.vigil.functions.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented event sample (events/notify/*.json) renders into a Slack message and an
 * e-mail that carry its key facts — so the layouts use the field names the producers emit.
 */
class NotifySamplesTest {

  static Stream<String> samples() throws IOException {
    try (var files = Files.list(Path.of("..", "..", "events", "notify"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .sorted().toList().stream();
    }
  }

  @SuppressWarnings("unchecked")
  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void sample_rendersWithItsKeyFacts(String file) throws IOException {
    var event = (Map<String, Object>) Json.parse(
        Files.readString(Path.of("..", "..", "events", "notify", file)));
    var detail = (Map<String, Object>) event.get("detail");

    var preview = NotifyHandler.preview(event);

    var slack = Json.write(preview.get("slack"));
    var email = (Map<String, Object>) preview.get("email");
    var text = String.valueOf(email.get("text"));
    assertTrue(String.valueOf(email.get("subject")).startsWith("[Vigil] " + event.get("detail-type")),
        String.valueOf(email.get("subject")));
    for (var key : new String[] {"findingId", "auditId", "policyId", "taskId", "summaryId",
        "runId", "resourceArn", "actionId", "title"}) {
      if (detail.get(key) instanceof String value && !key.equals("runId")
          || key.equals("runId") && event.get("detail-type").equals("Run Completed")) {
        var v = String.valueOf(detail.get(key));
        assertTrue(slack.contains(v) || text.contains(v), file + ": " + key + " " + v
            + " is not shown");
      }
    }
    assertFalse(text.contains("null"), file + " renders a null: " + text);
    assertEquals(event.get("id"), preview.get("eventId"));
  }
}
