package io.vigil.bench;

import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.fakes.InMemoryAuditRepository;
import io.vigil.domain.fakes.InMemoryFindingRepository;
import io.vigil.domain.fakes.InMemoryMeasureRepository;
import io.vigil.domain.fakes.InMemoryRegisterRepository;
import io.vigil.domain.fakes.InMemoryResultRepository;
import io.vigil.domain.finding.ActionStatus;
import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.HistoryEntry;
import io.vigil.domain.finding.Treatment;
import io.vigil.domain.performance.ClosedFindings;
import io.vigil.domain.performance.LatestResultsEvidenceStats;
import io.vigil.domain.performance.Measure;
import io.vigil.domain.performance.MeasureResult;
import io.vigil.domain.performance.PerformanceEvaluator;
import io.vigil.domain.performance.Period;
import io.vigil.domain.performance.ReportBuilder;
import io.vigil.domain.register.RegisterEvent;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRecord;
import io.vigil.domain.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * A large ISMS held in the domain's in-memory stores, for the management review pack
 * ({@link PackBench}) and the KPI aggregation benchmark: {@code results} latest check results
 * over the catalogue's checks in 20 accounts (85 % passing), {@code findings} findings (10 % open,
 * each open one with a corrective action; the others closed within 60 days), 200 audits, 100 risks
 * and a year of stored measures, all as of {@link #NOW}. Seeded from a fixed random seed, so the
 * same sizes give the same data.
 */
public final class PackEstate {

  /** The moment the estate is measured at: the day after the quarter {@link #QUARTER}. */
  public static final Instant NOW = Instant.parse("2027-04-01T06:00:00Z");

  /** The period the pack reports on. */
  public static final Period QUARTER = Period.parse("2027-Q1");

  private final PerformanceEvaluator evaluator;
  private final ReportBuilder builder;

  private PackEstate(PerformanceEvaluator evaluator, ReportBuilder builder) {
    this.evaluator = evaluator;
    this.builder = builder;
  }

  /** Seeds the stores. */
  public static PackEstate seed(int findingsCount, int resultsCount) {
    var clock = Clock.fixed(NOW);
    var index = CheckIndex.bundled();
    var random = new Random(42);
    var results = new InMemoryResultRepository();
    var findings = new InMemoryFindingRepository();
    var audits = new InMemoryAuditRepository();
    var registers = new InMemoryRegisterRepository();
    var measures = new InMemoryMeasureRepository();
    var closed = new ArrayList<ClosedFindings.Closed>();

    var checks = index.all();
    var batch = new ArrayList<CheckResult>(10_000);
    for (int i = 0; i < resultsCount; i++) {
      var check = checks.get(i % checks.size());
      var account = String.format("%012d", 100_000_000_000L + (i % 20));
      var status = random.nextInt(100) < 85 ? CheckStatus.PASS
          : random.nextInt(10) < 9 ? CheckStatus.FAIL : CheckStatus.ERROR;
      batch.add(new CheckResult("run-bench", new CheckId(check.id()), status, account,
          "eu-west-1", "arn:aws:svc:eu-west-1:" + account + ":res/" + i, "AWS::Svc::Res",
          check.primary(), check.severity(), NOW.minus(Duration.ofMinutes(random.nextInt(3000))),
          Sha256.of(Integer.toString(i)), status == CheckStatus.PASS ? "ok" : "finding"));
      if (batch.size() == 10_000) {
        results.saveAll(batch);
        batch.clear();
      }
    }
    results.saveAll(batch);
    var types = FindingType.values();
    for (int i = 0; i < findingsCount; i++) {
      boolean open = i % 10 == 0;
      var raised = NOW.minus(Duration.ofDays(random.nextInt(400)));
      var check = checks.get(i % checks.size());
      var f = new Finding(FindingId.of("F-b" + i), types[i % types.length],
          i % 3 == 0 ? FindingSource.INTERNAL_AUDIT : FindingSource.EXTERNAL_AUDIT,
          open ? FindingStatus.OPEN : FindingStatus.CLOSED, "Finding " + i, null, Severity.MEDIUM,
          check.primary().isEmpty() ? List.of(ControlId.parse("A.8.24")) : check.primary(),
          List.of(), null, null, null, null, raised, null, "owner" + (i % 50) + "@example.com",
          null, null, null, null, null, Treatment.none(), 0);
      findings.create(f, new HistoryEntry(raised, "bench", HistoryEntry.Kind.CREATED, null,
          f.status(), List.of(), null, 0));
      if (open) {
        findings.addAction(new CorrectiveAction("A-b" + i, f.id(), "fix " + i,
            "owner@example.com", LocalDate.parse("2027-03-01").plusDays(random.nextInt(90)),
            ActionStatus.IN_PROGRESS, null, null, null, 0), new HistoryEntry(raised, "bench",
            HistoryEntry.Kind.ACTION_ADDED, null, null, List.of(), "A-b" + i, 0));
      } else {
        closed.add(new ClosedFindings.Closed(f, raised.plus(Duration.ofDays(random.nextInt(60)))));
      }
    }
    var planned = new ArrayList<AuditPlan.PlannedAudit>();
    for (int i = 0; i < 200; i++) {
      planned.add(new AuditPlan.PlannedAudit("AUD-b" + i, LocalDate.parse("2026-04-06")
          .plusDays(i * 2L), "auditor" + (i % 5), null, List.of("A.5." + (1 + i % 37)),
          "criteria", "scope", "method"));
    }
    audits.savePlan(new AuditPlan(LocalDate.parse("2026-04-01"), LocalDate.parse("2027-12-31"),
        planned, List.of()));
    for (int i = 0; i < 100; i++) {
      var fields = RegisterKind.RISK.schema().normalise(Map.of("title", "Risk " + i, "asset",
          "asset " + i, "threat", "threat", "vulnerability", "vuln", "owner", "owner", "likelihood",
          1 + i % 5, "impact", 1 + (i / 5) % 5, "treatment", "MODIFY", "controls",
          List.of("A.8." + (1 + i % 34)), "actions", List.of(Map.of("description", "do",
              "owner", "o", "status", i % 2 == 0 ? "DONE" : "PLANNED"))));
      registers.create(new RegisterRecord(RegisterKind.RISK, "R-b" + i, fields, Map.of(), NOW,
          "bench", NOW, "bench", 1), new RegisterEvent(NOW, "bench", RegisterEvent.Kind.CREATED,
          List.of(), null, 1));
    }
    var p = QUARTER.previous();
    for (int i = 0; i < 11; i++) {
      var stored = new ArrayList<MeasureResult>();
      for (var m : Measure.values()) {
        stored.add(new MeasureResult(m, p.id(), 50.0 + i, Map.of(), "", NOW));
      }
      measures.save(stored);
      p = p.previous();
    }
    var closedFindings = List.copyOf(closed);
    var evaluator = new PerformanceEvaluator(new LatestResultsEvidenceStats(results, index),
        index, findings, (from, to) -> closedFindings.stream().filter(c ->
            !c.closedAt().isBefore(from) && c.closedAt().isBefore(to)).toList(), audits,
        registers, (kpi, day) -> OptionalDouble.empty(), clock);
    return new PackEstate(evaluator, new ReportBuilder(evaluator, measures, registers, audits,
        findings, clock));
  }

  /** The measures (KPIs) over the estate. */
  public PerformanceEvaluator evaluator() {
    return evaluator;
  }

  /** Builds the summary and the management review pack over the estate. */
  public ReportBuilder builder() {
    return builder;
  }
}
