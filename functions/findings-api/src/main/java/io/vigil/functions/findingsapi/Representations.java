package io.vigil.functions.findingsapi;

import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.HistoryEntry;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The JSON shapes of findings, actions and history entries (maps in a stable key order). */
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

  /** The strong ETag of a record at {@code version}: {@code "3"} with the quotes. */
  static String etag(long version) {
    return "\"" + version + "\"";
  }

  private static String str(Object o) {
    return o == null ? null : Objects.toString(o);
  }
}
