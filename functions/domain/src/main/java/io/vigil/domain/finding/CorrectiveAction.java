package io.vigil.domain.finding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An action taken to remove the cause of a nonconformity (clause 10.2 c), with owner, due date and
 * the criteria by which its effectiveness will be judged. People edit actions, so each carries a
 * version for optimistic locking; {@code implementedBy} records who marked it implemented (they may
 * not review its effectiveness).
 */
public record CorrectiveAction(
    String id,
    FindingId findingId,
    String description,
    String owner,
    LocalDate dueDate,
    ActionStatus status,
    String effectivenessCriteria,
    String implementedBy,
    Instant implementedAt,
    long version) {

  private static final Pattern ID = Pattern.compile("A-[A-Za-z0-9-]{1,64}");

  public CorrectiveAction {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("'" + id + "' is not an action id (A-...)");
    }
    Objects.requireNonNull(findingId, "findingId");
    Objects.requireNonNull(status, "status");
    if (description == null || description.isBlank()) {
      throw new MissingFieldException("description", "a corrective action describes what will be"
          + " done");
    }
    if (owner == null || owner.isBlank()) {
      throw new MissingFieldException("owner", "a corrective action has an owner");
    }
    if (dueDate == null) {
      throw new MissingFieldException("dueDate", "a corrective action has a due date");
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
  }

  public boolean isOutstanding() {
    return status.isOutstanding();
  }

  public boolean isOverdue(LocalDate today) {
    return isOutstanding() && dueDate.isBefore(today);
  }

  public CorrectiveAction withVersion(long newVersion) {
    return new CorrectiveAction(id, findingId, description, owner, dueDate, status,
        effectivenessCriteria, implementedBy, implementedAt, newVersion);
  }

  /** This action with its people-edited fields changed. */
  public CorrectiveAction edited(String newDescription, String newOwner, LocalDate newDueDate,
      ActionStatus newStatus, String newCriteria, String newImplementedBy, Instant newImplementedAt) {
    return new CorrectiveAction(id, findingId, newDescription, newOwner, newDueDate, newStatus,
        newCriteria, newImplementedBy, newImplementedAt, version);
  }
}
