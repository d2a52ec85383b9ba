package io.vigil.domain.collection;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the record of collection runs (and of the units of a run), which makes a re-delivered
 * trigger a no-op and lets only one invocation at a time collect a run or unit.
 *
 * <p>A claim lasts until the claiming invocation's deadline ({@code claimedUntil}). While it is
 * live, another copy of the same trigger is refused ({@link Start.Held}); once it has passed (the
 * invocation crashed or timed out without completing) or been {@linkplain #release released}, the
 * run may be claimed again and redone: every write of a run is idempotent.
 */
public interface RunRepository {

  /** Outcome of trying to start a run. */
  sealed interface Start {
    /** This call claimed the run: go ahead. */
    record Claimed() implements Start {}

    /** The run already completed: return its summary, change nothing. */
    record AlreadyCompleted(RunSummary summary) implements Start {}

    /**
     * Another invocation holds a live claim of the run, until {@code claimedUntil}: do nothing,
     * fail so that the trigger is retried later.
     */
    record Held(Instant claimedUntil) implements Start {}
  }

  /**
   * Claims the run id atomically until {@code claimedUntil}. A run that was claimed before but
   * never completed is claimed again only once that claim has passed ({@code claimedUntil} before
   * {@code startedAt}), was released, or has no deadline (written before claims had one).
   *
   * @param startedAt now: when this attempt starts (a stored claim that ends before it has passed)
   * @param claimedUntil the deadline of the claiming invocation
   */
  Start start(String runId, String trigger, Instant startedAt, Instant claimedUntil);

  /**
   * Gives up the claim {@code claimedUntil} of a run that failed without completing, so that a
   * retry may claim it at once instead of waiting for the deadline. Does nothing if the run
   * completed or another invocation claimed it since.
   */
  void release(String runId, Instant claimedUntil);

  /** Marks the run completed with its summary. */
  void complete(RunSummary summary);

  Optional<RunSummary> find(String runId);
}
