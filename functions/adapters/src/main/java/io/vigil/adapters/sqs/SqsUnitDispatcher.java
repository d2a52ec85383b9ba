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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Fans a run out through SQS: one message per unit (account × region), sent in batches of ten.
 * Entries SQS reports as failed are sent again (bounded); if any still fails the dispatch throws,
 * so the trigger is retried rather than a unit silently dropped. Re-sending a unit is harmless:
 * units are claimed idempotently by the worker.
 */
public final class SqsUnitDispatcher implements UnitDispatcher {

  private static final int BATCH = 10;
  private static final int MAX_ATTEMPTS = 5;

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsUnitDispatcher(SqsClient sqs, String queueUrl) {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    if (queueUrl == null || queueUrl.isBlank()) {
      throw new IllegalArgumentException("a fan-out queue URL is required");
    }
    this.queueUrl = queueUrl;
  }

  @Override
  public Dispatch dispatch(List<CollectionUnit> units) {
    for (int i = 0; i < units.size(); i += BATCH) {
      send(units.subList(i, Math.min(i + BATCH, units.size())));
    }
    return new Dispatch(units.size(), List.of());
  }

  private void send(List<CollectionUnit> chunk) {
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
