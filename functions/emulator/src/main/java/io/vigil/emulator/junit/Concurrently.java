package io.vigil.emulator.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs tasks on their own threads, all released together by a latch once every thread is ready
 * (no sleeps), and collects each task's value or error in task order.
 */
public final class Concurrently {

  /**
   * What one task returned or threw.
   *
   * @param value what it returned; null if it threw
   * @param error what it threw; null if it returned
   */
  public record Outcome<T>(T value, Throwable error) {}

  private Concurrently() {}

  /**
   * Runs every task on a thread of its own, all starting together, and waits for them all.
   *
   * @return each task's outcome, in the order of {@code tasks}
   * @throws AssertionError if a task has not finished within 5 minutes (a hung task fails the
   *     test instead of blocking the build)
   */
  public static <T> List<Outcome<T>> run(List<Callable<T>> tasks) throws InterruptedException {
    var ready = new CountDownLatch(tasks.size());
    var go = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(tasks.size());
    try {
      var futures = new ArrayList<Future<T>>();
      for (var task : tasks) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return task.call();
        }));
      }
      ready.await();
      go.countDown();
      var outcomes = new ArrayList<Outcome<T>>();
      for (var future : futures) {
        try {
          // a bound so that a hung task fails the test instead of blocking the build
          outcomes.add(new Outcome<>(future.get(5, TimeUnit.MINUTES), null));
        } catch (ExecutionException e) {
          outcomes.add(new Outcome<>(null, e.getCause()));
        } catch (TimeoutException e) {
          throw new AssertionError("a task did not finish within 5 minutes", e);
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
