package io.vigil.functions.collectevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.vigil.domain.collection.ChangeScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change-event shapes, read from the sample events that the README documents. */
class ChangeTriggerTest {

  private static final JsonMapper JSON = JsonMapper.createDefault();

  static Map<String, Object> sample(String name) {
    try {
      var path = Path.of("..", "..", "events", "collect-evidence", name);
      return JSON.readValue(Files.readAllBytes(path), Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new IllegalStateException("sample event " + name + " unreadable", e);
    }
  }

  @Test
  void configChange_scopesTheRunToTheChangedResourceAndItsType() {
    var trigger = CollectionTrigger.parse(sample("config-change-s3-bucket.json"));

    assertEquals(CollectionTrigger.Kind.CONFIG_CHANGE, trigger.kind());
    assertEquals(new ChangeScope("s3", "AWS::S3::Bucket", "arn:aws:s3:::vigil-demo-public"),
        trigger.change());
    assertEquals("123456789012", trigger.account());
    assertNull(trigger.ignored());
  }

  @Test
  void apiCall_scopesTheRunToTheServiceAndTheResourceNamedInTheRequest() {
    var trigger = CollectionTrigger.parse(sample("cloudtrail-change-security-group.json"));

    assertEquals(CollectionTrigger.Kind.API_CALL, trigger.kind());
    assertEquals(new ChangeScope("ec2", null, "sg-0a1b2c3d4e5f60718"), trigger.change());
    assertTrue(trigger.describe().contains("AuthorizeSecurityGroupIngress"), trigger.describe());
  }

  @Test
  void apiCall_isIgnored_whenReadOnlyOrFailed() {
    var readOnly = CollectionTrigger.parse(sample("cloudtrail-read-only-ignored.json"));
    assertTrue(readOnly.ignored().contains("read-only"), readOnly.ignored());

    var failed = sample("cloudtrail-change-security-group.json");
    @SuppressWarnings("unchecked")
    var detail = (Map<String, Object>) failed.get("detail");
    detail.put("errorCode", "UnauthorizedOperation");
    assertTrue(CollectionTrigger.parse(failed).ignored().contains("UnauthorizedOperation"));
  }

  @Test
  void changeEvents_mapRedeliveriesToTheSameRun_andDistinctEventsToDistinctRuns() {
    var first = CollectionTrigger.parse(sample("config-change-s3-bucket.json"));
    var again = CollectionTrigger.parse(sample("config-change-s3-bucket.json"));
    var other = sample("config-change-s3-bucket.json");
    other.put("id", "another-event");

    assertEquals(first.runId(), again.runId());
    assertNotEquals(first.runId(), CollectionTrigger.parse(other).runId());
  }

  @Test
  void configChange_namesTheMissingNestedField() {
    var event = sample("config-change-s3-bucket.json");
    @SuppressWarnings("unchecked")
    var item = (Map<String, Object>) ((Map<String, Object>) event.get("detail"))
        .get("configurationItem");
    item.remove("resourceType");

    var e = assertThrows(InvalidEventException.class, () -> CollectionTrigger.parse(event));

    assertEquals("field 'detail.configurationItem.resourceType' is missing", e.getMessage());
  }

  @Test
  void apiCall_refusesANonAwsEventSource() {
    var event = sample("cloudtrail-change-security-group.json");
    @SuppressWarnings("unchecked")
    var detail = (Map<String, Object>) event.get("detail");
    detail.put("eventSource", "evil.example.com");

    var e = assertThrows(InvalidEventException.class, () -> CollectionTrigger.parse(event));

    assertTrue(e.getMessage().startsWith("field 'detail.eventSource'"), e.getMessage());
  }

  @Test
  void scheduledSamples_parse() {
    assertEquals(CollectionTrigger.Kind.SCHEDULED,
        CollectionTrigger.parse(sample("scheduled-run.json")).kind());
    assertEquals(CollectionTrigger.Kind.SCHEDULED,
        CollectionTrigger.parse(sample("scheduler-run.json")).kind());
    var e = assertThrows(InvalidEventException.class,
        () -> CollectionTrigger.parse(sample("malformed-missing-time.json")));
    assertEquals("field 'time' is missing", e.getMessage());
  }
}
