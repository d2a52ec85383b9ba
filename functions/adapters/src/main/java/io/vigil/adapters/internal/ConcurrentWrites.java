package io.vigil.adapters.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs independent writes (tasks) concurrently, at most {@code maxInFlight} at a time, and returns
 * once every started task has ended.
 *
 * <p>Threads: each call starts up to {@code maxInFlight - 1} daemon threads of its own and works
 * on the calling thread too; the threads end before the call returns. Nothing is kept between
 * calls, so no thread outlives an invocation or is captured in a SnapStart snapshot, and a call
 * with one task (or {@code maxInFlight} 1) runs it on the calling thread alone. Tasks are taken in
 * the order given; their results are returned in that order, whatever order they end in.
 *
 * <p>Failures: once a task fails no further task is started (the tasks not yet started are
 * skipped: never attempted); the tasks in flight are run to their end, then the first failure is
 * thrown with the later ones (of tasks that were in flight) added to it as suppressed. A caller
 * that fails thus leaves no write running behind it, and writes nothing silently: each task either
 * completed, failed (and made the call fail), or was never started. Retries are the task's own
 * business (the SDK's retry strategy, {@code Backoff}); this class retries nothing.
 *
 * <p>If the calling thread is interrupted while it waits, no further task is started, the tasks in
 * flight are still waited for, and the call ends with the thread's interrupt status set and an
 * {@link IllegalStateException} (unless a task failed first).
 */
public final class ConcurrentWrites {

  /**
   * Writes a call keeps in flight by default, chosen for AWS, where a write costs latency rather
   * than the caller's CPU (S3 PUT ~20–30 ms, a DynamoDB write ~5–10 ms): 5 in flight take a first
   * run's ~6,200 evidence PUTs per unit from ~2.6 min to ~30 s, far below S3's 3,500 PUT/s per
   * prefix. Not more: the URLConnection client keeps 5 connections per host alive (the JDK's
   * {@code http.maxConnections}), so a sixth concurrent write would open a TLS connection that is
   * closed again afterwards. On moto (one Python process, already near one busy core with
   * sequential writes) no bound above 1 is faster: the benchmark's first run went from 94 s to
   * 109 s at 8 (see docs/performance.md).
   */
  public static final int MAX_IN_FLIGHT = 5;

  private ConcurrentWrites() {}

  /** {@link #map} with {@link #MAX_IN_FLIGHT}. */
  public static <T, R> List<R> map(List<T> inputs, Function<? super T, ? extends R> task) {
    return map(inputs, MAX_IN_FLIGHT, task);
  }

  /** {@link #forEach} with {@link #MAX_IN_FLIGHT}. */
  public static <T> void forEach(List<T> inputs, Consumer<? super T> task) {
    forEach(inputs, MAX_IN_FLIGHT, task);
  }

  /** Runs {@code task} on every input, at most {@code maxInFlight} at a time. */
  public static <T> void forEach(List<T> inputs, int maxInFlight, Consumer<? super T> task) {
    map(inputs, maxInFlight, t -> {
      task.accept(t);
      return null;
    });
  }

  /**
   * Applies {@code task} to every input, at most {@code maxInFlight} at a time.
   *
   * @return the results, in the order of {@code inputs}
   * @throws RuntimeException the first failure of a task (or an {@link Error}), later ones
   *     suppressed
   */
  public static <T, R> List<R> map(List<T> inputs, int maxInFlight,
      Function<? super T, ? extends R> task) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
    }
    var run = new Run<T, R>(List.copyOf(inputs), task);
    int helpers = Math.min(maxInFlight, run.inputs.size()) - 1;
    var threads = new ArrayList<Thread>(Math.max(helpers, 0));
    try {
      for (int i = 0; i < helpers; i++) {
        var thread = new Thread(run::work, "vigil-writes-" + i);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
      }
    } catch (Throwable e) { // e.g. OutOfMemoryError: unable to create a native thread
      run.fail(e);
    }
    run.work();
    boolean interrupted = false;
    for (var thread : threads) {
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          run.stop();
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    run.throwFailure();
    if (interrupted) {
      throw new IllegalStateException("interrupted while " + run.inputs.size()
          + " writes were running; the ones not yet started were skipped");
    }
    return Arrays.asList(run.results);
  }

  /** The shared state of one call. */
  private static final class Run<T, R> {
    private final List<T> inputs;
    private final Function<? super T, ? extends R> task;
    private final R[] results;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Throwable> failures = new ArrayList<>();
    private volatile boolean stopped;

    @SuppressWarnings("unchecked")
    Run(List<T> inputs, Function<? super T, ? extends R> task) {
      this.inputs = inputs;
      this.task = task;
      this.results = (R[]) new Object[inputs.size()];
    }

    void work() {
      int i;
      while (!stopped && (i = next.getAndIncrement()) < inputs.size()) {
        try {
          results[i] = task.apply(inputs.get(i));
        } catch (Throwable e) {
          fail(e);
        }
      }
    }

    void stop() {
      stopped = true;
    }

    synchronized void fail(Throwable e) {
      stopped = true;
      failures.add(e);
    }

    /** Throws the first failure, the others suppressed; the threads have ended. */
    synchronized void throwFailure() {
      if (failures.isEmpty()) {
        return;
      }
      var first = failures.get(0);
      failures.subList(1, failures.size()).stream().filter(e -> e != first)
          .forEach(first::addSuppressed);
      if (first instanceof RuntimeException r) {
        throw r;
      }
      if (first instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(first); // a checked exception thrown sneakily
    }
  }
}
