package io.vigil.adapters.dynamodb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class TransactionsTest {

  private int calls;

  private static TransactionCanceledException cancelled(String... codes) {
    return TransactionCanceledException.builder()
        .message("Transaction cancelled")
        .cancellationReasons(Arrays.stream(codes)
            .map(c -> CancellationReason.builder().code(c).build()).toList())
        .build();
  }

  /** An enhanced client whose transactWriteItems throws the queued outcomes, then succeeds. */
  private DynamoDbEnhancedClient client(Deque<RuntimeException> outcomes) {
    return (DynamoDbEnhancedClient) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {DynamoDbEnhancedClient.class}, (proxy, method, args) -> {
          if (!method.getName().equals("transactWriteItems")) {
            throw new UnsupportedOperationException(method.getName());
          }
          calls++;
          if (!outcomes.isEmpty()) {
            throw outcomes.pop();
          }
          return null;
        });
  }

  private Transactions transactions(Deque<RuntimeException> outcomes) {
    return new Transactions(client(outcomes),
        new Backoff(4, Duration.ofMillis(1), Duration.ofMillis(2), d -> { }));
  }

  @Test
  void retriesACancellationCausedOnlyByConflicts() {
    var outcomes = new ArrayDeque<RuntimeException>();
    outcomes.add(cancelled("TransactionConflict", "None"));
    outcomes.add(cancelled("None", "TransactionConflict"));

    transactions(outcomes).write(tx -> { });

    assertEquals(3, calls);
  }

  @Test
  void givesUpOnPersistentConflicts() {
    var outcomes = new ArrayDeque<RuntimeException>();
    for (int i = 0; i < 10; i++) {
      outcomes.add(cancelled("TransactionConflict"));
    }

    assertThrows(TransactionCanceledException.class, () -> transactions(outcomes).write(tx -> { }));
    assertEquals(4, calls);
  }

  @Test
  void aFailedConditionIsNotRetried() {
    var failed = cancelled("ConditionalCheckFailed", "TransactionConflict", "None");
    var outcomes = new ArrayDeque<RuntimeException>();
    outcomes.add(failed);

    var e = assertThrows(TransactionCanceledException.class,
        () -> transactions(outcomes).write(tx -> { }));

    assertSame(failed, e);
    assertEquals(1, calls);
  }

  @Test
  void conditionFailedNamesTheFailingItemByPosition() {
    var e = cancelled("None", "ConditionalCheckFailed", "None");

    assertFalse(Transactions.conditionFailed(e, 0));
    assertTrue(Transactions.conditionFailed(e, 1));
    assertFalse(Transactions.conditionFailed(e, 2));
    assertFalse(Transactions.conditionFailed(e, 3));
    assertFalse(Transactions.conditionFailed(
        TransactionCanceledException.builder().message("no reasons").build(), 0));
  }
}
