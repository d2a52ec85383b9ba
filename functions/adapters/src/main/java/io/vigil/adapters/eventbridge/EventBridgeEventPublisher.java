package io.vigil.adapters.eventbridge;

import io.vigil.adapters.dynamodb.internal.Backoff;
import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.notification.DomainEvent;
import io.vigil.domain.notification.DomainEventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Publishes domain events on an EventBridge bus with {@code PutEvents}: source {@value #SOURCE},
 * detail-type {@link DomainEvent#detailType()}, detail the canonical JSON of
 * {@link DomainEvent#detail()}. Sends at most {@value #MAX_BATCH} entries a call (the API's limit);
 * entries EventBridge reports as failed are sent again with jittered backoff a bounded number of
 * times, then {@link PublishException} names the events still failing. Nothing is dropped
 * silently. A retried call may deliver an event twice: consumers de-duplicate on the detail's
 * identifying fields (for {@code Action Overdue}: {@code actionId} and {@code day}).
 */
public final class EventBridgeEventPublisher implements DomainEventPublisher {

  /** The source of every Vigil event. */
  public static final String SOURCE = "vigil";
  /** Most entries one {@code PutEvents} call accepts. */
  public static final int MAX_BATCH = 10;
  /** EventBridge's limit on one entry (and on one call), in bytes. */
  static final int MAX_ENTRY_BYTES = 256 * 1024;

  private final EventBridgeClient client;
  private final String busName;
  private final Backoff backoff;

  /** Retries failed entries up to 5 attempts, 100 ms base, 2 s cap. */
  public EventBridgeEventPublisher(EventBridgeClient client, String busName) {
    this(client, busName, new Backoff(5, Duration.ofMillis(100), Duration.ofSeconds(2),
        d -> Thread.sleep(d.toMillis())));
  }

  /** For tests: with the given backoff. */
  EventBridgeEventPublisher(EventBridgeClient client, String busName, Backoff backoff) {
    this.client = Objects.requireNonNull(client, "client");
    if (busName == null || busName.isBlank()) {
      throw new IllegalArgumentException("an event bus name (or ARN) is required");
    }
    this.busName = busName;
    this.backoff = Objects.requireNonNull(backoff, "backoff");
  }

  /**
   * Publishes every event, in batches of {@value #MAX_BATCH}.
   *
   * @throws PublishException if some events were still refused after the last attempt (the
   *     others were published)
   * @throws IllegalArgumentException if an event is too large for EventBridge (nothing is sent)
   */
  @Override
  public void publish(List<? extends DomainEvent> events) {
    var entries = new ArrayList<Pending>(events.size());
    for (var event : events) {
      entries.add(new Pending(event, entry(event)));
    }
    var failed = new ArrayList<String>();
    for (int from = 0; from < entries.size(); from += MAX_BATCH) {
      List<Pending> pending = entries.subList(from, Math.min(from + MAX_BATCH, entries.size()));
      for (int attempt = 1; ; attempt++) {
        pending = send(pending);
        if (pending.isEmpty()) {
          break;
        }
        if (attempt >= backoff.maxAttempts()) {
          pending.forEach(p -> failed.add(p.describe()));
          break;
        }
        backoff.pause(attempt);
      }
    }
    if (!failed.isEmpty()) {
      throw new PublishException(failed.size() + " of " + events.size() + " events could not be"
          + " published to bus " + busName + " after " + backoff.maxAttempts() + " attempts: "
          + String.join("; ", failed));
    }
  }

  /** Sends one batch; returns the entries EventBridge refused, with their error. */
  private List<Pending> send(List<Pending> batch) {
    var response = client.putEvents(r -> r.entries(batch.stream().map(Pending::entry).toList()));
    if (response.failedEntryCount() == null || response.failedEntryCount() == 0) {
      return List.of();
    }
    var results = response.entries();
    var refused = new ArrayList<Pending>();
    for (int i = 0; i < batch.size(); i++) {
      var result = i < results.size() ? results.get(i) : null;
      if (result == null || result.errorCode() != null || result.eventId() == null) {
        refused.add(batch.get(i).failedWith(result == null ? "no result"
            : result.errorCode() + ": " + result.errorMessage()));
      }
    }
    return refused;
  }

  private PutEventsRequestEntry entry(DomainEvent event) {
    var detail = CanonicalJson.write(event.detail());
    var entry = PutEventsRequestEntry.builder()
        .eventBusName(busName)
        .source(SOURCE)
        .detailType(event.detailType())
        .detail(detail)
        .build();
    int bytes = SOURCE.length() + event.detailType().getBytes(StandardCharsets.UTF_8).length
        + detail.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_ENTRY_BYTES) {
      throw new IllegalArgumentException("event " + event.idempotencyKey() + " is " + bytes
          + " bytes; EventBridge accepts at most " + MAX_ENTRY_BYTES);
    }
    return entry;
  }

  /** An event, its entry, and why it last failed. */
  private record Pending(DomainEvent event, PutEventsRequestEntry entry, String error) {
    Pending(DomainEvent event, PutEventsRequestEntry entry) {
      this(event, entry, null);
    }

    Pending failedWith(String why) {
      return new Pending(event, entry, why);
    }

    String describe() {
      return event.detailType() + " " + event.idempotencyKey() + " (" + error + ")";
    }
  }

  /** Thrown when events could not be published; its message names them. */
  public static final class PublishException extends RuntimeException {
    public PublishException(String message) {
      super(message);
    }
  }
}
