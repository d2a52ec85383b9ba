package io.vigil.domain.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * The audit programme of one cycle: planned audits and the items no eligible auditor could take
 * (never silently assigned).
 */
public record AuditPlan(LocalDate from, LocalDate to, List<PlannedAudit> audits,
    List<Unassigned> unassigned) {

  /**
   * One planned audit (clause 9.2.2: criteria, scope, method, date, auditor).
   *
   * @param auditor the programme's id of the auditor
   * @param auditorEmail the auditor's e-mail (reminders; identifies the auditor who records it)
   */
  public record PlannedAudit(String id, LocalDate date, String auditor, String auditorEmail,
      List<String> items, String criteria, String scope, String method) {
    public PlannedAudit {
      items = List.copyOf(items);
    }
  }

  /** An item the plan could not give to any auditor, and why. */
  public record Unassigned(String item, String reason) {}

  public AuditPlan {
    audits = List.copyOf(audits);
    unassigned = List.copyOf(unassigned);
  }
}
