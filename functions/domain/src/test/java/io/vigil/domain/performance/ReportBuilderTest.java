package io.vigil.domain.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.AuditRecord;
import io.vigil.domain.audit.AuditStatus;
import io.vigil.domain.audit.Conclusion;
import io.vigil.domain.audit.ItemConclusion;
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
import io.vigil.domain.finding.MissingFieldException;
import io.vigil.domain.finding.Treatment;
import io.vigil.domain.register.RegisterEvent;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRecord;
import io.vigil.domain.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The measures of a period and the management review pack built from them. */
class ReportBuilderTest {

  private static final Instant NOW = Instant.parse("2027-03-31T18:00:00Z");
  private static final Period MARCH = Period.month(YearMonth.of(2027, 3));
  private static final CheckIndex INDEX = CheckIndex.of(List.of(
      new CheckIndex.Entry("kms_cmk_rotation_enabled", "KMS keys rotate", "kms", Severity.MEDIUM,
          List.of(ControlId.parse("A.8.24")), List.of()),
      new CheckIndex.Entry("iam_root_mfa_enabled", "Root MFA", "iam", Severity.CRITICAL,
          List.of(ControlId.parse("A.8.5")), List.of()),
      new CheckIndex.Entry("s3_bucket_policy_reviewed", "S3 policies", "s3", Severity.LOW,
          List.of(ControlId.parse("A.5.15")), List.of())));

  private InMemoryResultRepository results;
  private InMemoryFindingRepository findings;
  private InMemoryAuditRepository audits;
  private InMemoryRegisterRepository registers;
  private InMemoryMeasureRepository measures;
  private ReportBuilder builder;
  private final java.util.List<ClosedFindings.Closed> closed = new java.util.ArrayList<>();

  @BeforeEach
  void setUp() {
    results = new InMemoryResultRepository();
    findings = new InMemoryFindingRepository();
    audits = new InMemoryAuditRepository();
    registers = new InMemoryRegisterRepository();
    measures = new InMemoryMeasureRepository();
    var clock = Clock.fixed(NOW);
    var evaluator = new PerformanceEvaluator(new LatestResultsEvidenceStats(results, INDEX), INDEX,
        findings, (from, to) -> closed.stream().filter(c -> !c.closedAt().isBefore(from)
            && c.closedAt().isBefore(to)).toList(), audits, registers,
        (kpi, day) -> java.util.OptionalDouble.empty(), clock);
    builder = new ReportBuilder(evaluator, measures, registers, audits, findings, clock);
  }

  private void result(String check, String account, String arn, CheckStatus status,
      Instant at) {
    results.saveAll(List.of(new CheckResult("run", new CheckId(check), status, account,
        "eu-west-1", arn, "AWS::X::Y", List.of(), Severity.MEDIUM, at, Sha256.of(arn), "r")));
  }

  private Finding finding(String id, FindingType type, String control, Instant raised,
      boolean automated) {
    return new Finding(FindingId.of(id), type, automated ? FindingSource.AUTOMATED_CHECK
        : FindingSource.INTERNAL_AUDIT, FindingStatus.OPEN, "Finding " + id, null,
        Severity.HIGH, List.of(ControlId.parse(control)), List.of(),
        automated ? new CheckId("kms_cmk_rotation_enabled") : null,
        automated ? "111111111111" : null, automated ? "eu-west-1" : null,
        automated ? "arn:k" + id : null, raised, null, "owner@example.com", null, null, null,
        null, null, Treatment.none(), 0);
  }

  private void store(Finding f) {
    findings.create(f, new HistoryEntry(f.raisedAt(), "t", HistoryEntry.Kind.CREATED, null,
        FindingStatus.OPEN, List.of(), null, 0));
  }

  private void register(RegisterKind kind, String id, Map<String, Object> fields,
      Map<String, Object> system) {
    var normalised = kind.schema().normalise(fields);
    registers.create(new RegisterRecord(kind, id, normalised, system, NOW.minus(
        Duration.ofDays(3)), "boss", NOW.minus(Duration.ofDays(3)), "boss", 1),
        new RegisterEvent(NOW, "boss", RegisterEvent.Kind.CREATED, List.of(), null, 1));
  }

  @Test
  void periods_parseMonthsQuartersAndWeeks_andRefuseOthersNamingTheField() {
    assertEquals(LocalDate.parse("2026-10-01"), Period.parse("2026-Q4").start());
    assertEquals(LocalDate.parse("2027-01-01"), Period.parse("2026-Q4").end());
    assertEquals("2026-Q3", Period.parse("2026-q4").previous().id());
    assertEquals(LocalDate.parse("2026-11-23"), Period.parse("2026-W48").start());
    assertEquals("2026-W47", Period.parse("2026-W48").previous().id());
    assertEquals("2026-12", Period.parse("2027-01").previous().id());
    assertEquals("2020-W53", Period.parse("2021-W01").previous().id());
    for (var bad : List.of("2026-13", "2026-Q5", "2026-W54", "2027-W53", "Nov 2026", "")) {
      var e = assertThrows(MissingFieldException.class, () -> Period.parse(bad), bad);
      assertEquals("period", e.field());
    }
  }

