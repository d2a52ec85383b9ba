package io.vigil.domain.fakes;

import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory {@link FindingRepository} for unit tests, with the same rules as the real store. */
public class InMemoryFindingRepository implements FindingRepository {

  private final Map<FindingId, Finding> findings = new LinkedHashMap<>();
  private final Map<String, FindingId> openBySubject = new LinkedHashMap<>();
  private final Map<String, FindingId> lastBySubject = new LinkedHashMap<>();

  @Override
  public synchronized FailureOutcome recordFailure(Finding proposed, Instant seenAt) {
    var key = proposed.subjectKey();
    if (key == null) {
      throw new IllegalArgumentException("only an automated finding has a subject");
    }
    var openId = openBySubject.get(key);
    if (openId != null) {
      findings.put(openId, findings.get(openId).seenFailing(seenAt));
      return FailureOutcome.STILL_OPEN;
    }
    var previous = lastBySubject.get(key);
    var toStore = previous == null ? proposed : proposed.relatedTo(previous);
    create(toStore.seenFailing(seenAt));
    openBySubject.put(key, toStore.id());
    lastBySubject.put(key, toStore.id());
    return previous == null ? FailureOutcome.OPENED : FailureOutcome.REGRESSED;
  }

  @Override
  public synchronized boolean recordRecovery(String subjectKey, Instant seenAt) {
    var openId = openBySubject.get(subjectKey);
    if (openId == null || findings.get(openId).isEvidenceRecovered()
        || seenAt.isBefore(findings.get(openId).lastSeenAt())) {
      return false;
    }
    findings.put(openId, findings.get(openId).seenPassing(seenAt));
    return true;
  }

  @Override
  public synchronized void create(Finding finding) {
    if (findings.containsKey(finding.id())) {
      throw new IllegalStateException("finding " + finding.id() + " exists");
    }
    findings.put(finding.id(), finding);
  }

  @Override
  public synchronized Optional<Finding> findById(FindingId id) {
    return Optional.ofNullable(findings.get(id));
  }

  @Override
  public synchronized Optional<Finding> findOpenBySubject(String subjectKey) {
    return Optional.ofNullable(openBySubject.get(subjectKey)).map(findings::get);
  }

  @Override
  public synchronized List<Finding> findOpen() {
    return findings.values().stream()
        .filter(f -> f.status().isOpen())
        .sorted(Comparator.comparing((Finding f) -> f.dueDate() == null ? LocalDate.MAX : f.dueDate())
            .thenComparing(f -> f.id().value()))
        .toList();
  }

  @Override
  public synchronized Finding update(Finding finding) {
    var stored = findings.get(finding.id());
    if (stored == null) {
      throw new IllegalArgumentException("no finding " + finding.id());
    }
    if (stored.version() != finding.version()) {
      throw new ConcurrentModificationException("finding " + finding.id() + " was changed by someone"
          + " else (version " + stored.version() + ", edit based on " + finding.version() + ")");
    }
    var saved = finding.withVersion(finding.version() + 1);
    findings.put(saved.id(), saved);
    if (!saved.status().isOpen() && saved.subjectKey() != null) {
      openBySubject.remove(saved.subjectKey(), saved.id());
    }
    return saved;
  }
}
