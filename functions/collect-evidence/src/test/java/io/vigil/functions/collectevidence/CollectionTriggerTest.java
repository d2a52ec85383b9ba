package io.vigil.functions.collectevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.collection.RunIds;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CollectionTriggerTest {

  static Map<String, Object> scheduledEvent() {
    var e = new HashMap<String, Object>();
    e.put("version", "0");
    e.put("id", "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa");
    e.put("detail-type", "Scheduled Event");
    e.put("source", "aws.events");
    e.put("account", "123456789012");
    e.put("time", "2026-11-28T06:00:00Z");
    e.put("region", "eu-west-1");
    e.put("resources", List.of("arn:aws:events:eu-west-1:123456789012:rule/daily"));
    e.put("detail", Map.of());
    return e;
  }

  @Test
  void parse_readsTheScheduleAndTime_soRedeliveryMapsToTheSameRun() {
    var first = CollectionTrigger.parse(scheduledEvent());
    var again = scheduledEvent();
    again.put("id", "another-delivery-id");

    var second = CollectionTrigger.parse(again);

    assertEquals(Instant.parse("2026-11-28T06:00:00Z"), first.time());
    assertEquals("arn:aws:events:eu-west-1:123456789012:rule/daily", first.scheduleArn());
    assertEquals(RunIds.of(first.scheduleArn(), first.time()),
        RunIds.of(second.scheduleArn(), second.time()));
  }

  @Test
  void parse_acceptsSchedulerEventsWithStringDetail() {
    var e = scheduledEvent();
    e.put("source", "aws.scheduler");
    e.put("detail", "{}");
    assertEquals("aws.scheduler", CollectionTrigger.parse(e).source());
  }

  static List<Arguments> malformed() {
    return List.of(
        bad("field 'time' is missing", e -> e.remove("time")),
        bad("field 'time' must be a string, got a number (42)", e -> e.put("time", 42)),
        bad("field 'time' must be an ISO-8601", e -> e.put("time", "yesterday")),
        bad("field 'detail-type' is 'Object Created'", e -> e.put("detail-type", "Object Created")),
        bad("field 'account' must be a 12-digit", e -> e.put("account", "12345")),
        bad("field 'region' must be an AWS region", e -> e.put("region", "mars")),
        bad("field 'resources' is missing", e -> e.remove("resources")),
        bad("field 'resources' must be an array", e -> e.put("resources", "arn:aws:x")),
        bad("field 'resources[0]' must be the ARN", e -> e.put("resources", List.of(7))),
        bad("field 'source' is 'custom'", e -> e.put("source", "custom")),
        bad("field 'detail' must be an object", e -> e.put("detail", List.of())),
        bad("field 'id' must not be blank", e -> e.put("id", " ")));
  }

  private static Arguments bad(String message, Consumer<Map<String, Object>> mutation) {
    return Arguments.of(message, mutation);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void parse_namesTheOffendingField(String expected, Consumer<Map<String, Object>> mutation) {
    var event = scheduledEvent();
    mutation.accept(event);

    var e = assertThrows(InvalidEventException.class, () -> CollectionTrigger.parse(event));

    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }

  @Test
  void parse_refusesAnEmptyEvent_pointingAtTheSample() {
    var e = assertThrows(InvalidEventException.class, () -> CollectionTrigger.parse(Map.of()));
    assertTrue(e.getMessage().contains("events/collect-evidence/scheduled-run.json"));
  }
}
