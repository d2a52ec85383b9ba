package io.vigil.emulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link MotoAtomicWrites} over a stub HTTP client: a DynamoDB write of one client waits, before
 * it is sent, until the write another client has in flight has ended; reads do not wait; a failed
 * write lets the next one go.
 */
// a guard, not a measure: a permit that is never released blocks forever
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MotoAtomicWritesTest {

  private static final String TABLE = "vigil";
  private static final Map<String, AttributeValue> ITEM = Map.of(
      "PK", AttributeValue.fromS("K"), "SK", AttributeValue.fromS("K"));

  @ParameterizedTest
  @ValueSource(strings = {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
      "TransactWriteItems"})
  void aWriteIsSentOnlyOnceTheWriteInFlightHasEnded_aReadMeanwhileIsNot(String operation)
      throws Exception {
    var firstInFlight = new AtomicBoolean();
    var holding = new CountDownLatch(1);
    var end = new CountDownLatch(1);
    var sentByOther = new CopyOnWriteArrayList<String>();
    var sentWhileFirstInFlight = new CopyOnWriteArrayList<String>();
    try (var first = StubDynamoDb.client(new MotoAtomicWrites(), op -> {
          firstInFlight.set(true);
          holding.countDown();
          awaitUninterruptibly(end);
          firstInFlight.set(false);
        });
        var other = StubDynamoDb.client(new MotoAtomicWrites(), op -> {
          sentByOther.add(op);
          if (firstInFlight.get()) {
            sentWhileFirstInFlight.add(op);
          }
        })) {
      var writer = new Thread(() -> first.putItem(r -> r.tableName(TABLE).item(ITEM)));
      writer.start();
      holding.await();

      other.getItem(r -> r.tableName(TABLE).key(ITEM));
      assertEquals(List.of("GetItem"), sentWhileFirstInFlight, "the read did not wait");

      var second = new Thread(() -> write(other, operation));
      second.start();
      boolean waited = waitsForThePermit(second);
      end.countDown();
      writer.join();
      second.join();

      assertTrue(waited, operation + " waited for the permit");
      assertEquals(List.of("GetItem", operation), sentByOther);
      assertEquals(List.of("GetItem"), sentWhileFirstInFlight,
          operation + " was not sent while the first write was in flight");
    }
  }

  @Test
  void aFailedWriteReleasesThePermit() {
    try (var failing = StubDynamoDb.client(new MotoAtomicWrites(), op -> {
          throw new IllegalStateException("connection reset");
        });
        var dynamo = StubDynamoDb.client(new MotoAtomicWrites(), op -> { })) {
      assertThrows(IllegalStateException.class,
          () -> failing.putItem(r -> r.tableName(TABLE).item(ITEM)));

      // would block for good (and trip the guard) had the failure kept the permit
      dynamo.putItem(r -> r.tableName(TABLE).item(ITEM));
    }
  }

  /** True once {@code thread} is parked on a semaphore; false if it ended first. */
  private static boolean waitsForThePermit(Thread thread) {
    while (thread.isAlive()) {
      var blocker = LockSupport.getBlocker(thread);
      if (blocker != null && blocker.getClass().getEnclosingClass() == Semaphore.class) {
        return true;
      }
      Thread.onSpinWait();
    }
    return false;
  }

  private static void write(DynamoDbClient dynamo, String operation) {
    switch (operation) {
      case "PutItem" -> dynamo.putItem(r -> r.tableName(TABLE).item(ITEM));
      case "UpdateItem" -> dynamo.updateItem(r -> r.tableName(TABLE).key(ITEM)
          .updateExpression("SET n = :n")
          .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1"))));
      case "DeleteItem" -> dynamo.deleteItem(r -> r.tableName(TABLE).key(ITEM));
      case "BatchWriteItem" -> dynamo.batchWriteItem(r -> r.requestItems(Map.of(TABLE,
          List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(ITEM).build())
              .build()))));
      case "TransactWriteItems" -> dynamo.transactWriteItems(r -> r.transactItems(
          TransactWriteItem.builder().put(Put.builder().tableName(TABLE).item(ITEM).build())
              .build()));
      default -> throw new IllegalArgumentException(operation);
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
