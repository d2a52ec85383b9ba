package io.vigil.adapters.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.dynamodb.internal.Backoff;
import io.vigil.domain.notification.DomainEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** Batching, entry contents and the retry of failed entries, against a scripted client. */
class EventBridgeEventPublisherTest {

  private record Sample(int n) implements DomainEvent {
    @Override
    public String detailType() {
      return "Action Overdue";
    }

    @Override
    public Map<String, Object> detail() {
      return Map.of("schemaVersion", 1, "n", n, "day", "2027-02-01");
    }

    @Override
    public String idempotencyKey() {
      return "sample:" + n;
    }
  }

  /** Records calls; entries matching {@code refuse} fail on their first {@code failures} sends. */
  private static final class Scripted implements EventBridgeClient {
    final List<List<PutEventsRequestEntry>> calls = new ArrayList<>();
    final Predicate<PutEventsRequestEntry> refuse;
    final int failures;
    final Map<String, Integer> sends = new java.util.HashMap<>();

    Scripted(Predicate<PutEventsRequestEntry> refuse, int failures) {
      this.refuse = refuse;
      this.failures = failures;
    }

    @Override
    public PutEventsResponse putEvents(PutEventsRequest request) {
      calls.add(request.entries());
      var results = new ArrayList<PutEventsResultEntry>();
      int failed = 0;
      for (var e : request.entries()) {
        int n = sends.merge(e.detail(), 1, Integer::sum);
        if (refuse.test(e) && n <= failures) {
          failed++;
          results.add(PutEventsResultEntry.builder().errorCode("ThrottlingException")
              .errorMessage("slow down").build());
        } else {
          results.add(PutEventsResultEntry.builder().eventId("id-" + e.detail()).build());
        }
      }
      return PutEventsResponse.builder().failedEntryCount(failed).entries(results).build();
    }

    @Override
    public String serviceName() {
      return "events";
    }

    @Override
    public void close() {}
  }

  private static Backoff noWait(int attempts) {
    return new Backoff(attempts, Duration.ofMillis(1), Duration.ofMillis(1), d -> { });
  }

  private static List<Sample> samples(int count) {
    return IntStream.range(0, count).mapToObj(Sample::new).toList();
  }

  @Test
  void sendsAtMostTenEntriesACallWithSourceDetailTypeAndCanonicalDetail() {
    var client = new Scripted(e -> false, 0);

    new EventBridgeEventPublisher(client, "vigil-bus", noWait(3)).publish(samples(23));

    assertEquals(List.of(10, 10, 3), client.calls.stream().map(List::size).toList());
    var first = client.calls.get(0).get(0);
    assertEquals("vigil", first.source());
    assertEquals("Action Overdue", first.detailType());
    assertEquals("vigil-bus", first.eventBusName());
    assertEquals("{\"day\":\"2027-02-01\",\"n\":0,\"schemaVersion\":1}", first.detail());
  }

  @Test
  void failedEntriesAreRetriedAloneUntilTheyGoThrough() {
    var client = new Scripted(e -> e.detail().contains("\"n\":3,"), 2);

    new EventBridgeEventPublisher(client, "vigil-bus", noWait(3)).publish(samples(5));

    assertEquals(List.of(5, 1, 1), client.calls.stream().map(List::size).toList());
  }

  @Test
  void entriesStillFailingAfterTheLastAttemptAreNamedInTheException() {
    var client = new Scripted(e -> e.detail().contains("\"n\":1,")
        || e.detail().contains("\"n\":12,"), Integer.MAX_VALUE);

    var e = assertThrows(EventBridgeEventPublisher.PublishException.class,
        () -> new EventBridgeEventPublisher(client, "vigil-bus", noWait(4)).publish(samples(15)));

    assertTrue(e.getMessage().startsWith("2 of 15 events could not be published"), e.getMessage());
    assertTrue(e.getMessage().contains("sample:1 (ThrottlingException: slow down)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("sample:12 "), e.getMessage());
    assertEquals(2 * 4 + 13, client.calls.stream().mapToInt(List::size).sum(),
        "the others were published once, the failing ones tried 4 times each");
  }
}
