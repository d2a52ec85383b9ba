package io.vigil.functions.findingsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sample events in {@code events/findings-api/}, replayed in this order against the router,
 * answer as their names say; together they take finding {@code F-example-0001} to CLOSED.
 */
class SampleEventsTest {

  static final Path DIR = Path.of("../../events/findings-api");

  /** File → expected status, in replay order. */
  static final Map<String, Integer> SEQUENCE = new LinkedHashMap<>();

  static {
    SEQUENCE.put("create-finding", 201);
    // the same POST again with its Idempotency-Key: the first response, nothing raised twice
    SEQUENCE.put("create-finding-retried", 201);
    SEQUENCE.put("create-finding-key-reused", 422);
    SEQUENCE.put("get-finding", 200);
    SEQUENCE.put("list-open-findings", 200);
    SEQUENCE.put("invalid-transition", 409);
    SEQUENCE.put("missing-if-match", 428);
    SEQUENCE.put("unknown-field", 400);
    SEQUENCE.put("create-finding-as-viewer", 403);
    SEQUENCE.put("no-identity", 401);
    SEQUENCE.put("edit-finding", 200);
    SEQUENCE.put("transition-to-corrected", 200);
    SEQUENCE.put("stale-version", 412);
    SEQUENCE.put("transition-to-analysed", 200);
    SEQUENCE.put("add-action", 201);
    SEQUENCE.put("transition-to-action-planned", 200);
    SEQUENCE.put("update-action", 200);
    SEQUENCE.put("transition-to-implemented", 200);
    SEQUENCE.put("transition-to-effective", 200);
    SEQUENCE.put("transition-to-closed", 200);
    SEQUENCE.put("history", 200);
    SEQUENCE.put("list-overdue-findings", 200);
  }

  static Map<String, Object> read(String name) throws Exception {
    @SuppressWarnings("unchecked")
    var event = (Map<String, Object>) JsonText.parse(
        Files.readString(DIR.resolve(name + ".json"), StandardCharsets.UTF_8));
    return event;
  }

  @Test
  void theSampleEventsTakeAFindingToClosed() throws Exception {
    var fx = new ApiFixture(() -> "example-0001");
    for (var step : SEQUENCE.entrySet()) {
      var r = fx.call(read(step.getKey()));
      assertEquals(step.getValue(), r.status(), step.getKey() + ": " + r.body());
    }
    var closed = fx.get("F-example-0001").expect(200);
    assertEquals("CLOSED", closed.get("status"));
    assertEquals("\"7\"", closed.etag());
  }

  @Test
  void everySampleEventIsReplayed() throws IOException {
    try (var files = Files.list(DIR)) {
      var names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json")).map(n -> n.substring(0, n.length() - 5))
          .collect(Collectors.toSet());
      var expected = new java.util.HashSet<>(SEQUENCE.keySet());
      expected.addAll(AuditSampleEventsTest.SEQUENCE.keySet());
      expected.addAll(RegisterSampleEventsTest.SEQUENCE.keySet());
      expected.add("overdue-sweep"); // handler-level: FindingsApiHandlerIT
      assertEquals(expected, names);
      assertTrue(names.containsAll(Set.of("create-finding", "overdue-sweep")));
    }
  }
}
