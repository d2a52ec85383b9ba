package io.vigil.domain.notification;

import io.vigil.domain.audit.Audit;
import io.vigil.domain.audit.Auditor;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An internal audit is due ({@code daysBefore} = 0, event {@code Audit Due}) or coming up (event
 * {@code Audit Reminder}, e.g. 14 and 1 days before).
 */
public record AuditDue(Audit audit, LocalDate day, int daysBefore) implements DomainEvent {

  @Override
  public String detailType() {
    return daysBefore == 0 ? "Audit Due" : "Audit Reminder";
  }

  @Override
  public Map<String, Object> detail() {
    var d = new LinkedHashMap<String, Object>();
    d.put("schemaVersion", 1);
    d.put("auditId", audit.id());
    d.put("title", audit.title());
    d.put("plannedStart", audit.plannedStart().toString());
    d.put("plannedEnd", audit.plannedEnd().toString());
    d.put("daysBefore", daysBefore);
    d.put("scope", audit.scopeItems().stream().sorted().toList());
    d.put("criteria", audit.criteria());
    d.put("auditors", audit.auditors().stream().map(Auditor::email).toList());
    return d;
  }

  @Override
  public String idempotencyKey() {
    return "audit:" + audit.id() + ":" + daysBefore + ":" + day;
  }
}