  @Test
  void measures_computeEveryBuiltInMeasureFromTheRecords() {
    var fresh = NOW.minus(Duration.ofHours(2));
    var stale = NOW.minus(Duration.ofDays(3));
    result("kms_cmk_rotation_enabled", "111111111111", "arn:k1", CheckStatus.PASS, fresh);
    result("kms_cmk_rotation_enabled", "111111111111", "arn:k2", CheckStatus.FAIL, fresh);
    result("kms_cmk_rotation_enabled", "222222222222", "arn:k3", CheckStatus.PASS, fresh);
    result("iam_root_mfa_enabled", "111111111111", "arn:root", CheckStatus.PASS, stale);
    result("iam_root_mfa_enabled", "111111111111", "arn:root2", CheckStatus.ERROR, stale);
    store(finding("F-1", FindingType.MINOR_NONCONFORMITY, "A.8.24", NOW.minus(
        Duration.ofDays(10)), true));
    store(finding("F-2", FindingType.MAJOR_NONCONFORMITY, "A.8.5", NOW.minus(
        Duration.ofDays(100)), false));
    store(finding("F-3", FindingType.OPPORTUNITY_FOR_IMPROVEMENT, "A.5.15", NOW.minus(
        Duration.ofDays(400)), false));
    findings.addAction(new CorrectiveAction("A-1", FindingId.of("F-2"), "fix", "dave",
        LocalDate.parse("2027-03-01"), ActionStatus.IN_PROGRESS, null, null, null, 0),
        new HistoryEntry(NOW, "t", HistoryEntry.Kind.ACTION_ADDED, null, null, List.of(), "A-1",
            0));
    var closedFinding = finding("F-9", FindingType.MINOR_NONCONFORMITY, "A.8.24",
        Instant.parse("2027-03-01T00:00:00Z"), false);
    closed.add(new ClosedFindings.Closed(closedFinding, Instant.parse("2027-03-11T00:00:00Z")));
    closed.add(new ClosedFindings.Closed(closedFinding, Instant.parse("2027-02-11T00:00:00Z")));

    var plan = new AuditPlan.PlannedAudit("AUD-1", LocalDate.parse("2027-03-10"), "carol",
        "carol@example.com", List.of("A.8.24"), "c", "s", "m");
    audits.savePlan(new AuditPlan(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"),
        List.of(plan, new AuditPlan.PlannedAudit("AUD-2", LocalDate.parse("2027-03-20"),
            "carol", null, List.of("9.2"), "c", "s", "m")), List.of()));
    audits.update(new AuditRecord(plan, AuditStatus.COMPLETED, NOW.minus(Duration.ofDays(21)),
        "carol", Map.of("A.8.24", new ItemConclusion("A.8.24", Conclusion.MAJOR_NONCONFORMITY,
            "gap", List.of(), List.of(), FindingId.of("F-2"), "carol", NOW)),
        NOW.minus(Duration.ofDays(20)), "carol", "", "ab".repeat(32), null, null, null, 1));

    register(RegisterKind.RISK, "R-1", Map.of("title", "Key compromise", "asset", "KMS",
        "threat", "theft", "vulnerability", "no rotation", "owner", "dave", "likelihood", 4,
        "impact", 5, "treatment", "MODIFY", "controls", List.of("A.8.24"), "actions",
        List.of(Map.of("description", "rotate", "owner", "dave", "status", "DONE"),
            Map.of("description", "alarm", "owner", "dave"))), Map.of());
    register(RegisterKind.OBJECTIVE, "OBJ-1", Map.of("title", "Pass rate", "target", 60.0,
        "direction", "AT_LEAST", "owner", "boss", "dueDate", "2027-12-31", "measurements",
        List.of(Map.of("date", "2027-03-30", "value", 75.0))), Map.of());
    register(RegisterKind.EVIDENCE_TASK, "TASK-1", Map.of("controls", List.of("A.5.15"),
        "title", "Access review", "owner", "erin", "frequencyMonths", 3, "nextDue",
        "2027-03-01"), Map.of());

    var m = builder.measure(MARCH);
    var byMeasure = new java.util.EnumMap<Measure, MeasureResult>(Measure.class);
    m.forEach(r -> byMeasure.put(r.measure(), r));
    assertEquals(Measure.values().length, m.size());
    assertEquals(75.0, byMeasure.get(Measure.CONTROL_PASS_RATE).value(), 1e-9);
    assertEquals(200.0 / 3, byMeasure.get(Measure.CONTROL_PASS_RATE).breakdown()
        .get("account 111111111111"), 1e-9, "k1 and root pass, k2 fails; errors do not count");
    assertEquals(75.0, byMeasure.get(Measure.CONTROL_PASS_RATE).breakdown()
        .get("A.8 Technological"), 1e-9, byMeasure.get(Measure.CONTROL_PASS_RATE)
        .breakdown().toString());
    // A.8.24 fresh, A.8.5 stale; A.5.15 has a check but no results
    assertEquals(50.0, byMeasure.get(Measure.EVIDENCE_FRESHNESS).value(), 1e-9);
    assertEquals(3.0, byMeasure.get(Measure.OPEN_FINDINGS).value());
    assertEquals(1.0, byMeasure.get(Measure.OPEN_FINDINGS).breakdown().get("0-30 days"));
    assertEquals(1.0, byMeasure.get(Measure.OPEN_FINDINGS).breakdown().get("91-180 days"));
    assertEquals(1.0, byMeasure.get(Measure.OPEN_FINDINGS).breakdown().get("over 180 days"));
    assertEquals(1.0, byMeasure.get(Measure.OVERDUE_ACTIONS).value());
    assertEquals(10.0, byMeasure.get(Measure.MEAN_TIME_TO_CLOSE).value(), 1e-9,
        "only the finding closed in March counts");
    assertEquals(50.0, byMeasure.get(Measure.AUDIT_PROGRAMME_COMPLETION).value(), 1e-9);
    assertEquals(50.0, byMeasure.get(Measure.RISK_TREATMENT_PROGRESS).value(), 1e-9);
    assertEquals(100.0, byMeasure.get(Measure.OBJECTIVES_ATTAINMENT).value(), 1e-9);
    assertEquals(1.0, byMeasure.get(Measure.EVIDENCE_TASKS_OVERDUE).value());
    assertEquals(m.get(0), measures.trend(Measure.CONTROL_PASS_RATE, MARCH, 12).get(0),
        "stored for trends");

    var pack = builder.managementReview(MARCH, m);
    var headings = pack.sections().stream().map(Report.Section::heading).toList();
    for (var prefix : List.of("a)", "b)", "c)", "d)", "e)", "f)", "g)", "Decisions")) {
      assertTrue(headings.stream().anyMatch(h -> h.startsWith(prefix)), prefix + " in "
          + headings);
    }
    var text = pack.toString();
    assertTrue(text.contains("AUD-1"), "audit results list the completed audit");
    assertTrue(text.contains("Key compromise"), "risk register in f)");
    assertTrue(text.contains("F-3"), "the opportunity for improvement in g)");
    assertTrue(text.contains("No earlier management review"), "a) says it has no data");
  }

