package io.vigil.adapters.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// a guard, not a measure: a task that never ends would block forever
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ConcurrentWritesTest {

  private static List<Integer> inputs(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void keepsAtMostMaxInFlightTasksRunning_andReachesThatBound() {
    var inFlight = new AtomicInteger();
    var most = new AtomicInteger();

    ConcurrentWrites.forEach(inputs(64), 4, i -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      sleep(5);
      inFlight.decrementAndGet();
    });

    assertEquals(4, most.get());
    assertEquals(0, inFlight.get());
  }

  @Test
  void returnsTheResultsInTheOrderOfTheInputs_whateverOrderTheyEndIn() {
    var results = ConcurrentWrites.map(inputs(40), 8, i -> {
      sleep((40 - i) % 7); // later inputs often end first
      return "r" + i;
    });

    assertEquals(inputs(40).stream().map(i -> "r" + i).toList(), results);
  }

  @Test
  void runsEveryTaskOnce() {
    var seen = ConcurrentHashMap.<Integer>newKeySet();
    var calls = new AtomicInteger();

    ConcurrentWrites.forEach(inputs(500), 16, i -> {
      calls.incrementAndGet();
      seen.add(i);
    });

    assertEquals(500, calls.get());
    assertEquals(Set.copyOf(inputs(500)), seen);
  }

  @Test
  void oneTaskOrABoundOfOneRunsOnTheCallingThread() {
    var caller = Thread.currentThread();
    var threads = ConcurrentHashMap.<Thread>newKeySet();

    ConcurrentWrites.forEach(inputs(1), 8, i -> threads.add(Thread.currentThread()));
    ConcurrentWrites.forEach(inputs(10), 1, i -> threads.add(Thread.currentThread()));

    assertEquals(Set.of(caller), threads);
  }

  @Test
  void theHelperThreadsAreDaemonsAndHaveEndedWhenTheCallReturns() {
    var helpers = ConcurrentHashMap.<Thread>newKeySet();

    ConcurrentWrites.forEach(inputs(32), 8, i -> {
      var t = Thread.currentThread();
      if (t.getName().startsWith("vigil-writes-")) {
        assertTrue(t.isDaemon());
        helpers.add(t);
      }
      sleep(2);
    });

    assertFalse(helpers.isEmpty());
    assertTrue(helpers.size() <= 7, "the caller is the 8th: " + helpers.size());
    helpers.forEach(t -> assertFalse(t.isAlive(), t.getName()));
  }

  @Test
  void theFirstFailureIsThrown_theOthersInFlightSuppressed_noTaskStartedAfterIt() {
    int maxInFlight = 4;
    var started = ConcurrentHashMap.<Integer>newKeySet();
    var allFourRunning = new CountDownLatch(maxInFlight);
    var first = new IllegalStateException("task 0 failed");

    var thrown = assertThrows(IllegalStateException.class,
        () -> ConcurrentWrites.forEach(inputs(100), maxInFlight, i -> {
          started.add(i);
          allFourRunning.countDown();
          await(allFourRunning);
          if (i == 0) {
            throw first;
          }
          sleep(50); // still in flight when task 0 fails
          if (i == 1) {
            throw new IllegalArgumentException("task 1 failed too");
          }
        }));

    assertSame(first, thrown);
    assertEquals(1, thrown.getSuppressed().length);
    assertEquals("task 1 failed too", thrown.getSuppressed()[0].getMessage());
    assertEquals(Set.of(0, 1, 2, 3), started, "the tasks not yet started were skipped");
  }

  @Test
  void aFailureInSequenceStopsAtOnce() {
    var started = new ArrayList<Integer>();

    var thrown = assertThrows(IllegalStateException.class,
        () -> ConcurrentWrites.forEach(inputs(5), 1, i -> {
          started.add(i);
          if (i == 2) {
            throw new IllegalStateException("task 2 failed");
          }
        }));

    assertEquals("task 2 failed", thrown.getMessage());
    assertEquals(List.of(0, 1, 2), started);
  }

  @Test
  void anErrorIsThrownAsItIs() {
    var error = new AssertionError("boom");

    var thrown = assertThrows(AssertionError.class,
        () -> ConcurrentWrites.forEach(inputs(10), 3, i -> {
          if (i == 5) {
            throw error;
          }
        }));

    assertSame(error, thrown);
  }

  @Test
  void nothingToDoIsNothingDone() {
    assertEquals(List.of(), ConcurrentWrites.map(List.<Integer>of(), 8, i -> i));
  }

  @Test
  void refusesABoundBelowOne() {
    assertThrows(IllegalArgumentException.class,
        () -> ConcurrentWrites.forEach(inputs(3), 0, i -> {}));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(30, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
