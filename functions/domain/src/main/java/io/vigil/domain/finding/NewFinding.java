package io.vigil.domain.finding;

import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import java.time.LocalDate;
import java.util.List;

/**
 * A finding raised by a person (audit, incident, management review). Severity, when absent,
 * follows the type: major nonconformity high, minor medium, observation low, opportunity
 * informational.
 */
public record NewFinding(
    String title,
    FindingType type,
    FindingSource source,
    List<ControlId> controls,
    List<ClauseId> clauses,
    String description,
    Severity severity,
    String owner,
    LocalDate dueDate,
    String auditId) {

  public NewFinding {
    controls = List.copyOf(controls == null ? List.of() : controls);
    clauses = List.copyOf(clauses == null ? List.of() : clauses);
  }

  Severity severityOrDefault() {
    if (severity != null) {
      return severity;
    }
    return switch (type) {
      case MAJOR_NONCONFORMITY -> Severity.HIGH;
      case MINOR_NONCONFORMITY -> Severity.MEDIUM;
      case OBSERVATION -> Severity.LOW;
      case OPPORTUNITY_FOR_IMPROVEMENT -> Severity.INFORMATIONAL;
    };
  }
}
