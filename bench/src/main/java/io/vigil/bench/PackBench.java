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
import io.vigil.reports.ReportHtml;
import io.vigil.reports.ReportMarkdown;
import io.vigil.reports.ReportPdf;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The management review pack over a large ISMS (issue 7, "Scale"): 100,000 findings (10 % open,
 * with corrective actions), 1,000,000 latest check results over the catalogue's checks in 20
 * accounts, 200 audits, 100 risks and a year of stored measures, held in the domain's in-memory
 * stores — so the figures are Vigil's own computation and memory (measure, build, render HTML,
 * PDF and Markdown), without DynamoDB's transfer time, which docs/performance.md estimates from
 * the items read. Run: {@code bash bench/pack.sh} (prints a table; figures go to
 * docs/performance.md).
 */
public final class PackBench {

  private PackBench() {}

  public static void main(String[] args) {
    int findingsCount = intArg(args, "--findings", 100_000);
    int resultsCount = intArg(args, "--results", 1_000_000);
    var heap = new HeapMonitor();
    var now = Instant.parse("2027-04-01T06:00:00Z");
    var clock = Clock.fixed(now);
    var index = CheckIndex.bundled();
    var random = new Random(42);
    var results = new InMemoryResultRepository();
    var findings = new InMemoryFindingRepository();
    var audits = new InMemoryAuditRepository();
    var registers = new InMemoryRegisterRepository();
    var measures = new InMemoryMeasureRepository();
    var closed = new ArrayList<ClosedFindings.Closed>();

    long t0 = System.nanoTime();
    var checks = index.all();
    var batch = new ArrayList<CheckResult>(10_000);
    for (int i = 0; i < resultsCount; i++) {
      var check = checks.get(i % checks.size());
      var account = String.format("%012d", 100_000_000_000L + (i % 20));
      var status = random.nextInt(100) < 85 ? CheckStatus.PASS
          : random.nextInt(10) < 9 ? CheckStatus.FAIL : CheckStatus.ERROR;
      batch.add(new CheckResult("run-bench", new CheckId(check.id()), status, account,
          "eu-west-1", "arn:aws:svc:eu-west-1:" + account + ":res/" + i, "AWS::Svc::Res",
          check.primary(), check.severity(), now.minus(Duration.ofMinutes(random.nextInt(3000))),
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
      var raised = now.minus(Duration.ofDays(random.nextInt(400)));
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
      registers.create(new RegisterRecord(RegisterKind.RISK, "R-b" + i, fields, Map.of(), now,
          "bench", now, "bench", 1), new RegisterEvent(now, "bench", RegisterEvent.Kind.CREATED,
          List.of(), null, 1));
    }
    var quarter = Period.parse("2027-Q1");
    var p = quarter.previous();
    for (int i = 0; i < 11; i++) {
      var stored = new ArrayList<MeasureResult>();
      for (var m : Measure.values()) {
        stored.add(new MeasureResult(m, p.id(), 50.0 + i, Map.of(), "", now));
      }
      measures.save(stored);
      p = p.previous();
    }
    long seeded = System.nanoTime();
    System.gc();
    var runtime = Runtime.getRuntime();
    long usedBefore = runtime.totalMemory() - runtime.freeMemory();
    heap.reset();

    var evaluator = new PerformanceEvaluator(new LatestResultsEvidenceStats(results, index), index,
        findings, (from, to) -> closed.stream().filter(c -> !c.closedAt().isBefore(from)
            && c.closedAt().isBefore(to)).toList(), audits, registers,
        (kpi, day) -> java.util.OptionalDouble.empty(), clock);
    var builder = new ReportBuilder(evaluator, measures, registers, audits, findings, clock);
    long a = System.nanoTime();
    var current = builder.measure(quarter);
    long b = System.nanoTime();
    var pack = builder.managementReview(quarter, current);
    long c = System.nanoTime();
    var html = ReportHtml.render(pack);
    long d = System.nanoTime();
    var pdf = ReportPdf.render(pack);
    long e = System.nanoTime();
    var md = ReportMarkdown.render(pack);
    long f = System.nanoTime();

    System.out.printf("%-48s %12s%n", "management review pack", "");
    System.out.printf("%-48s %,12d%n", "findings (open)", findingsCount);
    System.out.printf("%-48s %,12d%n", "latest check results", resultsCount);
    System.out.printf("%-48s %,12d ms%n", "seeding the in-memory stores", ms(t0, seeded));
    System.out.printf("%-48s %,12d ms%n", "measure the period (9 measures)", ms(a, b));
    System.out.printf("%-48s %,12d ms%n", "build the pack (sections a-g)", ms(b, c));
    System.out.printf("%-48s %,12d ms  (%,d bytes)%n", "render HTML", ms(c, d), html.length());
    System.out.printf("%-48s %,12d ms  (%,d bytes)%n", "render PDF", ms(d, e), pdf.length);
    System.out.printf("%-48s %,12d ms  (%,d bytes)%n", "render Markdown", ms(e, f), md.length());
    System.out.printf("%-48s %,12d ms%n", "total (measure, build, render)", ms(a, f));
    long usedAfter = runtime.totalMemory() - runtime.freeMemory();
    System.out.printf("%-48s %,12d MB%n", "heap held by the seeded stores (after GC)",
        usedBefore / 1_000_000);
    System.out.printf("%-48s %,12d MB%n", "heap allocated by the pack (no GC in between)",
        (usedAfter - usedBefore) / 1_000_000);
    System.out.printf("%-48s %,12d MB%n", "peak heap (pool peaks) incl. the seeded stores",
        heap.poolPeaks() / 1_000_000);
    System.out.printf("%-48s %12s%n", "control pass rate", current.get(0).value());
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
