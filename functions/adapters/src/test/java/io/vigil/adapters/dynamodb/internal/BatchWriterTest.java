package io.vigil.adapters.dynamodb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchWriterTest {

  private final List<Duration> pauses = new ArrayList<>();
  private final BatchWriter writer = new BatchWriter(
      new Backoff(5, Duration.ofMillis(100), Duration.ofMillis(300), pauses::add));

  private static List<Integer> items(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  @Test
  void writesInChunksOfAtMost25() {
    var calls = new ArrayList<List<Integer>>();

    writer.writeAll(items(60), chunk -> {
      calls.add(chunk);
      return List.of();
    });

    assertEquals(List.of(25, 25, 10), calls.stream().map(List::size).toList());
    assertEquals(items(60), calls.stream().flatMap(List::stream).toList());
    assertEquals(List.of(), pauses);
  }

  @Test
  void retriesUnprocessedItemsUntilAllAreWritten() {
    var written = new ArrayList<Integer>();
    var calls = new ArrayList<List<Integer>>();

    writer.writeAll(items(10), chunk -> {
      calls.add(chunk);
      var unprocessed = calls.size() <= 2 ? chunk.subList(0, 3) : List.<Integer>of();
      written.addAll(chunk.subList(unprocessed.size(), chunk.size()));
      return unprocessed;
    });

    assertEquals(List.of(10, 3, 3), calls.stream().map(List::size).toList());
    assertEquals(items(10), written.stream().sorted().toList());
    assertEquals(2, pauses.size(), "a jittered pause before each retry");
  }

  @Test
  void failsLoudlyWhenItemsStayUnprocessed() {
    var calls = new ArrayList<List<Integer>>();

    var e = assertThrows(BatchWriter.IncompleteBatchWriteException.class,
        () -> writer.writeAll(items(30), chunk -> {
          calls.add(chunk);
          return chunk.subList(0, 1);
        }));

    assertEquals(5, calls.size(), "gives up after the configured attempts, on the first chunk");
    assertTrue(e.getMessage().contains("1 of 30 items"), e.getMessage());
  }

  @Test
  void backoffGrowsExponentiallyUpToItsCap() {
    var backoff = new Backoff(10, Duration.ofMillis(100), Duration.ofMillis(300), pauses::add);
    for (int retry = 1; retry <= 200; retry++) {
      backoff.pause(1 + retry % 6);
    }

    assertTrue(pauses.stream().allMatch(d -> !d.isNegative() && d.toMillis() <= 300));
    assertTrue(pauses.stream().anyMatch(d -> d.toMillis() > 200), "reaches toward the cap");
    pauses.clear();
    for (int i = 0; i < 200; i++) {
      backoff.pause(1);
    }
    assertTrue(pauses.stream().allMatch(d -> d.toMillis() <= 100), "first retry waits <= base");
  }

  @Test
  void nothingToWriteMakesNoCall() {
    writer.writeAll(List.<Integer>of(), chunk -> {
      throw new AssertionError("no call expected");
    });
  }
}
