package io.vigil.domain.audit;

import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One internal audit of the programme (clause 9.2): what is audited (clauses and Annex A controls),
 * against which criteria, when and by whom.
 */
public record Audit(
    String id,
    String title,
    List<ClauseId> clauses,
    List<ControlId> controls,
    String criteria,
    LocalDate plannedStart,
    LocalDate plannedEnd,
    List<Auditor> auditors,
    AuditStatus status,
    long version) {

  public Audit {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("an audit needs an id");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("an audit needs a title");
    }
    clauses = List.copyOf(clauses == null ? List.of() : clauses);
    controls = List.copyOf(controls == null ? List.of() : controls);
    if (clauses.isEmpty() && controls.isEmpty()) {
      throw new IllegalArgumentException("audit " + id + " has an empty scope");
    }
    if (criteria == null || criteria.isBlank()) {
      throw new IllegalArgumentException("audit " + id + " states its audit criteria (9.2.2 c)");
    }
    Objects.requireNonNull(plannedStart, "plannedStart");
    Objects.requireNonNull(plannedEnd, "plannedEnd");
    if (plannedEnd.isBefore(plannedStart)) {
      throw new IllegalArgumentException("audit " + id + " ends before it starts");
    }
    auditors = List.copyOf(auditors == null ? List.of() : auditors);
    Objects.requireNonNull(status, "status");
  }

  /** Scope items in external form ("9.2", "A.8.24"). */
  public Set<String> scopeItems() {
    var items = new ArrayList<String>();
    clauses.forEach(c -> items.add(c.toString()));
    controls.forEach(c -> items.add(c.toString()));
    return Set.copyOf(items);
  }

  /**
   * The scope items each auditor would audit although responsible for them; empty when every
   * auditor is independent of the audited scope.
   */
  public List<String> independenceConflicts() {
    var scope = scopeItems();
    var conflicts = new ArrayList<String>();
    for (var a : auditors) {
      a.responsibleFor().stream()
          .filter(scope::contains)
          .sorted()
          .forEach(item -> conflicts.add(a.name() + " is responsible for " + item));
    }
    return conflicts;
  }
}
