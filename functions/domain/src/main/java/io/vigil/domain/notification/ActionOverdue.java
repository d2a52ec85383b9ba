package io.vigil.domain.notification;

import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A corrective action is past its due date and not implemented (event {@code Action Overdue}). */
public record ActionOverdue(Finding finding, CorrectiveAction action, LocalDate day)
    implements DomainEvent {

  @Override
  public String detailType() {
    return "Action Overdue";
  }

  @Override
  public Map<String, Object> detail() {
    var d = new LinkedHashMap<String, Object>();
    d.put("schemaVersion", 1);
    d.put("findingId", finding.id().value());
    d.put("findingTitle", finding.title());
    d.put("findingType", finding.type().name());
    d.put("severity", finding.severity().label());
    d.put("actionId", action.id());
    d.put("action", action.description());
    d.put("owner", action.owner());
    d.put("dueDate", action.dueDate().toString());
    d.put("daysOverdue", (int) (day.toEpochDay() - action.dueDate().toEpochDay()));
    d.put("day", day.toString());
    return d;
  }

  @Override
  public String idempotencyKey() {
    return "action-overdue:" + action.id() + ":" + day;
  }
}
