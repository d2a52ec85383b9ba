package io.vigil.reports;

import static io.vigil.reports.Oscal.dateTime;
import static io.vigil.reports.Oscal.markup;
import static io.vigil.reports.Oscal.markupLine;
import static io.vigil.reports.Oscal.prop;
import static io.vigil.reports.Oscal.uuid;

import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.control.AnnexACatalogue;
import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.performance.Period;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An OSCAL 1.1 assessment-results document of a period: one result whose observations are the
 * check results (method TEST, the resource as subject — an inventory item —, the evidence's vault
 * address as relevant evidence), whose risks are the open findings, and whose findings are one per
 * control (and ISMS clause) with evidence or open findings: not satisfied when a check failed on it
 * or a nonconformity is open against it, satisfied when its checks passed, not satisfied for
 * reason "other" when no check could gather evidence. Identifiers and UUIDs: see {@link Oscal}.
 */
public final class OscalAssessmentResults {

  private OscalAssessmentResults() {}

  /**
   * The document, as maps and lists ready for {@link Json#write}.
   *
   * @param results the check results of the period (typically the latest per subject)
   * @param findings findings; the open ones become risks and count against their controls
   * @param generatedAt the document's last-modified time
   */
  public static Map<String, Object> build(Period period, List<CheckResult> results,
      List<Finding> findings, Instant generatedAt) {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(generatedAt, "generatedAt");
    var sortedResults = results.stream()
        .sorted(Comparator.comparing(CheckResult::subjectKey)
            .thenComparing(CheckResult::observedAt)
            .thenComparing(r -> r.evidenceSha256().hex()))
        .toList();
    var open = findings.stream().filter(f -> f.status().isOpen())
        .sorted(Comparator.comparing(f -> f.id().value())).toList();

    // inventory items: one per resource
    var inventory = new TreeMap<String, Map<String, Object>>();
    var observations = new ArrayList<Map<String, Object>>();
    var observationsBySubject = new TreeMap<String, List<String>>();
    var byRequirement = new TreeMap<Requirement, Tally>();
    var evidence = new TreeMap<String, Map<String, Object>>();
    for (var r : sortedResults) {
      var itemUuid = inventoryUuid(r.accountId(), r.resourceArn());
      inventory.computeIfAbsent(itemUuid, k -> inventoryItem(k, r));
      var obs = observation(r, itemUuid);
      observations.add(obs);
      var obsUuid = (String) obs.get("uuid");
      observationsBySubject.computeIfAbsent(r.subjectKey(), k -> new ArrayList<>()).add(obsUuid);
      for (var c : r.controls()) {
        byRequirement.computeIfAbsent(Requirement.of(c), k -> new Tally()).add(r.status(),
            obsUuid);
      }
      evidence.computeIfAbsent(r.evidenceSha256().hex(), hex -> evidenceResource(r));
    }

    var risks = new ArrayList<Map<String, Object>>();
    for (var f : open) {
      var risk = risk(f, observationsBySubject.getOrDefault(f.subjectKey() == null ? ""
          : f.subjectKey(), List.of()));
      risks.add(risk);
      for (var c : f.controls()) {
        byRequirement.computeIfAbsent(Requirement.of(c), k -> new Tally()).addFinding(f);
      }
      for (var c : f.clauses()) {
        byRequirement.computeIfAbsent(Requirement.of(c), k -> new Tally()).addFinding(f);
      }
    }

    var oscalFindings = new ArrayList<Map<String, Object>>();
    byRequirement.forEach((req, tally) -> oscalFindings.add(finding(period, req, tally)));

    var result = new LinkedHashMap<String, Object>();
    result.put("uuid", uuid("result/" + period.id()));
    result.put("title", markupLine("Automated evidence checks, " + period.id()));
    result.put("description", markup(description(period, sortedResults, inventory.size(),
        open.size())));
    var start = period.start().atStartOfDay().toInstant(ZoneOffset.UTC);
    var end = period.end().atStartOfDay().toInstant(ZoneOffset.UTC);
    result.put("start", dateTime(start));
    if (generatedAt.isBefore(end)) {
      end = generatedAt;
    }
    if (end.isAfter(start)) {
      result.put("end", dateTime(end));
    }
    var local = new LinkedHashMap<String, Object>();
    if (!inventory.isEmpty()) {
      local.put("inventory-items", new ArrayList<>(inventory.values()));
    }
    local.put("assessment-assets", Oscal.assessmentAssets());
    result.put("local-definitions", local);
    var selection = new LinkedHashMap<String, Object>();
    if (byRequirement.isEmpty()) {
      selection.put("include-all", Map.of());
      selection.put("remarks", "No control had evidence or open findings in " + period.id()
          + ": nothing was assessed.");
    } else {
      selection.put("include-controls", byRequirement.keySet().stream()
          .map(r -> Map.of("control-id", r.oscalId())).toList());
    }
    result.put("reviewed-controls", Oscal.map("description", markup("The ISO/IEC 27001:2022"
        + " Annex A controls and ISMS clauses that Vigil's checks or open findings address."),
        "control-selections", List.of(selection)));
    if (!observations.isEmpty()) {
      result.put("observations", observations);
    }
    if (!risks.isEmpty()) {
      result.put("risks", risks);
    }
    if (!oscalFindings.isEmpty()) {
      result.put("findings", oscalFindings);
    }

    var planResource = new LinkedHashMap<String, Object>();
    planResource.put("uuid", uuid("resource/assessment-method"));
    planResource.put("title", "Vigil evidence check catalogue");
    planResource.put("description", "Vigil keeps no separate OSCAL assessment plan: its plan is"
        + " the check catalogue (docs/checks.md), each check mapped to Annex A controls, run on"
        + " schedule and on configuration change over the accounts and regions in scope.");
    planResource.put("citation", Map.of("text", "Vigil check catalogue (docs/checks.md)"));
    var resources = new ArrayList<Map<String, Object>>();
    resources.add(planResource);
    resources.addAll(evidence.values());

    var body = new LinkedHashMap<String, Object>();
    body.put("metadata", Oscal.metadata("Vigil assessment results " + period.id(), generatedAt,
        period.id() + " generated " + dateTime(generatedAt)));
    body.put("import-ap", Oscal.map("href", "#" + planResource.get("uuid"), "remarks",
        markup("The assessment method is Vigil's check catalogue (see back matter).")));
    body.put("results", List.of(result));
    body.put("back-matter", Map.of("resources", resources));

    var ar = new LinkedHashMap<String, Object>();
    ar.put("uuid", Oscal.contentUuid("assessment-results", body));
    ar.putAll(body);
    return Map.of("assessment-results", ar);
  }

