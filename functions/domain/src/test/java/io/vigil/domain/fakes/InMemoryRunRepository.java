package io.vigil.domain.fakes;

import io.vigil.domain.collection.RunRepository;
import io.vigil.domain.collection.RunSummary;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory {@link RunRepository} for unit tests: a run is claimed (until a deadline, or with none
 * once released) or completed.
 */
public final class InMemoryRunRepository implements RunRepository {

  /** A run's state: its summary once completed, else the deadline of its claim (null: none). */
  private record Entry(RunSummary summary, Instant claimedUntil) {}

  private final Map<String, Entry> runs = new HashMap<>();

  @Override
  public synchronized Start start(String runId, String trigger, Instant startedAt,
      Instant claimedUntil) {
    var existing = runs.get(runId);
    if (existing != null && existing.summary() != null) {
      return new Start.AlreadyCompleted(existing.summary());
    }
    if (existing != null && existing.claimedUntil() != null
        && !existing.claimedUntil().isBefore(startedAt)) {
      return new Start.Held(existing.claimedUntil());
    }
    runs.put(runId, new Entry(null, claimedUntil));
    return new Start.Claimed();
  }

  @Override
  public synchronized void release(String runId, Instant claimedUntil) {
    var existing = runs.get(runId);
    if (existing != null && existing.summary() == null
        && claimedUntil.equals(existing.claimedUntil())) {
      runs.put(runId, new Entry(null, null));
    }
  }

  @Override
  public synchronized void complete(RunSummary summary) {
    runs.put(summary.runId(), new Entry(summary, null));
  }

  @Override
  public synchronized Optional<RunSummary> find(String runId) {
    return Optional.ofNullable(runs.get(runId)).map(Entry::summary);
  }
}
