package io.vigil.adapters.sqs;

import io.vigil.domain.collection.CollectionUnit;
import io.vigil.domain.collection.UnitDispatcher;
import io.vigil.domain.collection.UnitMessage;
import io.vigil.domain.evidence.CanonicalJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Fans a run out through SQS: one message per unit (account × region × service group), sent in
 * batches of ten to the queue of the unit's service group (one queue for units of every group,
 * {@code all}, or one queue per group). Entries SQS reports as failed are sent again (bounded); if
 * any still fails the dispatch throws, so the trigger is retried rather than a unit silently
 * dropped. Re-sending a unit is harmless: units are claimed idempotently by the worker.
 */
public final class SqsUnitDispatcher implements UnitDispatcher {

  private static final int BATCH = 10;
  private static final int MAX_ATTEMPTS = 5;

  private final SqsClient sqs;
  private final Map<String, String> queues;

  /** One queue for every unit: units of every group ({@code all}). */
  public SqsUnitDispatcher(SqsClient sqs, String queueUrl) {
    this(sqs, Map.of(CollectionUnit.ALL_GROUPS, requireUrl(CollectionUnit.ALL_GROUPS, queueUrl)));
  }

  /**
   * One queue per service group.
   *
   * @param queueUrlsByGroup the queue URL of each service group units are dispatched for
   */
  public SqsUnitDispatcher(SqsClient sqs, Map<String, String> queueUrlsByGroup) {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    if (queueUrlsByGroup.isEmpty()) {
      throw new IllegalArgumentException("a fan-out queue URL is required");
    }
    queueUrlsByGroup.forEach(SqsUnitDispatcher::requireUrl);
    this.queues = Map.copyOf(queueUrlsByGroup);
  }

  private static String requireUrl(String group, String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("a fan-out queue URL is required (service group '"
          + group + "')");
    }
    return url;
  }

  /** The service groups this dispatcher has a queue for. */
  public Set<String> serviceGroups() {
    return queues.keySet();
  }

  @Override
  public Dispatch dispatch(List<CollectionUnit> units) {
    // every unit must have a queue before anything is sent
    var byQueue = new LinkedHashMap<String, List<CollectionUnit>>();
    for (var unit : units) {
      var url = queues.get(unit.serviceGroup());
      if (url == null) {
        throw new IllegalArgumentException("no fan-out queue for service group '"
            + unit.serviceGroup() + "' (unit " + unit.unitId() + "); queues are configured for "
            + new TreeSet<>(queues.keySet()));
      }
      byQueue.computeIfAbsent(url, u -> new ArrayList<>()).add(unit);
    }
    byQueue.forEach((url, queued) -> {
      for (int i = 0; i < queued.size(); i += BATCH) {
        send(url, queued.subList(i, Math.min(i + BATCH, queued.size())));
      }
    });
    return new Dispatch(units.size(), List.of());
  }

  private void send(String queueUrl, List<CollectionUnit> chunk) {
    Map<String, SendMessageBatchRequestEntry> pending = new LinkedHashMap<>();
    for (int i = 0; i < chunk.size(); i++) {
      var unit = chunk.get(i);
      pending.put(Integer.toString(i), SendMessageBatchRequestEntry.builder()
          .id(Integer.toString(i))
          .messageBody(CanonicalJson.write(UnitMessage.toMap(unit)))
          .build());
    }
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      var response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl)
          .entries(new ArrayList<>(pending.values())));
      response.successful().forEach(ok -> pending.remove(ok.id()));
      if (!pending.isEmpty() && attempt >= MAX_ATTEMPTS) {
        var failed = response.failed().stream()
            .map(f -> f.id() + ": " + f.code() + " " + f.message()).toList();
        throw new IllegalStateException("SQS refused " + pending.size() + " unit message(s) after "
            + attempt + " attempts: " + failed);
      }
      if (!pending.isEmpty()) {
        sleep(attempt);
      }
    }
  }

  private static void sleep(int attempt) {
    try {
      Thread.sleep((long) (Math.min(2000, 50L << attempt) * (0.5 + Math.random() / 2)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending unit messages", e);
    }
  }
}
