package io.vigil.domain.control;

import java.util.Objects;

/** An auditable ISMS requirement of clauses 4 to 10, with Vigil's own short title. */
public record IsmsClause(ClauseId id, String title) {
  public IsmsClause {
    Objects.requireNonNull(id, "id");
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("clause " + id + " needs a title");
    }
  }
}
