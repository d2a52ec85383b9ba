package io.vigil.domain.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where the audit programme is kept: the planned audits of the current plan. Saving is
 * idempotent: saving the same plan again writes nothing and reports no change.
 */
public interface AuditRepository {

  /**
   * What {@link #savePlan} changed compared with the stored planned audits (audit ids, sorted).
   *
   * @param added audits that were not planned before
   * @param changed audits whose date, auditor or items changed
   * @param removed planned audits the new plan no longer has (deleted)
   */
  record PlanChanges(List<String> added, List<String> changed, List<String> removed) {
    public PlanChanges {
      added = List.copyOf(added);
      changed = List.copyOf(changed);
      removed = List.copyOf(removed);
    }

    /** No change at all. */
    public static PlanChanges none() {
      return new PlanChanges(List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
      return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
  }

  /**
   * Makes {@code plan} the current plan: adds its new audits, updates changed ones, deletes planned
   * audits it no longer has. A cancelled audit stays cancelled: a plan that still lists its id
   * does not bring it back.
   */
  PlanChanges savePlan(AuditPlan plan);

  /** Every planned (not cancelled) audit, by date then id. */
  List<AuditPlan.PlannedAudit> planned();

  /** Planned audits dated {@code from} to {@code to} (both included), by date then id. */
  List<AuditPlan.PlannedAudit> due(LocalDate from, LocalDate to);

  /** The planned audit with this id; empty if unknown or cancelled. */
  Optional<AuditPlan.PlannedAudit> find(String id);

  /**
   * Cancels a planned audit: it leaves {@link #planned()} and its reminders are deleted at the next
   * reminder sync.
   *
   * @throws java.util.NoSuchElementException if no planned audit has this id
   */
  void cancel(String id);
}
