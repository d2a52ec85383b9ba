package io.vigil.domain.fakes;

import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingQuery;
import io.vigil.domain.finding.HistoryEntry;
import io.vigil.domain.finding.Page;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
    FindingRepository.requireRecordable(proposed);
    var key = proposed.subjectKey();
    var openId = openBySubject.get(key);
    if (openId != null) {
      findings.put(openId, findings.get(openId).seenFailingAgain(seenAt));
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

  private final Map<FindingId, List<CorrectiveAction>> actions = new LinkedHashMap<>();
  private final Map<FindingId, List<HistoryEntry>> histories = new LinkedHashMap<>();
  private final java.util.Set<String> overdueNotices = new java.util.HashSet<>();

  @Override
  public synchronized void create(Finding finding, HistoryEntry entry) {
    if (findings.containsKey(finding.id())) {
      throw new IllegalStateException("finding " + finding.id() + " exists");
    }
    findings.put(finding.id(), finding);
    histories.computeIfAbsent(finding.id(), k -> new ArrayList<>()).add(entry);
  }

  @Override
  public synchronized CorrectiveAction addAction(CorrectiveAction action, HistoryEntry entry) {
    if (!findings.containsKey(action.findingId())) {
      throw new IllegalArgumentException("no finding " + action.findingId());
    }
    var list = actions.computeIfAbsent(action.findingId(), k -> new ArrayList<>());
    if (list.stream().anyMatch(a -> a.id().equals(action.id()))) {
      throw new IllegalStateException("action " + action.id() + " exists");
    }
    list.add(action);
    histories.computeIfAbsent(action.findingId(), k -> new ArrayList<>()).add(entry);
    return action;
  }

  @Override
  public synchronized CorrectiveAction updateAction(CorrectiveAction action, HistoryEntry entry) {
    var list = actions.getOrDefault(action.findingId(), new ArrayList<>());
    for (int i = 0; i < list.size(); i++) {
      var stored = list.get(i);
      if (stored.id().equals(action.id())) {
        if (stored.version() != action.version()) {
          throw new ConcurrentModificationException("action " + action.id() + " was changed by"
              + " someone else");
        }
        var saved = action.withVersion(action.version() + 1);
        list.set(i, saved);
        histories.computeIfAbsent(action.findingId(), k -> new ArrayList<>()).add(entry);
        return saved;
      }
    }
    throw new IllegalArgumentException("no action " + action.id());
  }

  @Override
  public synchronized List<CorrectiveAction> actionsOf(FindingId id) {
    return List.copyOf(actions.getOrDefault(id, List.of()));
  }

  @Override
  public synchronized List<HistoryEntry> history(FindingId id) {
    return List.copyOf(histories.getOrDefault(id, List.of()));
  }

  @Override
  public synchronized Page<Finding> find(FindingQuery query, String cursor, int limit) {
    var all = findings.values().stream().filter(query::matches)
        .sorted(Comparator.comparing(Finding::raisedAt).reversed()
            .thenComparing(f -> f.id().value()))
        .toList();
    int start = 0;
    if (cursor != null) {
      try {
        start = Integer.parseInt(cursor);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("cursor '" + cursor + "' was not issued here");
      }
    }
    var end = Math.min(all.size(), start + limit);
    return new Page<>(all.subList(Math.min(start, end), end),
        end < all.size() ? Integer.toString(end) : null);
  }

  @Override
  public synchronized boolean markOverdueNotified(FindingId findingId, String actionId,
      LocalDate day) {
    return overdueNotices.add(findingId + "#" + actionId + "#" + day);
  }

  @Override
  public synchronized void clearOverdueNotified(FindingId findingId, String actionId,
      LocalDate day) {
    overdueNotices.remove(findingId + "#" + actionId + "#" + day);
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
  public synchronized Finding update(Finding finding, HistoryEntry entry) {
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
    histories.computeIfAbsent(saved.id(), k -> new ArrayList<>()).add(entry);
    if (!saved.status().isOpen() && saved.subjectKey() != null) {
      openBySubject.remove(saved.subjectKey(), saved.id());
    }
    return saved;
  }
}
