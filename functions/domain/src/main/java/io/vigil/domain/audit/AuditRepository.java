package io.vigil.domain.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where the audit programme is kept: the planned audits of the current plan and the records of
 * audits started, completed or cancelled. Saving is idempotent: saving the same plan again writes
 * nothing and reports no change.
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
   * audits dated from {@code plan.from()} on that it no longer has (planned audits dated before it
   * are history — missed audits stay recorded as overdue). Audits that were started, completed or cancelled are never changed or
   * deleted by a plan, even one that still lists their id.
   */
  PlanChanges savePlan(AuditPlan plan);

  /** Every planned (not cancelled) audit, by date then id. */
  List<AuditPlan.PlannedAudit> planned();

  /** Planned audits dated {@code from} to {@code to} (both included), by date then id. */
  List<AuditPlan.PlannedAudit> due(LocalDate from, LocalDate to);

  /** The planned audit with this id; empty if unknown or cancelled. */
  Optional<AuditPlan.PlannedAudit> find(String id);

  /** The audit with this id in any status; empty if unknown. */
  Optional<AuditRecord> record(String id);

  /**
   * Stores a changed audit record: {@code changed.version()} is the version it is based on; the
   * stored record gets {@code version + 1}, and is returned.
   *
   * @throws io.vigil.domain.finding.NotFoundException if no audit has this id
   * @throws io.vigil.domain.finding.FindingRepository.ConcurrentModificationException if the
   *     stored version differs (someone changed it since it was read)
   */
  AuditRecord update(AuditRecord changed);

  /**
   * Audits in any of {@code statuses} whose day ({@link AuditRecord#day()}) lies from {@code from}
   * to {@code to} (both included), by day then id.
   */
  List<AuditRecord> records(LocalDate from, LocalDate to, java.util.Set<AuditStatus> statuses);
}
