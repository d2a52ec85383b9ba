package io.vigil.domain.performance;

import io.vigil.domain.audit.AuditRepository;
import io.vigil.domain.audit.AuditStatus;
import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.control.AnnexACatalogue;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.register.KpiSource;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRepository;
import io.vigil.domain.register.RegisterRules;
import io.vigil.domain.register.RiskMethod;
import io.vigil.domain.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures the ISMS for a period (clause 9.1): every {@link Measure}, from Vigil's records through
 * its ports — evidence counts, open and closed findings with their corrective actions, the audits
 * and the registers. A measure whose source has no data yet has no value and says why. State
 * measures (open findings, overdue items, pass rates) are taken as of the run; flow measures
 * (mean time to close) cover the period.
 */
public final class PerformanceEvaluator {

  /** Evidence younger than this counts as fresh. */
  public static final Duration FRESH = Duration.ofHours(26);

  private final EvidenceStats evidence;
  private final CheckIndex checks;
  private final FindingRepository findings;
  private final ClosedFindings closed;
  private final AuditRepository audits;
  private final RegisterRepository registers;
  private final KpiSource kpis;
  private final Clock clock;

  public PerformanceEvaluator(EvidenceStats evidence, CheckIndex checks,
      FindingRepository findings, ClosedFindings closed, AuditRepository audits,
      RegisterRepository registers, KpiSource kpis, Clock clock) {
    this.evidence = Objects.requireNonNull(evidence, "evidence");
    this.checks = Objects.requireNonNull(checks, "checks");
    this.findings = Objects.requireNonNull(findings, "findings");
    this.closed = Objects.requireNonNull(closed, "closed");
    this.audits = Objects.requireNonNull(audits, "audits");
    this.registers = Objects.requireNonNull(registers, "registers");
    this.kpis = Objects.requireNonNull(kpis, "kpis");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Every measure for {@code period}, in {@link Measure} order. */
  public List<MeasureResult> evaluate(Period period) {
    var out = new ArrayList<MeasureResult>();
    var counts = evidence.latestCounts();
    out.add(passRate(period, counts));
    out.add(freshness(period, counts));
    var open = findings.findOpen();
    out.add(openFindings(period, open));
    out.add(overdueActions(period, open));
    out.add(meanTimeToClose(period));
    out.add(auditCompletion(period));
    out.add(riskTreatment(period));
    out.add(objectives(period));
    out.add(evidenceTasks(period));
    return out;
  }

  private MeasureResult passRate(Period period, List<EvidenceStats.CheckCount> counts) {
    long pass = 0;
    long fail = 0;
    var byTheme = new TreeMap<String, long[]>();
    var byAccount = new TreeMap<String, long[]>();
    for (var c : counts) {
      pass += c.passed();
      fail += c.failed();
      var entry = checks.check(c.checkId());
      if (entry.isPresent()) {
        var themes = new HashSet<String>();
        entry.get().primary().forEach(id -> AnnexACatalogue.standard().find(id)
            .ifPresent(control -> themes.add("A." + control.theme().number() + " "
                + control.theme().label())));
        for (var theme : themes) {
          var t = byTheme.computeIfAbsent(theme, k -> new long[2]);
          t[0] += c.passed();
          t[1] += c.failed();
        }
      }
      var a = byAccount.computeIfAbsent("account " + c.accountId(), k -> new long[2]);
      a[0] += c.passed();
      a[1] += c.failed();
    }
    if (pass + fail == 0) {
      return MeasureResult.noData(Measure.CONTROL_PASS_RATE, period.id(), "no check results"
          + " have been collected yet", clock.now());
    }
    var breakdown = new LinkedHashMap<String, Double>();
    byTheme.forEach((k, v) -> percent(v).ifPresent(p -> breakdown.put(k, p)));
    byAccount.forEach((k, v) -> percent(v).ifPresent(p -> breakdown.put(k, p)));
    return new MeasureResult(Measure.CONTROL_PASS_RATE, period.id(), 100.0 * pass / (pass + fail),
        breakdown, "", clock.now());
  }

  private static java.util.Optional<Double> percent(long[] passFail) {
    long all = passFail[0] + passFail[1];
    return all == 0 ? java.util.Optional.empty()
        : java.util.Optional.of(100.0 * passFail[0] / all);
  }

  private MeasureResult freshness(Period period, List<EvidenceStats.CheckCount> counts) {
    var latestByControl = new TreeMap<String, java.time.Instant>();
    for (var c : counts) {
      checks.check(c.checkId()).ifPresent(entry -> entry.controls().forEach(control ->
          latestByControl.merge(control.toString(), c.latestObservedAt(),
              (a, b) -> a == null ? b : b == null ? a : a.isAfter(b) ? a : b)));
    }
    if (latestByControl.isEmpty()) {
      return MeasureResult.noData(Measure.EVIDENCE_FRESHNESS, period.id(), "no automated"
          + " evidence has been collected yet", clock.now());
    }
    var cutoff = clock.now().minus(FRESH);
    long fresh = latestByControl.values().stream()
        .filter(t -> t != null && !t.isBefore(cutoff)).count();
    return new MeasureResult(Measure.EVIDENCE_FRESHNESS, period.id(),
        100.0 * fresh / latestByControl.size(),
        Map.of("controls with automated evidence", (double) latestByControl.size(),
            "fresh", (double) fresh), "", clock.now());
  }

  private MeasureResult openFindings(Period period, List<io.vigil.domain.finding.Finding> open) {
    var breakdown = new LinkedHashMap<String, Double>();
    var now = clock.now();
    for (var type : io.vigil.domain.finding.FindingType.values()) {
      breakdown.put(type.name(), 0.0);
    }
    for (var bucket : List.of("0-30 days", "31-90 days", "91-180 days", "over 180 days")) {
      breakdown.put(bucket, 0.0);
    }
    for (var f : open) {
      breakdown.merge(f.type().name(), 1.0, Double::sum);
      long days = Duration.between(f.raisedAt(), now).toDays();
      var bucket = days <= 30 ? "0-30 days" : days <= 90 ? "31-90 days"
          : days <= 180 ? "91-180 days" : "over 180 days";
      breakdown.merge(bucket, 1.0, Double::sum);
    }
    return new MeasureResult(Measure.OPEN_FINDINGS, period.id(), (double) open.size(), breakdown,
        "", now);
  }

  private MeasureResult overdueActions(Period period,
      List<io.vigil.domain.finding.Finding> open) {
    var today = clock.today();
    long overdue = 0;
    long outstanding = 0;
    for (var f : open) {
      for (var a : findings.actionsOf(f.id())) {
        if (a.status().isOutstanding()) {
          outstanding++;
          if (a.dueDate() != null && a.dueDate().isBefore(today)) {
            overdue++;
          }
        }
      }
    }
    return new MeasureResult(Measure.OVERDUE_ACTIONS, period.id(), (double) overdue,
        Map.of("outstanding actions", (double) outstanding), "", clock.now());
  }

  private MeasureResult meanTimeToClose(Period period) {
    var list = closed.closedBetween(period.start().atStartOfDay().toInstant(ZoneOffset.UTC),
        period.end().atStartOfDay().toInstant(ZoneOffset.UTC));
    if (list.isEmpty()) {
      return MeasureResult.noData(Measure.MEAN_TIME_TO_CLOSE, period.id(), "no finding was"
          + " closed in " + period.id(), clock.now());
    }
    double days = list.stream().mapToDouble(c -> Duration.between(c.finding().raisedAt(),
        c.closedAt()).toMinutes() / 1440.0).average().orElse(0);
    return new MeasureResult(Measure.MEAN_TIME_TO_CLOSE, period.id(), days,
        Map.of("findings closed", (double) list.size()), "", clock.now());
  }

  private MeasureResult auditCompletion(Period period) {
    var end = period.lastDay();
    var all = audits.records(end.minusMonths(12).plusDays(1), end,
        EnumSet.of(AuditStatus.PLANNED, AuditStatus.IN_PROGRESS, AuditStatus.COMPLETED));
    if (all.isEmpty()) {
      return MeasureResult.noData(Measure.AUDIT_PROGRAMME_COMPLETION, period.id(), "no internal"
          + " audit was due in the 12 months up to " + end, clock.now());
    }
    long completed = all.stream().filter(a -> a.status() == AuditStatus.COMPLETED).count();
    long overdue = all.stream().filter(a -> a.overdue(clock.today())).count();
    return new MeasureResult(Measure.AUDIT_PROGRAMME_COMPLETION, period.id(),
        100.0 * completed / all.size(), Map.of("due", (double) all.size(),
            "completed", (double) completed, "overdue (not started)", (double) overdue), "",
        clock.now());
  }

  private MeasureResult riskTreatment(Period period) {
    var risks = registers.list(RegisterKind.RISK);
    if (risks.isEmpty()) {
      return MeasureResult.noData(Measure.RISK_TREATMENT_PROGRESS, period.id(), "the risk"
          + " register is empty", clock.now());
    }
    var method = RiskMethod.of(registers.find(RegisterKind.RISK_METHOD, "method"));
    long actions = 0;
    long done = 0;
    long within = 0;
    long approved = 0;
    for (var r : risks) {
      for (var a : r.objects("actions")) {
        actions++;
        if ("DONE".equals(a.get("status"))) {
          done++;
        }
      }
      int l = r.integer("residualLikelihood").orElse(r.integer("likelihood").orElseThrow())
          .intValue();
      int i = r.integer("residualImpact").orElse(r.integer("impact").orElseThrow()).intValue();
      if (method.acceptable(l * i)) {
        within++;
      }
      if (r.system().containsKey("treatmentApproval")) {
        approved++;
      }
    }
    var breakdown = new LinkedHashMap<String, Double>();
    breakdown.put("risks", (double) risks.size());
    breakdown.put("within acceptance", (double) within);
    breakdown.put("treatment approved", (double) approved);
    breakdown.put("plan actions", (double) actions);
    breakdown.put("plan actions done", (double) done);
    return new MeasureResult(Measure.RISK_TREATMENT_PROGRESS, period.id(),
        actions == 0 ? 100.0 * within / risks.size() : 100.0 * done / actions, breakdown,
        actions == 0 ? "no treatment actions recorded: share of risks within acceptance" : "",
        clock.now());
  }

  private MeasureResult objectives(Period period) {
    var objectives = registers.list(RegisterKind.OBJECTIVE);
    if (objectives.isEmpty()) {
      return MeasureResult.noData(Measure.OBJECTIVES_ATTAINMENT, period.id(), "no objectives are"
          + " recorded", clock.now());
    }
    var context = new RegisterRules.Context(clock.today(),
        RiskMethod.of(registers.find(RegisterKind.RISK_METHOD, "method")), Set.of(), Set.of(),
        kpis);
    long measured = 0;
    long attained = 0;
    var breakdown = new LinkedHashMap<String, Double>();
    for (var o : objectives) {
      var d = RegisterRules.derive(o, context);
      if (d.get("attained") instanceof Boolean b) {
        measured++;
        if (b) {
          attained++;
        }
        breakdown.put(o.id() + " " + o.text("title").orElse(""), b ? 1.0 : 0.0);
      }
    }
    if (measured == 0) {
      return MeasureResult.noData(Measure.OBJECTIVES_ATTAINMENT, period.id(), "no objective has"
          + " a measurement yet", clock.now());
    }
    return new MeasureResult(Measure.OBJECTIVES_ATTAINMENT, period.id(),
        100.0 * attained / measured, breakdown, "", clock.now());
  }

  private MeasureResult evidenceTasks(Period period) {
    var tasks = registers.list(RegisterKind.EVIDENCE_TASK);
    var today = clock.today();
    long overdue = tasks.stream().filter(t -> t.date("nextDue").orElseThrow().isBefore(today))
        .count();
    return new MeasureResult(Measure.EVIDENCE_TASKS_OVERDUE, period.id(), (double) overdue,
        Map.of("tasks", (double) tasks.size()),
        tasks.isEmpty() ? "no manual evidence tasks are recorded" : "", clock.now());
  }

}