  private static String description(Period period, List<CheckResult> results, int resources,
      int openFindings) {
    var counts = new EnumMap<CheckStatus, Integer>(CheckStatus.class);
    results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    var accounts = new TreeSet<String>();
    results.forEach(r -> accounts.add(r.accountId()));
    return "Results of Vigil's automated evidence checks for " + period.id() + " (" + period.start()
        + " to " + period.lastDay() + "): " + results.size() + " check results on " + resources
        + " resources in " + accounts.size() + " AWS account(s) — " + counts.getOrDefault(
            CheckStatus.PASS, 0) + " passed, " + counts.getOrDefault(CheckStatus.FAIL, 0)
        + " failed, " + counts.getOrDefault(CheckStatus.ERROR, 0) + " could not gather evidence,"
        + " " + counts.getOrDefault(CheckStatus.NOT_APPLICABLE, 0) + " not applicable; "
        + openFindings + " open finding(s).";
  }

  static String inventoryUuid(String accountId, String resourceArn) {
    return uuid("resource/" + accountId + "/" + resourceArn);
  }

  private static Map<String, Object> inventoryItem(String uuid, CheckResult r) {
    var item = new LinkedHashMap<String, Object>();
    item.put("uuid", uuid);
    item.put("description", markup(r.resourceType() + " " + r.resourceArn()));
    item.put("props", List.of(prop("resource-arn", r.resourceArn()),
        prop("resource-type", r.resourceType()), prop("account-id", r.accountId()),
        prop("region", r.region())));
    return item;
  }

