package io.vigil.domain.register;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One immutable history entry of a register record: who did what, when, and which fields it
 * changed; {@code version} is the record's version after the change.
 */
public record RegisterEvent(Instant at, String actor, Kind kind, List<String> fieldsChanged,
    String note, long version) {

  /** What happened. */
  public enum Kind {
    CREATED, EDITED, TREATMENT_APPROVED, RESIDUAL_ACCEPTED, EVIDENCE_ATTACHED
  }

  public RegisterEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(kind, "kind");
    fieldsChanged = List.copyOf(fieldsChanged == null ? List.of() : fieldsChanged);
    note = note == null ? "" : note;
  }
}
