package io.vigil.functions.collectevidence;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.core.type.Argument;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import io.vigil.aws.Priming;
import io.vigil.checks.ServiceGroup;
import io.vigil.domain.collection.CollectionService;
import io.vigil.domain.collection.RunInProgressException;
import io.vigil.domain.collection.RunRepository;
import io.vigil.domain.collection.UnitMessage;
import io.vigil.domain.notification.DomainEventPublisher;
import io.vigil.domain.notification.RunEvents;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
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
 * Lambda handler of collect-evidence for the SQS fan-out: each message is one unit (account ×
 * region, of one service group or of every group) of a run. A unit of a service group this function
 * does not evaluate (its SDK is not in this deployment package, or {@code
 * vigil.collect.service-groups} leaves it out) is refused and reported as failed, so a misrouted
 * message ends in the dead-letter queue instead of being recorded with a partial catalogue. The
 * messages of a batch are collected concurrently (bounded by
 * {@code vigil.collect.concurrency}); the response reports the failed ones in SQS's partial batch
 * format ({@code batchItemFailures}), so only those are retried and, after the queue's
 * {@code maxReceiveCount}, land in its dead-letter queue — never silently dropped. A message that
 * is delivered twice finds its unit completed and changes nothing.
 *
 * <p>Each unit is claimed until this invocation's deadline ({@link InvocationDeadline}). A copy of
 * a unit message that arrives while another invocation holds the unit's claim is refused with
 * {@link RunInProgressException} before anything is written or published, and reported as failed
 * (never acknowledged): SQS delivers it again after the visibility timeout, when the unit is
 * completed (the copy is a no-op) or, if the holder crashed, its claim has passed (the copy
 * collects the unit).
 *
 * <p>SnapStart: the handler registers a warm-up ({@link Priming}, {@link CollectEvidencePriming})
 * that runs before the snapshot: it reads a unit message's shape and one never-stored item of
 * Vigil's table — no check, no write, no STS.
 *
 * <p>Lambda handler string: {@code io.vigil.functions.collectevidence.CollectEvidenceQueueHandler}
 * (event source mapping with {@code ReportBatchItemFailures}).
 */
public class CollectEvidenceQueueHandler
    extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(CollectEvidenceQueueHandler.class);

  @Inject CollectionService collection;
  @Inject JsonMapper json;
  @Inject VigilSettings settings;
  @Inject DomainEventPublisher events;
  @Inject RunRepository runs;

  /** Held here: the CRaC context may keep its resources only weakly. */
  private final Priming priming;

  /** Used by the Lambda runtime. */
  public CollectEvidenceQueueHandler() {
    priming = Priming.register("collect-evidence-queue",
        () -> CollectEvidencePriming.queueHandler(runs, json));
  }

  /** Used by tests to pass configuration. */
  public CollectEvidenceQueueHandler(ApplicationContextBuilder builder) {
    super(builder);
    priming = Priming.register("collect-evidence-queue",
        () -> CollectEvidencePriming.queueHandler(runs, json));
  }

  /** The SnapStart warm-up, for tests: {@link Priming#prime()} runs it now. */
  Priming priming() {
    return priming;
  }

  @Override
  public Map<String, Object> execute(Map<String, Object> event) {
    var records = records(event);
    var claimedUntil = InvocationDeadline.of(getApplicationContext());
    var failures = new ArrayList<Map<String, Object>>();
    var pool = Executors.newFixedThreadPool(Math.max(1, Math.min(records.size(),
        settings.concurrency())));
    try {
      var futures = new LinkedHashMap<String, Future<?>>();
      for (var record : records) {
        var id = String.valueOf(record.get("messageId"));
        futures.put(id, pool.submit(() -> process(record, claimedUntil)));
      }
      for (var entry : futures.entrySet()) {
        try {
          entry.getValue().get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RunInProgressException held) {
            LOG.warn("unit message {} refused, to be redelivered: {}", entry.getKey(),
                held.getMessage());
          } else {
            LOG.error("unit message {} failed: {}", entry.getKey(), e.getCause().toString());
          }
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

  private void process(Map<String, Object> record, Instant claimedUntil) {
    var body = record.get("body");
    if (!(body instanceof String text)) {
      throw new InvalidEventException("SQS record field 'body' must be a string");
    }
    Map<String, Object> message;
    try {
      message = json.readValue(text, Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new InvalidEventException("SQS message body is not JSON: " + e.getMessage());
    }
    var unit = UnitMessage.fromMap(message);
    if (unit.allGroups() && settings.serviceGroups().size() < ServiceGroup.values().length) {
      LOG.warn("unit {} is of every service group, but this function evaluates {} only: with one"
          + " deployment package per group, dispatch with {}", unit.unitId(),
          settings.serviceGroups(), VigilSettings.FAN_OUT_QUEUES);
    }
    var outcome = collection.collectUnit(unit, new CollectEvidenceHandler.LoggingProgress(),
        claimedUntil);
    events.publish(RunEvents.ofUnit(outcome));
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

}
