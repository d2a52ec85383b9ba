package io.vigil.domain.performance;

import io.vigil.domain.audit.AuditRepository;
import io.vigil.domain.audit.AuditStatus;
import io.vigil.domain.audit.Conclusion;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.performance.Report.Block;
import io.vigil.domain.performance.Report.Chart;
import io.vigil.domain.performance.Report.NoData;
import io.vigil.domain.performance.Report.Paragraph;
import io.vigil.domain.performance.Report.Section;
import io.vigil.domain.performance.Report.Table;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRecord;
import io.vigil.domain.register.RegisterRepository;
import io.vigil.domain.register.RegisterRules;
import io.vigil.domain.register.RiskMethod;
import io.vigil.domain.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the periodic performance summary (9.1) and the management review pack (9.3): measures
 * the period, stores the results (for trends), and lays out every input 9.3.2 a)–g) requires plus
 * the section for the review's decisions (9.3.3), which are recorded in the management-reviews
 * register and reported under a) at the next review. Each section says plainly when its source
 * has no data yet.
 */
public final class ReportBuilder {

  /** Periods shown in trend charts. */
  public static final int TREND_PERIODS = 12;

  /** The measures drawn as trend charts. */
  private static final List<Measure> CHARTED = List.of(Measure.CONTROL_PASS_RATE,
      Measure.OPEN_FINDINGS);

  private final PerformanceEvaluator evaluator;
  private final MeasureRepository measures;
  private final RegisterRepository registers;
  private final AuditRepository audits;
  private final FindingRepository findings;
  private final Clock clock;

