package io.vigil.bench.coldstart.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vigil.checks.ServiceGroup;
import io.vigil.domain.collection.UnitMessage;
import io.vigil.domain.notification.RunEvents;
import io.vigil.functions.collectevidence.InvalidEventException;
import io.vigil.functions.collectevidence.VigilSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain-Java baseline of {@code CollectEvidenceQueueHandler}: the same object graph
 * ({@link CollectEvidenceWiring}) and the same batch processing (units collected concurrently,
 * failures reported as {@code batchItemFailures}). A message body is parsed with the streaming
 * Jackson parser that is in the deployment package (the function parses it with Micronaut's
 * {@code JsonMapper}, which uses the same parser underneath).
 */
public final class CollectEvidenceQueueBaseline
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(CollectEvidenceQueueBaseline.class);
  private static final JsonFactory JSON = new JsonFactory();

  private final CollectEvidenceWiring wiring = new CollectEvidenceWiring();

  /** INIT: the collect-evidence object graph. */
  public CollectEvidenceQueueBaseline() {}

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    var records = records(event);
    var failures = new ArrayList<Map<String, Object>>();
    var pool = Executors.newFixedThreadPool(Math.max(1, Math.min(records.size(),
        wiring.settings.concurrency())));
    try {
      var futures = new LinkedHashMap<String, Future<?>>();
      for (var record : records) {
        var id = String.valueOf(record.get("messageId"));
        futures.put(id, pool.submit(() -> process(record)));
      }
      for (var entry : futures.entrySet()) {
        try {
          entry.getValue().get();
        } catch (ExecutionException e) {
          LOG.error("unit message {} failed: {}", entry.getKey(), e.getCause().toString());
          failures.add(Map.of("itemIdentifier", entry.getKey()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failures.add(Map.of("itemIdentifier", entry.getKey()));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return Map.of("batchItemFailures", failures);
  }

  private void process(Map<String, Object> record) {
    var body = record.get("body");
    if (!(body instanceof String text)) {
      throw new InvalidEventException("SQS record field 'body' must be a string");
    }
    Map<String, Object> message;
    try {
      message = parseObject(text);
    } catch (IOException e) {
      throw new InvalidEventException("SQS message body is not JSON: " + e.getMessage());
    }
    var unit = UnitMessage.fromMap(message);
    var groups = wiring.settings.serviceGroups();
    if (unit.allGroups() && groups.size() < ServiceGroup.values().length) {
      LOG.warn("unit {} is of every service group, but this function evaluates {} only: with one"
          + " deployment package per group, dispatch with {}", unit.unitId(), groups,
          VigilSettings.FAN_OUT_QUEUES);
    }
    var outcome = wiring.collection.collectUnit(unit,
        new CollectEvidenceWiring.LoggingProgress());
    wiring.events.publish(RunEvents.ofUnit(outcome));
    LOG.info("unit {} {}: {} results, {} written, {} findings opened", unit.unitId(),
        outcome.duplicate() ? "already done" : "collected", outcome.results().size(),
        outcome.resultsWritten(), outcome.summary().findingsOpened());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> records(Map<String, Object> event) {
    var records = event == null ? null : event.get("Records");
    if (!(records instanceof List<?> list)) {
      throw new InvalidEventException("field 'Records' must be the array of an SQS event");
    }
    var out = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> m) || !(m.get("messageId") instanceof String)) {
        throw new InvalidEventException("field 'Records[" + i + "]' must be an SQS record with a"
            + " messageId");
      }
      out.add((Map<String, Object>) m);
    }
    return out;
  }

  /** A JSON object as a map of strings, numbers, booleans, nulls, lists and maps. */
  static Map<String, Object> parseObject(String text) throws IOException {
    try (var parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      @SuppressWarnings("unchecked")
      var map = (Map<String, Object>) value(parser);
      return map;
    }
  }

  private static Object value(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT -> {
        var m = new LinkedHashMap<String, Object>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          var name = p.currentName();
          p.nextToken();
          m.put(name, value(p));
        }
        return m;
      }
      case START_ARRAY -> {
        var l = new ArrayList<Object>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        return l;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDecimalValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected JSON token " + p.currentToken());
    }
  }
}