  private static Map<String, Object> observation(CheckResult r, String itemUuid) {
    var o = new LinkedHashMap<String, Object>();
    o.put("uuid", uuid("observation/" + r.subjectKey() + "/" + dateTime(r.observedAt()) + "/"
        + r.evidenceSha256().hex()));
    o.put("title", markupLine(r.checkId() + ": " + status(r.status()) + " on "
        + r.resourceArn()));
    var text = "Check " + r.checkId() + " " + verb(r.status()) + " on " + r.resourceType() + " "
        + r.resourceArn() + " (account " + r.accountId() + ", region " + r.region() + ").";
    if (!r.reason().isBlank()) {
      text += "\n\n" + r.reason();
    }
    o.put("description", markup(text));
    var props = new ArrayList<Map<String, Object>>();
    props.add(prop("check-id", r.checkId().value()));
    props.add(prop("result", status(r.status())));
    props.add(prop("severity", r.severity().label()));
    props.add(prop("run-id", r.runId()));
    for (var c : r.controls()) {
      props.add(prop("control-id", Oscal.controlId(c)));
    }
    o.put("props", props);
    o.put("methods", List.of("TEST"));
    o.put("types", List.of("control-objective"));
    o.put("origins", Oscal.toolOrigin());
    var subject = new LinkedHashMap<String, Object>();
    subject.put("subject-uuid", itemUuid);
    subject.put("type", "inventory-item");
    subject.put("title", markupLine(r.resourceArn()));
    o.put("subjects", List.of(subject));
    var ev = new LinkedHashMap<String, Object>();
    ev.put("href", Oscal.evidenceUri(r.evidenceSha256()));
    ev.put("props", List.of(prop("evidence-sha256", r.evidenceSha256().hex())));
    ev.put("description", markup("Configuration snapshot (canonical JSON) in Vigil's evidence"
        + " vault, SHA-256 " + r.evidenceSha256().hex() + "."));
    o.put("relevant-evidence", List.of(ev));
    o.put("collected", dateTime(r.observedAt()));
    return o;
  }

  private static Map<String, Object> evidenceResource(CheckResult r) {
    var hex = r.evidenceSha256().hex();
    var res = new LinkedHashMap<String, Object>();
    res.put("uuid", uuid("evidence/" + hex));
    res.put("title", "Evidence " + hex.substring(0, 12));
    res.put("rlinks", List.of(Oscal.map("href", Oscal.evidenceUri(r.evidenceSha256()),
        "media-type", "application/json",
        "hashes", List.of(Oscal.map("algorithm", "SHA-256", "value", hex)))));
    return res;
  }

