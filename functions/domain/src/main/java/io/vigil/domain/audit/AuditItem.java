package io.vigil.domain.audit;

import java.util.Objects;

/**
 * One item of the audit universe: an ISMS clause ({@code "9.2"}) or an applicable Annex A control
 * ({@code "A.8.24"}), with the group it is audited with (clause number "4".."10", or the Annex A
 * theme label) and its short title.
 */
public record AuditItem(String id, Kind kind, String group, String title) {

  /** Clause of the ISMS or Annex A control. */
  public enum Kind {
    CLAUSE,
    CONTROL
  }

  public AuditItem {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("an audit item has an id");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(title, "title");
  }
}