  public ReportBuilder(PerformanceEvaluator evaluator, MeasureRepository measures,
      RegisterRepository registers, AuditRepository audits, FindingRepository findings,
      Clock clock) {
    this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    this.measures = Objects.requireNonNull(measures, "measures");
    this.registers = Objects.requireNonNull(registers, "registers");
    this.audits = Objects.requireNonNull(audits, "audits");
    this.findings = Objects.requireNonNull(findings, "findings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Measures {@code period} and stores the results. */
  public List<MeasureResult> measure(Period period) {
    var results = evaluator.evaluate(period);
    measures.save(results);
    return results;
  }

  /**
   * The stored results a report shows besides {@code current}: the period before for each
   * measure (key figures), the last {@link #TREND_PERIODS} periods of the charted ones, read at
   * once ({@link MeasureRepository#trends}).
   */
  private Map<Measure, List<MeasureResult>> history(Period period, List<MeasureResult> current) {
    var counts = new EnumMap<Measure, Integer>(Measure.class);
    current.forEach(r -> counts.put(r.measure(), 2));
    CHARTED.forEach(m -> counts.put(m, TREND_PERIODS));
    return measures.trends(counts, period);
  }

  /** The weekly (or any period's) performance summary: key figures and trends. */
  public Report summary(Period period, List<MeasureResult> current) {
    var history = history(period, current);
    var sections = new ArrayList<Section>();
    sections.add(new Section("figures", "Key figures", List.of(figures(period, current,
        history))));
    sections.add(new Section("trends", "Trends", List.of(
        trendChart(Measure.CONTROL_PASS_RATE, period, 100.0, history),
        trendChart(Measure.OPEN_FINDINGS, period, null, history),
        ageing(current))));
    return new Report("performance-summary", "Information security performance summary "
        + period.id(), period, clock.now(), sections, highlights(current));
  }

  /** The management review pack for {@code period}. */
  public Report managementReview(Period period, List<MeasureResult> current) {
    var history = history(period, current);
    var reviews = registers.list(RegisterKind.MANAGEMENT_REVIEW);
    var sections = new ArrayList<Section>();
    sections.add(new Section("figures", "Key figures", List.of(figures(period, current,
        history))));
    sections.add(new Section("a", "a) Status of actions from previous management reviews",
        previousActions(period, reviews)));
    sections.add(new Section("b", "b) Changes in external and internal issues relevant to the"
        + " ISMS", changed(RegisterKind.ISSUE, period, List.of("Issue", "Type", "Status",
            "Effect on the ISMS"), r -> List.of(r.text("title").orElse(""),
                r.text("type").orElse(""), r.text("status").orElse("ACTIVE"),
                r.text("effect").orElse("")))));
    sections.add(new Section("c", "c) Changes in needs and expectations of interested parties",
        changed(RegisterKind.INTERESTED_PARTY, period, List.of("Interested party",
            "Requirements", "Addressed by"), r -> List.of(r.text("name").orElse(""),
                String.join("; ", r.texts("requirements")), r.text("addressedBy").orElse("")))));
    sections.add(new Section("d", "d) Feedback on information security performance",
        performance(period, current, history)));
    sections.add(new Section("e", "e) Feedback from interested parties", feedback(period)));
    sections.add(new Section("f", "f) Results of risk assessment and status of the risk"
        + " treatment plan", risks()));
    sections.add(new Section("g", "g) Opportunities for continual improvement",
        opportunities()));
    sections.add(new Section("decisions", "Decisions of the review (9.3.3)",
        decisions(period, reviews)));
    return new Report("management-review", "Management review " + period.id(), period,
        clock.now(), sections, highlights(current));
  }

  private Table figures(Period period, List<MeasureResult> current,
      Map<Measure, List<MeasureResult>> history) {
    var rows = new ArrayList<List<String>>();
    var before = period.previous().id();
    for (var r : current) {
      var previous = history.getOrDefault(r.measure(), List.of()).stream()
          .filter(h -> before.equals(h.period()) && h.hasValue()).findFirst();
      rows.add(List.of(r.measure().title(), r.hasValue() ? format(r.value(), r.measure()) : "—",
          previous.map(p -> format(p.value(), r.measure())).orElse("—"),
          trendWord(r, previous.orElse(null)), r.hasValue() ? "" : r.note()));
    }
    return new Table("Measures of " + period.id() + " and the period before",
        List.of("Measure", period.id(), period.previous().id(), "Trend", "Note"), rows);
  }

  private static String format(Double value, Measure m) {
    if (value == null) {
      return "—";
    }
    return switch (m.unit()) {
      case "%" -> String.format(Locale.ROOT, "%.1f %%", value);
      case "days" -> String.format(Locale.ROOT, "%.1f days", value);
      default -> String.format(Locale.ROOT, "%.0f", value);
    };
  }

  private static String trendWord(MeasureResult now, MeasureResult before) {
    if (!now.hasValue() || before == null || !before.hasValue()) {
      return "—";
    }
    double delta = now.value() - before.value();
    if (Math.abs(delta) < 1e-9) {
      return "unchanged";
    }
    boolean better = (delta > 0) == now.measure().higherIsBetter();
    return better ? "better" : "worse";
  }

  private static Chart trendChart(Measure measure, Period period, Double maximum,
      Map<Measure, List<MeasureResult>> history) {
    var trend = history.get(measure);
    var byPeriod = new LinkedHashMap<String, Double>();
    var p = period;
    var labels = new ArrayList<String>();
    for (int i = 0; i < TREND_PERIODS; i++) {
      labels.add(0, p.id());
      p = p.previous();
    }
    labels.forEach(l -> byPeriod.put(l, null));
    trend.forEach(r -> {
      if (byPeriod.containsKey(r.period())) {
        byPeriod.put(r.period(), r.value());
      }
    });
    return new Chart(Chart.Kind.LINE, measure.title() + " over the last " + TREND_PERIODS + " "
        + period.kind().name().toLowerCase(Locale.ROOT) + "s", measure.unit(),
        new ArrayList<>(byPeriod.keySet()), new ArrayList<>(byPeriod.values()), maximum);
  }

  private static Block ageing(List<MeasureResult> current) {
    var open = find(current, Measure.OPEN_FINDINGS);
    var labels = List.of("0-30 days", "31-90 days", "91-180 days", "over 180 days");
    return new Chart(Chart.Kind.BARS, "Open findings by age", "count", labels,
        labels.stream().map(l -> open.breakdown().getOrDefault(l, 0.0)).toList(), null);
  }

  private static MeasureResult find(List<MeasureResult> results, Measure m) {
    return results.stream().filter(r -> r.measure() == m).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no result for " + m));
  }

  private List<String> highlights(List<MeasureResult> current) {
    var out = new ArrayList<String>();
    for (var m : List.of(Measure.CONTROL_PASS_RATE, Measure.OPEN_FINDINGS,
        Measure.OVERDUE_ACTIONS, Measure.AUDIT_PROGRAMME_COMPLETION,
        Measure.EVIDENCE_TASKS_OVERDUE)) {
      var r = find(current, m);
      out.add(m.title() + ": " + (r.hasValue() ? format(r.value(), m) : "no data (" + r.note()
          + ")"));
    }
    return out;
  }

  private List<Block> previousActions(Period period, List<RegisterRecord> reviews) {
    var earlier = reviews.stream()
        .filter(r -> r.text("period").map(p -> !p.equals(period.id())).orElse(false))
        .filter(r -> r.date("date").map(d -> d.isBefore(period.end())).orElse(false))
        .sorted(Comparator.comparing(r -> r.date("date").orElseThrow()))
        .toList();
    if (earlier.isEmpty()) {
      return List.of(new NoData("No earlier management review is recorded (register"
          + " management-reviews), so there are no actions to report yet."));
    }
    var rows = new ArrayList<List<String>>();
    var today = clock.today();
    for (var review : earlier) {
      for (var d : review.objects("decisions")) {
        var status = String.valueOf(d.getOrDefault("status", "OPEN"));
        var due = d.get("dueDate") == null ? "" : String.valueOf(d.get("dueDate"));
        if ("OPEN".equals(status) && !due.isEmpty()
            && java.time.LocalDate.parse(due).isBefore(today)) {
          status = "OPEN (overdue)";
        }
        if (!"DONE".equals(status) || review == earlier.get(earlier.size() - 1)) {
          rows.add(List.of(review.text("period").orElse(""), String.valueOf(d.get("decision")),
              String.valueOf(d.get("owner")), due, status));
        }
      }
    }
    if (rows.isEmpty()) {
      return List.of(new NoData("The previous reviews recorded no decisions."));
    }
    return List.of(new Table("Decisions of earlier reviews: all of the last one, and those still"
        + " open", List.of("Review", "Decision", "Owner", "Due", "Status"), rows));
  }

  private List<Block> changed(RegisterKind kind, Period period, List<String> headers,
      java.util.function.Function<RegisterRecord, List<String>> row) {
    var all = registers.list(kind);
    if (all.isEmpty()) {
      return List.of(new NoData("The " + kind.title().toLowerCase(Locale.ROOT) + " register ("
          + kind.path() + ") is empty."));
    }
    var from = period.start().atStartOfDay().toInstant(ZoneOffset.UTC);
    var to = period.end().atStartOfDay().toInstant(ZoneOffset.UTC);
    var rows = all.stream().filter(r -> within(r.updatedAt(), from, to)
        || within(r.createdAt(), from, to)).map(row).toList();
    if (rows.isEmpty()) {
      return List.of(new NoData("No change in " + period.id() + " (" + all.size()
          + " record(s) unchanged)."));
    }
    return List.of(new Table("Added or changed in " + period.id(), headers, rows));
  }

  private static boolean within(Instant t, Instant from, Instant to) {
    return t != null && !t.isBefore(from) && t.isBefore(to);
  }

  private List<Block> performance(Period period, List<MeasureResult> current,
      Map<Measure, List<MeasureResult>> history) {
    var blocks = new ArrayList<Block>();
    blocks.add(new Paragraph("Nonconformities and corrective actions."));
    var open = find(current, Measure.OPEN_FINDINGS);
    var types = List.of(FindingType.values());
    blocks.add(new Chart(Chart.Kind.BARS, "Open findings by type", "count",
        types.stream().map(t -> t.name().replace('_', ' ').toLowerCase(Locale.ROOT)).toList(),
        types.stream().map(t -> open.breakdown().getOrDefault(t.name(), 0.0)).toList(), null));
    blocks.add(ageing(current));
    blocks.add(trendChart(Measure.OPEN_FINDINGS, period, null, history));
    blocks.add(new Paragraph("Monitoring and measurement results."));
    blocks.add(trendChart(Measure.CONTROL_PASS_RATE, period, 100.0, history));
    var pass = find(current, Measure.CONTROL_PASS_RATE);
    var themes = pass.breakdown().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("account ")).toList();
    if (themes.isEmpty()) {
      blocks.add(new NoData("No check results yet: no pass rate per Annex A theme."));
    } else {
      blocks.add(new Chart(Chart.Kind.BARS, "Pass rate per Annex A theme", "%",
          themes.stream().map(Map.Entry::getKey).toList(),
          themes.stream().map(Map.Entry::getValue).toList(), 100.0));
    }
    var rows = new ArrayList<List<String>>();
    for (var r : current) {
      rows.add(List.of(r.measure().title(), r.measure().what(),
          r.hasValue() ? format(r.value(), r.measure()) : "no data: " + r.note()));
    }
    blocks.add(new Table("Measures (9.1)", List.of("Measure", "What is measured", "Result"),
        rows));
    Measure.determination().forEach(t -> blocks.add(new Paragraph(t)));
    blocks.add(new Paragraph("Audit results."));
    blocks.addAll(auditResults(period));
    blocks.add(new Paragraph("Fulfilment of information security objectives."));
    blocks.addAll(objectivesTable());
    return blocks;
  }

  private List<Block> auditResults(Period period) {
    var inPeriod = audits.records(period.start(), period.lastDay(),
        EnumSet.of(AuditStatus.COMPLETED, AuditStatus.IN_PROGRESS, AuditStatus.PLANNED,
            AuditStatus.CANCELLED));
    var out = new ArrayList<Block>();
    long completed = inPeriod.stream().filter(a -> a.status() == AuditStatus.COMPLETED).count();
    long progress = inPeriod.stream().filter(a -> a.status() == AuditStatus.IN_PROGRESS).count();
    long overdue = inPeriod.stream().filter(a -> a.overdue(clock.today())).count();
    long planned = inPeriod.stream().filter(a -> a.status() == AuditStatus.PLANNED).count()
        - overdue;
    long cancelled = inPeriod.stream().filter(a -> a.status() == AuditStatus.CANCELLED).count();
    if (inPeriod.isEmpty()) {
      out.add(new NoData("No internal audit was planned in " + period.id() + "."));
      return out;
    }
    out.add(new Chart(Chart.Kind.BARS, "Audit programme in " + period.id(), "audits",
        List.of("completed", "in progress", "planned", "overdue", "cancelled"),
        List.of((double) completed, (double) progress, (double) planned, (double) overdue,
            (double) cancelled), null));
    var rows = new ArrayList<List<String>>();
    for (var a : inPeriod) {
      if (a.status() != AuditStatus.COMPLETED) {
        continue;
      }
      var counts = new LinkedHashMap<Conclusion, Integer>();
      a.conclusions().values().forEach(c -> counts.merge(c.conclusion(), 1, Integer::sum));
      var summary = counts.entrySet().stream()
          .map(e -> e.getValue() + " " + e.getKey().label()).toList();
      rows.add(List.of(a.id(), a.day().toString(), a.plan().auditor(),
          String.join(", ", a.plan().items()), String.join("; ", summary),
          a.reportSha256() == null ? "" : a.reportSha256()));
    }
    if (rows.isEmpty()) {
      out.add(new NoData("No audit was completed in " + period.id() + "."));
    } else {
      out.add(new Table("Audits completed in " + period.id(), List.of("Audit", "Date",
          "Auditor", "Items", "Conclusions", "Report (SHA-256)"), rows));
    }
    return out;
  }

  private List<Block> objectivesTable() {
    var objectives = registers.list(RegisterKind.OBJECTIVE);
    if (objectives.isEmpty()) {
      return List.of(new NoData("No information security objectives are recorded (register"
          + " objectives)."));
    }
    var context = new RegisterRules.Context(clock.today(),
        RiskMethod.of(registers.find(RegisterKind.RISK_METHOD, "method")), Set.of(), Set.of(),
        (kpi, day) -> java.util.OptionalDouble.empty());
    var rows = new ArrayList<List<String>>();
    for (var o : objectives) {
      var d = RegisterRules.derive(o, context);
      var attained = d.get("attained");
      rows.add(List.of(o.text("title").orElse(""), ("AT_LEAST".equals(o.text("direction")
          .orElse("")) ? "≥ " : "≤ ") + o.number("target").map(String::valueOf).orElse("")
          + o.text("unit").map(u -> " " + u).orElse(""), o.text("owner").orElse(""),
          o.text("dueDate").orElse(""), attained == null ? "not measured"
              : Boolean.TRUE.equals(attained) ? "attained" : "not attained"));
    }
    return List.of(new Table("Objectives (6.2)", List.of("Objective", "Target", "Owner", "Due",
        "Status"), rows));
  }

  private List<Block> feedback(Period period) {
    var rows = new ArrayList<List<String>>();
    var parties = registers.list(RegisterKind.INTERESTED_PARTY);
    for (var p : parties) {
      for (var f : p.objects("feedback")) {
        var date = java.time.LocalDate.parse(String.valueOf(f.get("date")));
        if (period.contains(date)) {
          rows.add(List.of(p.text("name").orElse(""), date.toString(),
              String.valueOf(f.get("summary"))));
        }
      }
    }
    if (rows.isEmpty()) {
      return List.of(new NoData(parties.isEmpty() ? "No interested parties are recorded"
          + " (register interested-parties)." : "No feedback from interested parties was"
          + " recorded in " + period.id() + "."));
    }
    return List.of(new Table("Feedback received in " + period.id(), List.of("Interested party",
        "Date", "Feedback"), rows));
  }

  private List<Block> risks() {
    var risks = registers.list(RegisterKind.RISK);
    if (risks.isEmpty()) {
      return List.of(new NoData("The risk register is empty: no risk assessment results yet."));
    }
    var method = RiskMethod.of(registers.find(RegisterKind.RISK_METHOD, "method"));
    var failing = new java.util.HashSet<String>();
    var ncs = new java.util.HashSet<String>();
    for (var f : findings.findOpen()) {
      f.controls().forEach(c -> {
        if (f.checkId() != null) {
          failing.add(c.toString());
        }
        if (f.type() == FindingType.MAJOR_NONCONFORMITY
            || f.type() == FindingType.MINOR_NONCONFORMITY) {
          ncs.add(c.toString());
        }
      });
    }
    var context = new RegisterRules.Context(clock.today(), method, failing, ncs,
        (kpi, day) -> java.util.OptionalDouble.empty());
    var rows = new ArrayList<List<String>>();
    var bands = new LinkedHashMap<String, Double>();
    method.bands().forEach(b -> bands.put(b.name(), 0.0));
    for (var r : risks) {
      var d = RegisterRules.derive(r, context);
      var band = String.valueOf(d.getOrDefault("residualBand", d.get("inherentBand")));
      bands.merge(band, 1.0, Double::sum);
      long actions = r.objects("actions").size();
      long done = r.objects("actions").stream().filter(a -> "DONE".equals(a.get("status")))
          .count();
      rows.add(List.of(r.id(), r.text("title").orElse(""), d.get("inherentLevel") + " "
          + d.get("inherentBand"), d.containsKey("residualLevel")
              ? d.get("residualLevel") + " " + d.get("residualBand") : "—",
          Boolean.TRUE.equals(d.get("withinAcceptance")) ? "yes" : "no",
          r.text("treatment").orElse("—"), done + "/" + actions,
          Boolean.TRUE.equals(d.get("treatmentApproved")) ? "yes" : "no",
          Boolean.TRUE.equals(d.get("flagged")) ? "failing evidence or open nonconformity on "
              + String.join(", ", new java.util.TreeSet<>(concat(d))) : ""));
    }
    return List.of(new Chart(Chart.Kind.BARS, "Risks by current level", "risks",
        new ArrayList<>(bands.keySet()), new ArrayList<>(bands.values()), null),
        new Table("Risk register (6.1.2) and treatment (6.1.3)", List.of("Risk", "Title",
            "Inherent", "Residual", "Within acceptance", "Treatment", "Actions done",
            "Owner approved", "Flags"), rows));
  }

  @SuppressWarnings("unchecked")
  private static List<String> concat(Map<String, Object> d) {
    var out = new ArrayList<String>((List<String>) d.get("controlsWithFailingEvidence"));
    out.addAll((List<String>) d.get("controlsWithOpenNonconformities"));
    return out;
  }

  private List<Block> opportunities() {
    var rows = findings.findOpen().stream()
        .filter(f -> f.type() == FindingType.OPPORTUNITY_FOR_IMPROVEMENT
            || f.type() == FindingType.OBSERVATION)
        .sorted(Comparator.comparing(io.vigil.domain.finding.Finding::raisedAt))
        .map(f -> List.of(f.id().value(), f.type().name().replace('_', ' ')
                .toLowerCase(Locale.ROOT), f.title(), f.source().name(),
            f.owner() == null ? "" : f.owner()))
        .toList();
    if (rows.isEmpty()) {
      return List.of(new NoData("No open observation or opportunity for improvement is"
          + " recorded."));
    }
    return List.of(new Table("Open observations and opportunities for improvement",
        List.of("Finding", "Type", "Title", "Source", "Owner"), rows));
  }

  private List<Block> decisions(Period period, List<RegisterRecord> reviews) {
    var review = reviews.stream().filter(r -> r.text("period").map(period.id()::equals)
        .orElse(false)).findFirst();
    if (review.isEmpty() || review.get().objects("decisions").isEmpty()) {
      return List.of(new Paragraph("Record the decisions of this review (opportunities for"
          + " continual improvement, needs for change to the ISMS) in the management-reviews"
          + " register for period " + period.id() + ", each with an owner and due date; they"
          + " are reported under a) at the next review."));
    }
    var rows = review.get().objects("decisions").stream().map(d -> List.of(
        String.valueOf(d.get("decision")), String.valueOf(d.get("owner")),
        d.get("dueDate") == null ? "" : String.valueOf(d.get("dueDate")),
        String.valueOf(d.getOrDefault("status", "OPEN")))).toList();
    return List.of(new Table("Decisions recorded on " + review.get().text("date").orElse(""),
        List.of("Decision", "Owner", "Due", "Status"), rows));
  }
}