  private static String status(CheckStatus s) {
    return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String verb(CheckStatus s) {
    return switch (s) {
      case PASS -> "passed";
      case FAIL -> "failed";
      case ERROR -> "could not gather evidence";
      case NOT_APPLICABLE -> "did not apply";
    };
  }

  static Map<String, Object> risk(Finding f, List<String> observationUuids) {
    var r = new LinkedHashMap<String, Object>();
    r.put("uuid", Oscal.riskUuid(f.id()));
    r.put("title", markupLine(f.id().value() + ": " + f.title()));
    r.put("description", markup(f.description() == null || f.description().isBlank()
        ? f.title() : f.description()));
    var statement = new StringBuilder(label(f.type().name())).append(" (severity ")
        .append(f.severity().label()).append(") raised by ").append(label(f.source().name()))
        .append(" on ").append(f.raisedAt().atZone(ZoneOffset.UTC).toLocalDate());
    if (!f.controls().isEmpty()) {
      statement.append(" against ").append(String.join(", ", f.controls().stream()
          .map(ControlId::toString).toList()));
    }
    if (!f.clauses().isEmpty()) {
      statement.append(f.controls().isEmpty() ? " against clause " : " and clause ")
          .append(String.join(", ", f.clauses().stream().map(ClauseId::value).toList()));
    }
    if (f.resourceArn() != null) {
      statement.append(", resource ").append(f.resourceArn());
    }
    statement.append('.');
    if (f.rootCause() != null && !f.rootCause().isBlank()) {
      statement.append("\n\nRoot cause: ").append(f.rootCause());
    }
    r.put("statement", markup(statement.toString()));
    var props = new ArrayList<Map<String, Object>>();
    props.add(prop("finding-id", f.id().value()));
    props.add(prop("finding-type", label(f.type().name())));
    props.add(prop("finding-status", label(f.status().name())));
    props.add(prop("severity", f.severity().label()));
    props.add(prop("source", label(f.source().name())));
    if (f.owner() != null && !f.owner().isBlank()) {
      props.add(prop("owner", f.owner()));
    }
    r.put("props", props);
    r.put("status", riskStatus(f.status()));
    if (f.dueDate() != null) {
      r.put("deadline", dateTime(f.dueDate()));
    }
    if (!observationUuids.isEmpty()) {
      r.put("related-observations", observationUuids.stream()
          .map(u -> Map.of("observation-uuid", u)).toList());
    }
    return r;
  }

  static String riskStatus(FindingStatus s) {
    return switch (s) {
      case OPEN, REOPENED, CORRECTED, ANALYSED -> "open";
      case ACTION_PLANNED, IMPLEMENTED, EFFECTIVE -> "remediating";
      case ACCEPTED -> "deviation-approved";
      case CLOSED, DECLINED -> "closed";
    };
  }

  static String label(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static Map<String, Object> finding(Period period, Requirement req, Tally t) {
    var f = new LinkedHashMap<String, Object>();
    f.put("uuid", uuid("finding/" + period.id() + "/" + req.oscalId()));
    f.put("title", markupLine(req.label() + ": " + (t.satisfied() ? "satisfied"
        : "not satisfied")));
    var text = new StringBuilder();
    int all = t.passed + t.failed + t.errors + t.notApplicable;
    if (all == 0) {
      text.append("No automated check result in ").append(period.id()).append('.');
    } else {
      text.append(all).append(" automated check result(s) in ").append(period.id()).append(": ")
          .append(t.passed).append(" passed, ").append(t.failed).append(" failed, ")
          .append(t.errors).append(" could not gather evidence, ").append(t.notApplicable)
          .append(" not applicable.");
    }
    if (!t.findings.isEmpty()) {
      text.append(" Open findings: ").append(String.join(", ", t.findings.stream()
          .map(x -> x.id().value() + " (" + label(x.type().name()) + ")").toList())).append('.');
    }
    f.put("description", markup(text.toString()));
    f.put("props", List.of(prop("passed", Integer.toString(t.passed)),
        prop("failed", Integer.toString(t.failed)), prop("errors", Integer.toString(t.errors)),
        prop("not-applicable", Integer.toString(t.notApplicable)),
        prop("open-findings", Integer.toString(t.findings.size()))));
    f.put("origins", Oscal.toolOrigin());
    var target = new LinkedHashMap<String, Object>();
    target.put("type", "statement-id");
    target.put("target-id", Oscal.statementId(req.oscalId()));
    target.put("title", markupLine(req.label()));
    var status = new LinkedHashMap<String, Object>();
    status.put("state", t.satisfied() ? "satisfied" : "not-satisfied");
    status.put("reason", t.satisfied() ? "pass" : t.failed > 0 || t.nonconformities > 0 ? "fail"
        : "other");
    if (!t.satisfied() && t.failed == 0 && t.nonconformities == 0) {
      status.put("remarks", markup(t.findings.isEmpty() ? "No check could gather evidence"
          + " that this requirement is met." : "Open observations or opportunities for"
          + " improvement, and no passing evidence."));
    }
    target.put("status", status);
    f.put("target", target);
    if (!t.observations.isEmpty()) {
      f.put("related-observations", t.observations.stream()
          .map(u -> Map.of("observation-uuid", u)).toList());
    }
    if (!t.findings.isEmpty()) {
      f.put("related-risks", t.findings.stream()
          .map(x -> Map.of("risk-uuid", Oscal.riskUuid(x.id()))).toList());
    }
    return f;
  }

  /** An Annex A control or an ISMS clause, ordered controls first. */
  private record Requirement(ControlId control, ClauseId clause)
      implements Comparable<Requirement> {
    static Requirement of(ControlId c) {
      return new Requirement(c, null);
    }

    static Requirement of(ClauseId c) {
      return new Requirement(null, c);
    }

    String oscalId() {
      return control != null ? Oscal.controlId(control) : Oscal.controlId(clause);
    }

    String label() {
      if (control != null) {
        return control + AnnexACatalogue.standard().find(control).map(a -> " " + a.title())
            .orElse("");
      }
      return "Clause " + clause.value() + io.vigil.domain.control.IsmsClauses.find(clause)
          .map(c -> " " + c.title()).orElse("");
    }

    @Override
    public int compareTo(Requirement o) {
      if (control != null && o.control != null) {
        return control.compareTo(o.control);
      }
      if (clause != null && o.clause != null) {
        return clause.compareTo(o.clause);
      }
      return control != null ? -1 : 1;
    }
  }

  /** What is known about one requirement. */
  private static final class Tally {
    int passed;
    int failed;
    int errors;
    int notApplicable;
    int nonconformities;
    final List<String> observations = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();

    void add(CheckStatus s, String observationUuid) {
      switch (s) {
        case PASS -> passed++;
        case FAIL -> failed++;
        case ERROR -> errors++;
        case NOT_APPLICABLE -> notApplicable++;
      }
      observations.add(observationUuid);
    }

    void addFinding(Finding f) {
      if (findings.stream().noneMatch(x -> x.id().equals(f.id()))) {
        findings.add(f);
        if (f.type().isNonconformity()) {
          nonconformities++;
        }
      }
    }

    /** Satisfied: passing evidence, no failure, no open nonconformity. */
    boolean satisfied() {
      return passed > 0 && failed == 0 && nonconformities == 0;
    }
  }
}
