package io.vigil.domain.fakes;

import io.vigil.domain.collection.RunRepository;
import io.vigil.domain.collection.RunSummary;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link RunRepository} for unit tests. */
public final class InMemoryRunRepository implements RunRepository {

  private final Map<String, Optional<RunSummary>> runs = new ConcurrentHashMap<>();

  @Override
  public synchronized Start start(String runId, String trigger, Instant startedAt) {
    var existing = runs.get(runId);
    if (existing != null && existing.isPresent()) {
      return new Start.AlreadyCompleted(existing.get());
    }
    runs.put(runId, Optional.empty());
    return new Start.Claimed();
  }

  @Override
  public synchronized void complete(RunSummary summary) {
    runs.put(summary.runId(), Optional.of(summary));
  }

  @Override
  public Optional<RunSummary> find(String runId) {
    return runs.getOrDefault(runId, Optional.empty());
  }
}
