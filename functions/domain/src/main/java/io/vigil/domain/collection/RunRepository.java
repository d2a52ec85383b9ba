package io.vigil.domain.collection;

import java.time.Instant;
import java.util.Optional;

/** Port: the record of collection runs, which makes a re-delivered trigger a no-op. */
public interface RunRepository {

  /** Outcome of trying to start a run. */
  sealed interface Start {
    /** This call claimed the run: go ahead. */
    record Claimed() implements Start {}

    /** The run already completed: return its summary, change nothing. */
    record AlreadyCompleted(RunSummary summary) implements Start {}
  }

  /**
   * Claims the run id atomically. A run that was claimed before but never completed (the previous
   * attempt crashed) is claimed again: every write of a run is idempotent, so redoing it is safe.
   */
  Start start(String runId, String trigger, Instant startedAt);

  /** Marks the run completed with its summary. */
  void complete(RunSummary summary);

  Optional<RunSummary> find(String runId);
}
