package io.vigil.domain.collection;

import io.vigil.domain.check.CheckStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** What a collection run did: counts by status and the findings it opened. */
public record RunSummary(
    String runId,
    String trigger,
    Instant startedAt,
    Instant completedAt,
    int targets,
    Map<CheckStatus, Integer> counts,
    int findingsOpened,
    int evidenceObjects) {

  public RunSummary {
    Objects.requireNonNull(runId, "runId");
    var copy = new EnumMap<CheckStatus, Integer>(CheckStatus.class);
    for (var s : CheckStatus.values()) {
      copy.put(s, counts == null ? 0 : counts.getOrDefault(s, 0));
    }
    counts = Map.copyOf(copy);
  }

  public int count(CheckStatus status) {
    return counts.getOrDefault(status, 0);
  }

  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
