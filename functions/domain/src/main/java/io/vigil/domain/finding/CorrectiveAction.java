package io.vigil.domain.finding;

import java.time.LocalDate;
import java.util.Objects;

/** An action taken to remove the cause of a nonconformity (clause 10.2 c), with owner and due date. */
public record CorrectiveAction(
    String id,
    FindingId findingId,
    String description,
    String owner,
    LocalDate dueDate,
    ActionStatus status,
    String effectivenessCriteria,
    long version) {

  public CorrectiveAction {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a corrective action needs an id");
    }
    Objects.requireNonNull(findingId, "findingId");
    Objects.requireNonNull(status, "status");
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("a corrective action describes what will be done");
    }
    if (owner == null || owner.isBlank()) {
      throw new IllegalArgumentException("a corrective action has an owner");
    }
    Objects.requireNonNull(dueDate, "a corrective action has a due date");
  }

  public boolean isOverdue(LocalDate today) {
    return (status == ActionStatus.PLANNED || status == ActionStatus.IN_PROGRESS)
        && dueDate.isBefore(today);
  }
}
