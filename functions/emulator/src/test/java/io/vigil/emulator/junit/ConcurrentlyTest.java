package io.vigil.emulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Concurrently}. */
class ConcurrentlyTest {

  @Test
  // a guard, not a measure: tasks run one after the other would wait for each other for good
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void runsTheTasksAtOnce_andAnswersTheirOutcomesInTaskOrder() throws Exception {
    var allRunning = new CountDownLatch(3);
    var failure = new IllegalStateException("task 2 failed");
    List<Callable<String>> tasks = List.of(
        () -> meet(allRunning, "one"),
        () -> {
          meet(allRunning, "two");
          throw failure;
        },
        () -> meet(allRunning, "three"));

    var outcomes = Concurrently.run(tasks);

    assertEquals(new Concurrently.Outcome<>("one", null), outcomes.get(0));
    assertNull(outcomes.get(1).value());
    assertSame(failure, outcomes.get(1).error());
    assertEquals(new Concurrently.Outcome<>("three", null), outcomes.get(2));
  }

  /** Returns {@code value} once every task is running: only if they run at the same time. */
  private static String meet(CountDownLatch allRunning, String value) throws InterruptedException {
    allRunning.countDown();
    allRunning.await();
    return value;
  }
}
