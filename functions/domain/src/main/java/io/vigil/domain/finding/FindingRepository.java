package io.vigil.domain.finding;

import java.util.List;
import java.util.Optional;

/** Port: persistence of findings. */
public interface FindingRepository {

  /** What {@link #recordFailure} did. */
  enum FailureOutcome {
    /** No finding was open for the subject: {@code proposed} was stored. */
    OPENED,
    /** The subject had a closed finding: {@code proposed} was stored, linked to it. */
    REGRESSED,
    /** A finding was already open: its last-seen time moved forward, any recovery was cleared. */
    STILL_OPEN
  }

  /**
   * Records that an automated check saw its subject (account, check, resource) failing at
   * {@code seenAt}. Atomic and idempotent: concurrent or repeated calls for one subject leave
   * exactly one open finding.
   *
   * @param proposed the finding to open if none is open for its subject
   */
  FailureOutcome recordFailure(Finding proposed, java.time.Instant seenAt);

  /** A failure an automated check saw: the finding to open if none is open, and when. */
  record Failure(Finding proposed, java.time.Instant seenAt) {
    public Failure {
      java.util.Objects.requireNonNull(proposed, "proposed");
      java.util.Objects.requireNonNull(seenAt, "seenAt");
    }
  }

  /**
   * {@link #recordFailure} for each of many failures, as one unit of a run sees them; the outcomes
   * in the order given. An implementation may read the subjects' state in batches first (the
   * common case of a run is that nothing changes). Every failure is validated before anything is
   * written.
   *
   * @throws IllegalArgumentException if a proposed finding has no subject or is not open
   */
  default List<FailureOutcome> recordFailures(List<Failure> failures) {
    failures.forEach(f -> requireRecordable(f.proposed()));
    return failures.stream().map(f -> recordFailure(f.proposed(), f.seenAt())).toList();
  }

  /**
   * Checks that {@code proposed} can be recorded as a failure: an open, automated finding.
   *
   * @throws IllegalArgumentException if it has no subject or is not open
   */
  static void requireRecordable(Finding proposed) {
    if (proposed.subjectKey() == null) {
      throw new IllegalArgumentException("only an automated finding has a subject");
    }
    if (!proposed.status().isOpen()) {
      throw new IllegalArgumentException("finding " + proposed.id() + " is " + proposed.status()
          + ": only an open finding can be opened");
    }
  }

  /**
   * Records that the subject was seen passing at {@code seenAt}: an open finding for it is marked
   * "evidence recovered" (it stays open until a person verifies effectiveness).
   *
   * @return true if this call marked a finding recovered; false if none was open or it already was
   */
  boolean recordRecovery(String subjectKey, java.time.Instant seenAt);

  /** Shorthand used by tests and simple callers: true if {@link #recordFailure} opened a finding. */
  default boolean openIfNoneOpen(Finding finding) {
    return recordFailure(finding, finding.raisedAt()) != FailureOutcome.STILL_OPEN;
  }

  /** Stores a new finding (any source) and its first history entry; fails if the id exists. */
  void create(Finding finding, HistoryEntry entry);

  /** Stores a new finding created by Vigil itself. */
  default void create(Finding finding) {
    create(finding, new HistoryEntry(finding.raisedAt(), "vigil", HistoryEntry.Kind.CREATED, null,
        finding.status(), java.util.List.of(), null, finding.version()));
  }

  Optional<Finding> findById(FindingId id);

  /** The open automated finding for the subject, if any. */
  Optional<Finding> findOpenBySubject(String subjectKey);

  /** All open findings, ordered by due date (no due date last). */
  List<Finding> findOpen();

  /**
   * Saves an edited finding if nobody else changed it since it was read (optimistic locking): the
   * stored version must equal {@code finding.version()}; the stored copy gets version + 1. The
   * history entry is written in the same transaction.
   *
   * @throws ConcurrentModificationException if the stored version differs
   */
  Finding update(Finding finding, HistoryEntry entry);

  /** {@link #update(Finding, HistoryEntry)} recorded as an edit by Vigil itself. */
  default Finding update(Finding finding) {
    return update(finding, new HistoryEntry(java.time.Instant.now(), "vigil",
        HistoryEntry.Kind.EDITED, null, finding.status(), java.util.List.of(), null,
        finding.version() + 1));
  }

  /** Stores a new corrective action of an existing finding, with its history entry. */
  CorrectiveAction addAction(CorrectiveAction action, HistoryEntry entry);

  /**
   * Saves an edited action if its stored version equals {@code action.version()}; the stored copy
   * gets version + 1; the history entry is written in the same transaction.
   *
   * @throws ConcurrentModificationException if the stored version differs
   */
  CorrectiveAction updateAction(CorrectiveAction action, HistoryEntry entry);

  /** The corrective actions of a finding, in the order they were added. */
  java.util.List<CorrectiveAction> actionsOf(FindingId id);

  /** The history of a finding, oldest first. */
  java.util.List<HistoryEntry> history(FindingId id);

  /**
   * A page of the findings matching {@code query}, newest first; {@code cursor} is null for the
   * first page or the {@code nextCursor} of the previous page.
   *
   * @throws IllegalArgumentException if the cursor is not one this repository issued
   */
  Page<Finding> find(FindingQuery query, String cursor, int limit);

  /**
   * Records that the overdue notice of an action was sent for {@code day}; false if it already was
   * (so the notice goes out once per action per day, however often the sweep runs).
   */
  boolean markOverdueNotified(FindingId findingId, String actionId, java.time.LocalDate day);

  /** Forgets an overdue notice of {@code day} that could not be published, so it is sent later. */
  void clearOverdueNotified(FindingId findingId, String actionId, java.time.LocalDate day);

  /** Thrown when an edit is based on an outdated version of a record. */
  final class ConcurrentModificationException extends RuntimeException {
    public ConcurrentModificationException(String message) {
      super(message);
    }
  }
}
