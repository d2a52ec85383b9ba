package io.vigil.domain.fakes;

import io.vigil.domain.check.CheckResult;
import io.vigil.domain.collection.ResultRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link ResultRepository} for unit tests. */
public final class InMemoryResultRepository implements ResultRepository {

  private final Map<String, Map<String, CheckResult>> byRun = new ConcurrentHashMap<>();
  private final Map<String, CheckResult> latest = new ConcurrentHashMap<>();
  /** The latest results by check, as the real store's index by check holds them. */
  private final Map<io.vigil.domain.check.CheckId, Map<String, CheckResult>> latestByCheck =
      new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger writes =
      new java.util.concurrent.atomic.AtomicInteger();

  @Override
  public void saveAll(List<CheckResult> results) {
    writes.addAndGet(results.size());
    for (var r : results) {
      byRun.computeIfAbsent(r.runId(), k -> new ConcurrentHashMap<>()).put(r.subjectKey(), r);
      var kept = latest.merge(r.subjectKey(), r,
          (old, neu) -> neu.observedAt().isBefore(old.observedAt()) ? old : neu);
      latestByCheck.computeIfAbsent(kept.checkId(), k -> new ConcurrentHashMap<>())
          .put(kept.subjectKey(), kept);
    }
  }

  @Override
  public List<CheckResult> findByRun(String runId) {
    var list = new ArrayList<>(byRun.getOrDefault(runId, Map.of()).values());
    list.sort(Comparator.comparing(CheckResult::subjectKey));
    return list;
  }

  @Override
  public Optional<CheckResult> findLatest(String subjectKey) {
    return Optional.ofNullable(latest.get(subjectKey));
  }

  @Override
  public Map<String, CheckResult> findLatest(Collection<String> subjectKeys) {
    var out = new java.util.HashMap<String, CheckResult>();
    for (var key : subjectKeys) {
      var r = latest.get(key);
      if (r != null) {
        out.put(key, r);
      }
    }
    return out;
  }

  /** Number of results ever written (to observe delta writes in tests). */
  public int writes() {
    return writes.get();
  }

  @Override
  public List<CheckResult> findLatestOfCheck(io.vigil.domain.check.CheckId checkId) {
    return latestByCheck.getOrDefault(checkId, Map.of()).values().stream()
        .sorted(java.util.Comparator.comparing(CheckResult::accountId)
            .thenComparing(CheckResult::resourceArn))
        .toList();
  }
}
