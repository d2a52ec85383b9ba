package io.vigil.domain.finding;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One immutable entry of a finding's history: who did what when, the state before and after, and
 * which fields changed. Written in the same transaction as the change it records.
 *
 * @param actionId the corrective action concerned, or null
 */
public record HistoryEntry(
    Instant at,
    String actor,
    Kind kind,
    FindingStatus from,
    FindingStatus to,
    List<String> fieldsChanged,
    String actionId,
    long version) {

  /** What happened. */
  public enum Kind {
    CREATED,
    OPENED_BY_CHECK,
    TRANSITION,
    EDITED,
    ACTION_ADDED,
    ACTION_UPDATED,
    EVIDENCE_RECOVERED,
    FAILING_AGAIN,
    ACTION_OVERDUE
  }

  public HistoryEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("a history entry names its actor");
    }
    fieldsChanged = List.copyOf(fieldsChanged == null ? List.of() : fieldsChanged);
  }
}
