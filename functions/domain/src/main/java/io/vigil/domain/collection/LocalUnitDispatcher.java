package io.vigil.domain.collection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Collects the units of a run in this process on a bounded thread pool: the local counterpart of the
 * SQS fan-out. Collection is I/O-bound, so a few threads per core pay off; the bound keeps the load
 * on the customer's API throttling budget predictable.
 */
public final class LocalUnitDispatcher implements UnitDispatcher {

  private final CollectionService service;
  private final int concurrency;
  private final ProgressListener progress;
  private final Instant claimedUntil;

  /** Claims each unit for {@link CollectionService#DEFAULT_CLAIM} from when it starts. */
  public LocalUnitDispatcher(CollectionService service, int concurrency, ProgressListener progress) {
    this(service, concurrency, progress, null);
  }

  /**
   * Claims each unit until {@code claimedUntil}, the deadline of the invocation that dispatches
   * (null: {@link CollectionService#DEFAULT_CLAIM} from when the unit starts).
   */
  public LocalUnitDispatcher(CollectionService service, int concurrency, ProgressListener progress,
      Instant claimedUntil) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
    }
    this.service = service;
    this.concurrency = concurrency;
    this.progress = progress;
    this.claimedUntil = claimedUntil;
  }

  @Override
  public Dispatch dispatch(List<CollectionUnit> units) {
    if (units.isEmpty()) {
      return new Dispatch(0, List.of());
    }
    var threads = Math.min(concurrency, units.size());
    var pool = Executors.newFixedThreadPool(threads, r -> {
      var t = new Thread(r, "vigil-collect");
      t.setDaemon(true);
      return t;
    });
    try {
      var futures = new ArrayList<Future<CollectionService.UnitOutcome>>();
      for (var unit : units) {
        futures.add(pool.submit(() -> claimedUntil == null
            ? service.collectUnit(unit, progress)
            : service.collectUnit(unit, progress, claimedUntil)));
      }
      var outcomes = new ArrayList<CollectionService.UnitOutcome>();
      var failures = new ArrayList<String>();
      RuntimeException first = null;
      for (int i = 0; i < futures.size(); i++) {
        try {
          outcomes.add(futures.get(i).get());
        } catch (ExecutionException e) {
          var cause = e.getCause() instanceof RuntimeException re ? re
              : new IllegalStateException(e.getCause());
          first = first == null ? cause : first;
          failures.add(units.get(i).unitId() + ": " + cause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while collecting", e);
        }
      }
      if (!failures.isEmpty()) {
        // every other unit finished and is recorded; the run stays open, so a retry of the
        // trigger redoes only the failed units (completed units are no-ops)
        var e = new UnitsFailedException(failures, units.size());
        e.addSuppressed(first);
        throw e;
      }
      return new Dispatch(units.size(), outcomes);
    } finally {
      pool.shutdownNow();
    }
  }
}
