package io.vigil.domain.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One internal audit as recorded (clause 9.2.2): the plan it came from (criteria, scope, method,
 * date, auditor), its status, who started and completed it, a conclusion per item, the summary and
 * the SHA-256 address of its stored report, or who cancelled it and why. {@code version} counts the
 * stored edits (optimistic locking: every change names the version it is based on).
 *
 * @param conclusions by item id, in the order of the plan's items
 */
public record AuditRecord(
    AuditPlan.PlannedAudit plan,
    AuditStatus status,
    Instant startedAt,
    String startedBy,
    Map<String, ItemConclusion> conclusions,
    Instant completedAt,
    String completedBy,
    String summary,
    String reportSha256,
    Instant cancelledAt,
    String cancelledBy,
    String cancelReason,
    long version) {

  public AuditRecord {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(status, "status");
    var ordered = new LinkedHashMap<String, ItemConclusion>();
    if (conclusions != null) {
      for (var item : plan.items()) {
        var c = conclusions.get(item);
        if (c != null) {
          ordered.put(item, c);
        }
      }
      for (var key : conclusions.keySet()) {
        if (!ordered.containsKey(key)) {
          throw new IllegalArgumentException("audit " + plan.id() + " has no item " + key);
        }
      }
    }
    conclusions = java.util.Collections.unmodifiableMap(ordered);
  }

  /** A newly planned audit. */
  public static AuditRecord planned(AuditPlan.PlannedAudit plan, long version) {
    return new AuditRecord(plan, AuditStatus.PLANNED, null, null, Map.of(), null, null, null, null,
        null, null, null, version);
  }

  public String id() {
    return plan.id();
  }

  /**
   * The day the audit took or takes place: the start day (UTC) once started, else the planned date.
   */
  public LocalDate day() {
    return startedAt == null ? plan.date() : LocalDate.ofInstant(startedAt, ZoneOffset.UTC);
  }

  /** Items without a conclusion yet, in plan order. */
  public List<String> openItems() {
    var open = new ArrayList<String>();
    for (var item : plan.items()) {
      if (!conclusions.containsKey(item)) {
        open.add(item);
      }
    }
    return open;
  }

  /** Planned and its date has passed without it being started. */
  public boolean overdue(LocalDate today) {
    return status == AuditStatus.PLANNED && plan.date().isBefore(today);
  }

  AuditRecord withStatus(AuditStatus next) {
    return new AuditRecord(plan, next, startedAt, startedBy, conclusions, completedAt,
        completedBy, summary, reportSha256, cancelledAt, cancelledBy, cancelReason, version);
  }

  AuditRecord started(Instant at, String by) {
    return new AuditRecord(plan, AuditStatus.IN_PROGRESS, at, by, conclusions, null, null, null,
        null, null, null, null, version);
  }

  AuditRecord withConclusion(ItemConclusion conclusion) {
    var next = new LinkedHashMap<>(conclusions);
    next.put(conclusion.item(), conclusion);
    return new AuditRecord(plan, status, startedAt, startedBy, next, completedAt, completedBy,
        summary, reportSha256, cancelledAt, cancelledBy, cancelReason, version);
  }

  AuditRecord completed(Instant at, String by, String text, String reportAddress) {
    return new AuditRecord(plan, AuditStatus.COMPLETED, startedAt, startedBy, conclusions, at, by,
        text, reportAddress, null, null, null, version);
  }

  AuditRecord cancelled(Instant at, String by, String reason) {
    return new AuditRecord(plan, AuditStatus.CANCELLED, startedAt, startedBy, conclusions, null,
        null, null, null, at, by, reason, version);
  }
}
