package io.vigil.reports;

import static io.vigil.reports.Oscal.dateTime;
import static io.vigil.reports.Oscal.markup;
import static io.vigil.reports.Oscal.markupLine;
import static io.vigil.reports.Oscal.prop;
import static io.vigil.reports.Oscal.uuid;

import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.finding.ActionStatus;
import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.performance.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An OSCAL 1.1 plan of action and milestones from the open corrective actions (clause 10.2 c):
 * one POA&amp;M item per finding with at least one outstanding (planned or in progress) action,
 * related to an OSCAL finding (target: the finding's first control or clause statement) and to a
 * risk whose remediations are the finding's actions — outstanding ones as {@code planned},
 * implemented ones as {@code completed} — each with a milestone on its due date. The risk's UUID
 * is the one the assessment results give the same finding. Identifiers and UUIDs: see
 * {@link Oscal}.
 */
public final class OscalPoam {

  private OscalPoam() {}

  /**
   * The document, as maps and lists ready for {@link Json#write}; empty when no corrective action
   * is outstanding (an OSCAL POA&amp;M needs at least one item).
   *
   * @param findings the findings the actions belong to (others are ignored)
   * @param actions corrective actions; the outstanding ones make the plan
   * @param generatedAt the document's last-modified time
   * @throws IllegalArgumentException when an outstanding action's finding is not in
   *     {@code findings}
   */
  public static Optional<Map<String, Object>> build(Period period, List<Finding> findings,
      List<CorrectiveAction> actions, Instant generatedAt) {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(generatedAt, "generatedAt");
    var byId = new TreeMap<String, Finding>();
    findings.forEach(f -> byId.put(f.id().value(), f));
    var actionsByFinding = new TreeMap<String, List<CorrectiveAction>>();
    for (var a : actions) {
      actionsByFinding.computeIfAbsent(a.findingId().value(), k -> new ArrayList<>()).add(a);
    }
    var oscalFindings = new ArrayList<Map<String, Object>>();
    var risks = new ArrayList<Map<String, Object>>();
    var items = new ArrayList<Map<String, Object>>();
    for (var entry : actionsByFinding.entrySet()) {
      var list = entry.getValue().stream().sorted(Comparator.comparing(CorrectiveAction::dueDate)
          .thenComparing(CorrectiveAction::id)).toList();
      if (list.stream().noneMatch(CorrectiveAction::isOutstanding)) {
        continue;
      }
      var finding = byId.get(entry.getKey());
      if (finding == null) {
        throw new IllegalArgumentException("corrective action " + list.get(0).id()
            + " belongs to finding " + entry.getKey() + ", which was not given");
      }
      var findingUuid = uuid("poam-finding/" + finding.id().value());
      var riskUuid = Oscal.riskUuid(finding.id());
      oscalFindings.add(finding(finding, findingUuid, riskUuid));
      risks.add(risk(finding, list, generatedAt));
      items.add(item(finding, list, findingUuid, riskUuid, generatedAt));
    }
    if (items.isEmpty()) {
      return Optional.empty();
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("metadata", Oscal.metadata("Vigil plan of action and milestones " + period.id(),
        generatedAt, period.id() + " generated " + dateTime(generatedAt)));
    body.put("system-id", Oscal.map("identifier-type", "https://ietf.org/rfc/rfc4122",
        "id", uuid("system/isms")));
    body.put("local-definitions", Oscal.map("components", List.of(Oscal.toolComponent()),
        "remarks", markup("The information security management system whose corrective"
            + " actions (ISO/IEC 27001:2022 clause 10.2) Vigil records.")));
    body.put("risks", risks);
    body.put("findings", oscalFindings);
    body.put("poam-items", items);
    var poam = new LinkedHashMap<String, Object>();
    poam.put("uuid", Oscal.contentUuid("poam", body));
    poam.putAll(body);
    return Optional.of(Map.of("plan-of-action-and-milestones", poam));
  }

  private static String target(Finding f) {
    if (!f.controls().isEmpty()) {
      return Oscal.controlId(f.controls().get(0));
    }
    return Oscal.controlId(f.clauses().get(0));
  }

  private static List<Map<String, Object>> requirementProps(Finding f) {
    var props = new ArrayList<Map<String, Object>>();
    for (ControlId c : f.controls()) {
      props.add(prop("control-id", Oscal.controlId(c)));
    }
    for (ClauseId c : f.clauses()) {
      props.add(prop("control-id", Oscal.controlId(c)));
    }
    return props;
  }

  private static Map<String, Object> finding(Finding f, String uuid, String riskUuid) {
    var o = new LinkedHashMap<String, Object>();
    o.put("uuid", uuid);
    o.put("title", markupLine(f.id().value() + ": " + f.title()));
    o.put("description", markup(f.description() == null || f.description().isBlank()
        ? f.title() : f.description()));
    var props = new ArrayList<Map<String, Object>>();
    props.add(prop("finding-id", f.id().value()));
    props.add(prop("finding-type", OscalAssessmentResults.label(f.type().name())));
    props.addAll(requirementProps(f));
    o.put("props", props);
    var target = new LinkedHashMap<String, Object>();
    target.put("type", "statement-id");
    target.put("target-id", Oscal.statementId(target(f)));
    target.put("status", Oscal.map("state", "not-satisfied", "reason",
        f.type().isNonconformity() ? "fail" : "other"));
    o.put("target", target);
    o.put("related-risks", List.of(Map.of("risk-uuid", riskUuid)));
    return o;
  }

  private static Map<String, Object> risk(Finding f, List<CorrectiveAction> actions,
      Instant generatedAt) {
    var r = OscalAssessmentResults.risk(f, List.of());
    boolean underWay = actions.stream().anyMatch(a -> a.status() == ActionStatus.IN_PROGRESS);
    r.put("status", underWay ? "remediating" : OscalAssessmentResults.riskStatus(f.status()));
    var deadline = actions.stream().filter(CorrectiveAction::isOutstanding)
        .map(CorrectiveAction::dueDate).max(LocalDate::compareTo).orElseThrow();
    if (f.dueDate() != null && f.dueDate().isAfter(deadline)) {
      deadline = f.dueDate();
    }
    r.put("deadline", dateTime(deadline));
    var remediations = new ArrayList<Map<String, Object>>();
    for (var a : actions) {
      if (a.status() == ActionStatus.CANCELLED) {
        continue;
      }
      remediations.add(remediation(a, generatedAt));
    }
    r.put("remediations", remediations);
    return r;
  }

  private static Map<String, Object> remediation(CorrectiveAction a, Instant generatedAt) {
    var m = new LinkedHashMap<String, Object>();
    m.put("uuid", uuid("remediation/" + a.findingId().value() + "/" + a.id()));
    m.put("lifecycle", a.isOutstanding() ? "planned" : "completed");
    m.put("title", markupLine(a.id() + ": " + firstLine(a.description())));
    var text = new StringBuilder(a.description()).append("\n\nOwner: ").append(a.owner())
        .append(". Due: ").append(a.dueDate()).append('.');
    if (a.effectivenessCriteria() != null && !a.effectivenessCriteria().isBlank()) {
      text.append(" Effectiveness criteria: ").append(a.effectivenessCriteria());
    }
    m.put("description", markup(text.toString()));
    var props = new ArrayList<Map<String, Object>>();
    props.add(prop("action-id", a.id()));
    props.add(prop("action-status", OscalAssessmentResults.label(a.status().name())));
    props.add(prop("owner", a.owner()));
    if (a.isOverdue(java.time.LocalDate.ofInstant(generatedAt, java.time.ZoneOffset.UTC))) {
      props.add(prop("overdue", "true"));
    }
    m.put("props", props);
    var milestone = new LinkedHashMap<String, Object>();
    milestone.put("uuid", uuid("milestone/" + a.findingId().value() + "/" + a.id()));
    milestone.put("type", "milestone");
    milestone.put("title", markupLine((a.isOutstanding() ? "Due " : "Was due ") + a.dueDate()
        + ": " + a.id()));
    milestone.put("timing", Map.of("on-date", Map.of("date", dateTime(a.dueDate()))));
    m.put("tasks", List.of(milestone));
    return m;
  }

  private static Map<String, Object> item(Finding f, List<CorrectiveAction> actions,
      String findingUuid, String riskUuid, Instant generatedAt) {
    var m = new LinkedHashMap<String, Object>();
    m.put("uuid", uuid("poam-item/" + f.id().value()));
    m.put("title", markupLine(f.id().value() + ": " + f.title()));
    var outstanding = actions.stream().filter(CorrectiveAction::isOutstanding).toList();
    var text = new StringBuilder(outstanding.size() + " outstanding corrective action(s): ");
    text.append(String.join("; ", outstanding.stream().map(a -> a.id() + " (due " + a.dueDate()
        + ", " + a.owner() + ")").toList())).append('.');
    m.put("description", markup(text.toString()));
    var props = new ArrayList<Map<String, Object>>();
    props.add(prop("finding-id", f.id().value()));
    props.add(prop("severity", f.severity().label()));
    props.add(prop("finding-type", OscalAssessmentResults.label(f.type().name())));
    var today = LocalDate.ofInstant(generatedAt, java.time.ZoneOffset.UTC);
    long overdue = outstanding.stream().filter(a -> a.isOverdue(today)).count();
    props.add(prop("overdue-actions", Long.toString(overdue)));
    m.put("props", props);
    m.put("related-findings", List.of(Map.of("finding-uuid", findingUuid)));
    m.put("related-risks", List.of(Map.of("risk-uuid", riskUuid)));
    return m;
  }

  private static String firstLine(String s) {
    var line = s.strip().split("\\R", 2)[0];
    return line.length() > 120 ? line.substring(0, 119) + "\u2026" : line;
  }

  /** The UUID of a finding's POA&M item (for callers that link to it). */
  public static String itemUuid(FindingId finding) {
    return uuid("poam-item/" + finding.value());
  }
}
