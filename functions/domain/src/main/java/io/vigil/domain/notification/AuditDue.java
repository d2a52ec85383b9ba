package io.vigil.domain.notification;

import io.vigil.domain.audit.AuditPlan;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A planned internal audit is due ({@code daysBefore} = 0, event {@code Audit Due}) or coming up
 * (event {@code Audit Reminder}, e.g. 14 and 1 days before). Delivered by EventBridge Scheduler
 * one-time schedules, whose input is this {@link #detail()}.
 *
 * @param auditorContact the auditor's e-mail (or id when none is known)
 * @param day the day the event fires
 */
public record AuditDue(AuditPlan.PlannedAudit audit, String auditorContact, LocalDate day,
    int daysBefore) implements DomainEvent {

  public AuditDue {
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(day, "day");
  }

  @Override
  public String detailType() {
    return daysBefore == 0 ? "Audit Due" : "Audit Reminder";
  }

  @Override
  public Map<String, Object> detail() {
    var d = new LinkedHashMap<String, Object>();
    d.put("schemaVersion", 1);
    d.put("auditId", audit.id());
    d.put("title", audit.scope() == null || audit.scope().isBlank()
        ? "Internal audit " + audit.id() : audit.scope());
    d.put("plannedStart", audit.date().toString());
    d.put("plannedEnd", audit.date().toString());
    d.put("daysBefore", daysBefore);
    d.put("scope", audit.items().stream().sorted().toList());
    d.put("criteria", Objects.toString(audit.criteria(), ""));
    d.put("auditors", auditorContact == null || auditorContact.isBlank() ? List.of()
        : List.of(auditorContact));
    return d;
  }

  @Override
  public String idempotencyKey() {
    return "audit:" + audit.id() + ":" + daysBefore + ":" + day;
  }
}
