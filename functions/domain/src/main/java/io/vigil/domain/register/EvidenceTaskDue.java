package io.vigil.domain.register;

import io.vigil.domain.notification.DomainEvent;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A manual evidence task is due within 30 days or overdue (event {@code Evidence Task Due}). */
public record EvidenceTaskDue(RegisterRecord task, LocalDate day) implements DomainEvent {

  @Override
  public String detailType() {
    return "Evidence Task Due";
  }

  @Override
  public Map<String, Object> detail() {
    var due = task.date("nextDue").orElseThrow();
    var d = new LinkedHashMap<String, Object>();
    d.put("schemaVersion", 1);
    d.put("taskId", task.id());
    d.put("title", task.text("title").orElse(""));
    d.put("owner", task.text("owner").orElse(""));
    d.put("controls", task.texts("controls"));
    d.put("nextDue", due.toString());
    d.put("overdue", due.isBefore(day));
    d.put("day", day.toString());
    return d;
  }

  @Override
  public String idempotencyKey() {
    return "evidence-task:" + task.id() + ":" + day;
  }
}