  @Test
  void anEmptyIsms_getsAPackWhoseSectionsSayTheyHaveNoData() {
    var m = builder.measure(MARCH);
    var pass = m.stream().filter(r -> r.measure() == Measure.CONTROL_PASS_RATE).findFirst()
        .orElseThrow();
    assertNull(pass.value());
    assertFalse(pass.note().isBlank());
    var pack = builder.managementReview(MARCH, m);
    long noData = pack.sections().stream().flatMap(s -> s.blocks().stream())
        .filter(b -> b instanceof Report.NoData).count();
    assertTrue(noData >= 7, "every empty source says so: " + noData);
    var summary = builder.summary(Period.parse("2027-W13"), m);
    assertEquals("performance-summary", summary.kind());
    assertEquals(5, summary.highlights().size());
  }

  @Test
  void trends_showTheStoredPeriodsAndGapsForTheMissingOnes() {
    var feb = Period.month(YearMonth.of(2027, 2));
    measures.save(List.of(new MeasureResult(Measure.CONTROL_PASS_RATE, feb.id(), 40.0, Map.of(),
        "", NOW), new MeasureResult(Measure.CONTROL_PASS_RATE, "2026-12", 30.0, Map.of(), "",
        NOW)));
    result("kms_cmk_rotation_enabled", "111111111111", "arn:k1", CheckStatus.PASS, NOW);
    var pack = builder.summary(MARCH, builder.measure(MARCH));
    var chart = pack.sections().stream().flatMap(s -> s.blocks().stream())
        .filter(b -> b instanceof Report.Chart c && c.title().startsWith("Control pass rate"))
        .map(b -> (Report.Chart) b).findFirst().orElseThrow();
    assertEquals(12, chart.labels().size());
    assertEquals("2027-03", chart.labels().get(11));
    assertEquals(100.0, chart.values().get(11));
    assertEquals(40.0, chart.values().get(10));
    assertNull(chart.values().get(9), "January has no result: a gap");
    assertEquals(30.0, chart.values().get(8));
    var figures = (Report.Table) pack.sections().get(0).blocks().get(0);
    assertEquals(List.of("Control pass rate", "100.0 %", "40.0 %", "better", ""),
        figures.rows().get(0));
  }
}
