package io.vigil.domain.register;

import io.vigil.domain.notification.DomainEvent;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A policy's review is due within 30 days or overdue (event {@code Policy Review Due}). */
public record PolicyReviewDue(RegisterRecord policy, LocalDate reviewDue, LocalDate day)
    implements DomainEvent {

  @Override
  public String detailType() {
    return "Policy Review Due";
  }

  @Override
  public Map<String, Object> detail() {
    var d = new LinkedHashMap<String, Object>();
    d.put("schemaVersion", 1);
    d.put("policyId", policy.id());
    d.put("title", policy.text("title").orElse(""));
    d.put("version", policy.text("version").orElse(""));
    d.put("owner", policy.text("owner").orElse(""));
    d.put("lastReviewed", policy.text("approvedOn").orElse(""));
    d.put("reviewDue", reviewDue.toString());
    d.put("overdue", reviewDue.isBefore(day));
    d.put("day", day.toString());
    return d;
  }

  @Override
  public String idempotencyKey() {
    return "policy-review:" + policy.id() + ":" + day;
  }
}
