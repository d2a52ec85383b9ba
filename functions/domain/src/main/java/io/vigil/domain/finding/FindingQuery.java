package io.vigil.domain.finding;

import io.vigil.domain.control.ControlId;
import java.time.LocalDate;

/**
 * Filters for listing findings; null means "any". {@code overdueOn}, when set, keeps open findings
 * whose due date is before that day.
 */
public record FindingQuery(
    FindingStatus status,
    FindingType type,
    FindingSource source,
    ControlId control,
    String owner,
    LocalDate overdueOn) {

  public static FindingQuery all() {
    return new FindingQuery(null, null, null, null, null, null);
  }

  public boolean matches(Finding f) {
    return (status == null || f.status() == status)
        && (type == null || f.type() == type)
        && (source == null || f.source() == source)
        && (control == null || f.controls().contains(control))
        && (owner == null || owner.equalsIgnoreCase(f.owner() == null ? "" : f.owner()))
        && (overdueOn == null || f.isOverdue(overdueOn));
  }
}
