package io.vigil.functions.findingsapi;

import io.vigil.domain.audit.AuditRecord;
import io.vigil.domain.audit.ConclusionsJson;
import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.HistoryEntry;
import io.vigil.domain.register.Field;
import io.vigil.domain.register.RegisterEvent;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterService;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The JSON shapes of findings, actions, history entries, audits and register records (maps in a
 * stable key order; absent values are null).
 */
final class Representations {

  private Representations() {}

  static Map<String, Object> finding(Finding f, LocalDate today) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", f.id().value());
    m.put("title", f.title());
    m.put("type", f.type().name());
    m.put("source", f.source().name());
    m.put("status", f.status().name());
    m.put("severity", f.severity().name());
    m.put("description", f.description());
    m.put("controls", f.controls().stream().map(Object::toString).toList());
    m.put("clauses", f.clauses().stream().map(Object::toString).toList());
    m.put("owner", f.owner());
    m.put("dueDate", str(f.dueDate()));
    m.put("overdue", f.isOverdue(today));
    m.put("auditId", f.auditId());
    m.put("raisedAt", str(f.raisedAt()));
    m.put("rootCause", f.rootCause());
    var t = f.treatment();
    var treatment = new LinkedHashMap<String, Object>();
    treatment.put("correction", t.correction());
    treatment.put("similarNonconformities", t.similarNonconformities());
    treatment.put("implementedAt", str(t.implementedAt()));
    treatment.put("effectivenessReview", t.effectivenessReview());
    treatment.put("reviewedBy", t.reviewedBy());
    treatment.put("reviewedAt", str(t.reviewedAt()));
    treatment.put("ismsChange", t.ismsChange());
    treatment.put("decisionReason", t.decisionReason());
    m.put("treatment", treatment);
    if (f.checkId() != null) {
      m.put("checkId", f.checkId().toString());
      m.put("accountId", f.accountId());
      m.put("region", f.region());
      m.put("resourceArn", f.resourceArn());
      m.put("lastSeenAt", str(f.lastSeenAt()));
      m.put("evidenceRecoveredAt", str(f.evidenceRecoveredAt()));
    }
    m.put("relatedFindingId", f.relatedFindingId() == null ? null : f.relatedFindingId().value());
    m.put("version", f.version());
    return m;
  }

  /** A finding with its actions and the states it may move to now. */
  static Map<String, Object> view(Finding f, List<CorrectiveAction> actions,
      Set<FindingStatus> next, LocalDate today) {
    var m = finding(f, today);
    m.put("actions", actions.stream().map(a -> action(a, today)).toList());
    m.put("allowedTransitions", next.stream().sorted().map(Enum::name).toList());
    return m;
  }

  static Map<String, Object> action(CorrectiveAction a, LocalDate today) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", a.id());
    m.put("findingId", a.findingId().value());
    m.put("description", a.description());
    m.put("owner", a.owner());
    m.put("dueDate", str(a.dueDate()));
    m.put("status", a.status().name());
    m.put("overdue", a.isOverdue(today));
    m.put("effectivenessCriteria", a.effectivenessCriteria());
    m.put("implementedBy", a.implementedBy());
    m.put("implementedAt", str(a.implementedAt()));
    m.put("version", a.version());
    return m;
  }

  static Map<String, Object> history(HistoryEntry e) {
    var m = new LinkedHashMap<String, Object>();
    m.put("at", str(e.at()));
    m.put("actor", e.actor());
    m.put("kind", e.kind().name());
    m.put("from", e.from() == null ? null : e.from().name());
    m.put("to", e.to() == null ? null : e.to().name());
    m.put("fieldsChanged", e.fieldsChanged());
    m.put("actionId", e.actionId());
    m.put("version", e.version());
    return m;
  }

  /**
   * An audit record: its plan, status and life-cycle fields, {@code overdue} (planned and its date
   * has passed), the items still {@code openItems}, and its conclusions in the form the audit
   * store and the stored report use ({@link ConclusionsJson}), laid out in this API's key order
   * with absent values as null.
   */
  static Map<String, Object> audit(AuditRecord r, LocalDate today) {
    var plan = r.plan();
    var m = new LinkedHashMap<String, Object>();
    m.put("id", r.id());
    m.put("status", r.status().name());
    m.put("date", str(plan.date()));
    m.put("auditor", plan.auditor());
    m.put("auditorEmail", plan.auditorEmail());
    m.put("items", plan.items());
    m.put("criteria", plan.criteria());
    m.put("scope", plan.scope());
    m.put("method", plan.method());
    m.put("overdue", r.overdue(today));
    m.put("openItems", r.openItems());
    m.put("startedAt", str(r.startedAt()));
    m.put("startedBy", r.startedBy());
    m.put("completedAt", str(r.completedAt()));
    m.put("completedBy", r.completedBy());
    m.put("summary", r.summary());
    m.put("reportSha256", r.reportSha256());
    m.put("cancelledAt", str(r.cancelledAt()));
    m.put("cancelledBy", r.cancelledBy());
    m.put("cancelReason", r.cancelReason());
    m.put("conclusions", ConclusionsJson.write(r.conclusions().values()).stream()
        .map(c -> laidOut(c, CONCLUSION_KEYS)).toList());
    m.put("version", r.version());
    return m;
  }

  private static final List<String> CONCLUSION_KEYS = List.of("item", "conclusion", "notes",
      "evidence", "findingId", "recordedBy", "recordedAt", "automated");
  private static final List<String> AUTOMATED_KEYS = List.of("checkId", "title", "passed",
      "failed", "errors", "notApplicable", "latestObservedAt", "failing");
  private static final List<String> FAILING_KEYS = List.of("accountId", "resourceArn",
      "observedAt", "evidenceSha256", "reason");

  /** {@code keys} of {@code tree} in that order, null where absent; nested lists likewise. */
  private static Map<String, Object> laidOut(Map<?, ?> tree, List<String> keys) {
    var out = new LinkedHashMap<String, Object>();
    for (var key : keys) {
      var value = tree.get(key);
      var nested = key.equals("automated") ? AUTOMATED_KEYS
          : key.equals("failing") ? FAILING_KEYS : null;
      out.put(key, nested == null ? value : ((List<?>) value).stream()
          .map(v -> laidOut((Map<?, ?>) v, nested)).toList());
    }
    return out;
  }

  /** A register as {@code GET /registers} lists it: where it lives and its fields. */
  static Map<String, Object> registerKind(RegisterKind k) {
    var m = new LinkedHashMap<String, Object>();
    m.put("path", k.path());
    m.put("clause", k.clause());
    m.put("title", k.title());
    m.put("singleton", k.singleton());
    m.put("keyed", !k.singleton() && k.ids().prefix() == null);
    m.put("idPrefix", k.ids().prefix());
    m.put("fields", k.schema().fields().stream().map(Field::describe).toList());
    return m;
  }

  /**
   * A register record: {@code kind} (the register's path), {@code id}, {@code fields} (every field
   * of the register's schema in schema order, null where not set), {@code derived} (what Vigil
   * computes on read: risk levels and flags, review and due status, attainment), {@code system}
   * (what only Vigil's operations set: approvals, acceptance, attachments), who created and last
   * changed it and when, and {@code version} (the ETag's number). The risk method also says
   * whether it is the {@code default} (none recorded).
   */
  static Map<String, Object> register(RegisterService.View v) {
    var r = v.record();
    var m = new LinkedHashMap<String, Object>();
    m.put("kind", r.kind().path());
    m.put("id", r.id());
    m.put("fields", registerFields(r.kind(), r.fields()));
    m.put("derived", v.derived());
    m.put("system", r.system());
    if (r.kind() == RegisterKind.RISK_METHOD) {
      m.put("default", false);
    }
    m.put("createdAt", str(r.createdAt()));
    m.put("createdBy", r.createdBy());
    m.put("updatedAt", str(r.updatedAt()));
    m.put("updatedBy", r.updatedBy());
    m.put("version", r.version());
    return m;
  }

  /** The risk method Vigil uses while none is recorded, in the shape of a record. */
  static Map<String, Object> defaultRiskMethod(Map<String, Object> fields) {
    var kind = RegisterKind.RISK_METHOD;
    var m = new LinkedHashMap<String, Object>();
    m.put("kind", kind.path());
    m.put("id", kind.ids().singleton());
    m.put("fields", registerFields(kind, fields));
    m.put("derived", Map.of());
    m.put("system", Map.of());
    m.put("default", true);
    m.put("createdAt", null);
    m.put("createdBy", null);
    m.put("updatedAt", null);
    m.put("updatedBy", null);
    m.put("version", null);
    return m;
  }

  private static Map<String, Object> registerFields(RegisterKind kind,
      Map<String, Object> fields) {
    var out = new LinkedHashMap<String, Object>();
    kind.schema().fields().forEach(f -> out.put(f.name(), fields.get(f.name())));
    return out;
  }

  /** One history entry of a register record. */
  static Map<String, Object> registerHistory(RegisterEvent e) {
    var m = new LinkedHashMap<String, Object>();
    m.put("at", str(e.at()));
    m.put("actor", e.actor());
    m.put("kind", e.kind().name());
    m.put("fieldsChanged", e.fieldsChanged());
    m.put("note", e.note().isEmpty() ? null : e.note());
    m.put("version", e.version());
    return m;
  }

  /** The strong ETag of a record at {@code version}: {@code "3"} with the quotes. */
  static String etag(long version) {
    return "\"" + version + "\"";
  }

  private static String str(Object o) {
    return o == null ? null : Objects.toString(o);
  }
}
