package io.vigil.reports;

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
import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.fakes.InMemoryAuditRepository;
import io.vigil.domain.fakes.InMemoryFindingRepository;
import io.vigil.domain.fakes.InMemoryMeasureRepository;
import io.vigil.domain.fakes.InMemoryRegisterRepository;
import io.vigil.domain.finding.ActionStatus;
import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.HistoryEntry;
import io.vigil.domain.performance.ClosedFindings;
import io.vigil.domain.performance.EvidenceStats;
import io.vigil.domain.performance.Measure;
import io.vigil.domain.performance.MeasureResult;
import io.vigil.domain.performance.PerformanceEvaluator;
import io.vigil.domain.performance.Period;
import io.vigil.domain.performance.Report;
import io.vigil.domain.performance.ReportBuilder;
import io.vigil.domain.register.RegisterEvent;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRecord;
import io.vigil.domain.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A small, realistic organisation for the renderers' tests: two AWS accounts, a dozen check
 * results (some failing on resources with hostile names), automated and audit findings with
 * corrective actions, an audit programme, registers (issues, interested parties with feedback,
 * risks, objectives, evidence tasks, management reviews) and a year of stored measures with a
 * gap — built into the management review pack of November 2026 by the domain's ReportBuilder over
 * the in-memory fakes.
 *
 * <p>{@link #Sample(UnaryOperator)} passes every collected or typed free text (bucket name,
 * failure reasons, finding titles, owners, corrective actions, audit conclusions, register
 * entries) through a function first, so the renderer fuzz test can make all of it hostile.
 */
final class Sample {

  static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
  static final Period PERIOD = Period.month(YearMonth.of(2026, 11));
  static final String PROD = "111122223333";
  static final String DEV = "444455556666";
  /** A resource name an attacker could choose. */
  static final String HOSTILE_BUCKET = "<script>alert(\"x\")</script>&*bold*|pipe|";
  static final String HOSTILE_ARN = "arn:aws:s3:::" + HOSTILE_BUCKET;

  /** Every free text of the organisation goes through this (identity by default). */
  final UnaryOperator<String> text;
  final Clock clock = Clock.fixed(NOW);
  final InMemoryFindingRepository findingRepo = new InMemoryFindingRepository();
  final InMemoryRegisterRepository registers = new InMemoryRegisterRepository();
  final InMemoryAuditRepository audits = new InMemoryAuditRepository();
  final InMemoryMeasureRepository measures = new InMemoryMeasureRepository();
  final List<CheckResult> results;
  final List<Finding> findings = new ArrayList<>();
  final List<CorrectiveAction> actions = new ArrayList<>();

  Sample() {
    this(UnaryOperator.identity());
  }

  /** The same organisation with every free text passed through {@code text}. */
  Sample(UnaryOperator<String> text) {
    this.text = text;
    this.results = results();
    findingsAndActions();
    auditProgramme();
    registers();
    history();
  }

  // ---- evidence

  private CheckResult result(String check, CheckStatus status, String account,
      String region, String arn, String type, String reason, String... controls) {
    return new CheckResult("run-2026-11-30", CheckId.of(check), status, account, region, arn, type,
        java.util.Arrays.stream(controls).map(ControlId::parse).toList(),
        CheckIndex.bundled().check(check).orElseThrow().severity(),
        Instant.parse("2026-11-30T05:00:00Z"), Sha256.of(check + "|" + account + "|" + arn),
        reason.isEmpty() ? reason : text.apply(reason));
  }

  private List<CheckResult> results() {
    var out = new ArrayList<CheckResult>();
    out.add(result("s3_bucket_public_access_blocked", CheckStatus.FAIL, PROD, "eu-west-1",
        "arn:aws:s3:::" + text.apply(HOSTILE_BUCKET), "AWS::S3::Bucket",
        "public access block is off: BlockPublicAcls=false",
        "A.8.3", "A.8.12"));
    out.add(result("s3_bucket_public_access_blocked", CheckStatus.PASS, PROD, "eu-west-1",
        "arn:aws:s3:::acme-invoices", "AWS::S3::Bucket", "", "A.8.3", "A.8.12"));
    out.add(result("s3_bucket_public_access_blocked", CheckStatus.PASS, DEV, "eu-west-1",
        "arn:aws:s3:::acme-dev-artifacts", "AWS::S3::Bucket", "", "A.8.3", "A.8.12"));
    out.add(result("ec2_ebs_default_encryption_enabled", CheckStatus.PASS, PROD, "eu-west-1",
        "arn:aws:ec2:eu-west-1:" + PROD + ":ebs-default-encryption", "AWS::EC2::Region", "",
        "A.8.24"));
    out.add(result("ec2_ebs_default_encryption_enabled", CheckStatus.FAIL, DEV, "eu-central-1",
        "arn:aws:ec2:eu-central-1:" + DEV + ":ebs-default-encryption", "AWS::EC2::Region",
        "EBS encryption by default is disabled", "A.8.24"));
    out.add(result("cloudtrail_multi_region_trail_enabled", CheckStatus.PASS, PROD, "eu-west-1",
        "arn:aws:cloudtrail:eu-west-1:" + PROD + ":trail/org-trail", "AWS::CloudTrail::Trail", "",
        "A.8.15", "A.8.16", "A.5.28"));
    out.add(result("cloudtrail_multi_region_trail_enabled", CheckStatus.ERROR, DEV, "eu-west-1",
        "arn:aws:cloudtrail:eu-west-1:" + DEV + ":trail/*", "AWS::CloudTrail::Trail",
        "AccessDenied: cloudtrail:DescribeTrails", "A.8.15", "A.8.16", "A.5.28"));
    out.add(result("dynamodb_table_pitr_enabled", CheckStatus.PASS, PROD, "eu-west-1",
        "arn:aws:dynamodb:eu-west-1:" + PROD + ":table/orders", "AWS::DynamoDB::Table", "",
        "A.8.13", "A.5.30"));
    out.add(result("dynamodb_table_pitr_enabled", CheckStatus.FAIL, PROD, "eu-west-1",
        "arn:aws:dynamodb:eu-west-1:" + PROD + ":table/sessions", "AWS::DynamoDB::Table",
        "point-in-time recovery is disabled \u2014 restores \u2265 35 days impossible\u2026",
        "A.8.13", "A.5.30"));
    out.add(result("ec2_ebs_snapshot_not_public", CheckStatus.NOT_APPLICABLE, DEV, "eu-west-1",
        "arn:aws:ec2:eu-west-1:" + DEV + ":snapshot/*", "AWS::EC2::Snapshot",
        "no snapshots", "A.8.3", "A.8.12"));
    return List.copyOf(out);
  }

  private EvidenceStats evidenceStats() {
    return () -> {
      var byKey = new TreeMap<String, long[]>();
      for (var r : results) {
        var c = byKey.computeIfAbsent(r.checkId() + "#" + r.accountId(), k -> new long[4]);
        c[r.status().ordinal()]++;
      }
      var out = new ArrayList<EvidenceStats.CheckCount>();
      byKey.forEach((k, c) -> out.add(new EvidenceStats.CheckCount(k.split("#")[0],
          k.split("#")[1], c[0], c[1], c[2], c[3], Instant.parse("2026-11-30T05:00:00Z"))));
      return out;
    };
  }

  // ---- findings and corrective actions

  private Finding finding(String id, FindingType type, FindingSource source, String title,
      Severity severity, List<ControlId> controls, List<ClauseId> clauses, CheckResult from,
      Instant raised, LocalDate due, FindingStatus status) {
    var t = nonBlank(text.apply(title));
    return new Finding(FindingId.of(id), type, source, status, t, t + " (detail)",
        severity, controls, clauses, from == null ? null : from.checkId(),
        from == null ? null : from.accountId(), from == null ? null : from.region(),
        from == null ? null : from.resourceArn(), raised, due, text.apply("isms@acme.example"),
        null, null, null, null, null, null, 0);
  }

  private void findingsAndActions() {
    var publicBucket = results.get(0);
    var ebs = results.get(4);
    var pitr = results.get(8);
    add(finding("F-101", FindingType.MAJOR_NONCONFORMITY, FindingSource.AUTOMATED_CHECK,
        "Bucket " + HOSTILE_BUCKET + " is public", Severity.CRITICAL, publicBucket.controls(),
        List.of(), publicBucket, Instant.parse("2026-11-30T05:00:00Z"),
        LocalDate.parse("2026-12-07"), FindingStatus.ACTION_PLANNED));
    add(finding("F-88", FindingType.MINOR_NONCONFORMITY, FindingSource.AUTOMATED_CHECK,
        "EBS default encryption off in eu-central-1", Severity.MEDIUM, ebs.controls(), List.of(),
        ebs, Instant.parse("2026-09-20T05:00:00Z"), LocalDate.parse("2026-11-15"),
        FindingStatus.OPEN));
    add(finding("F-90", FindingType.MINOR_NONCONFORMITY, FindingSource.AUTOMATED_CHECK,
        "Point-in-time recovery off for table sessions", Severity.MEDIUM, pitr.controls(),
        List.of(), pitr, Instant.parse("2026-05-02T05:00:00Z"), LocalDate.parse("2026-07-01"),
        FindingStatus.ANALYSED));
    add(finding("F-93", FindingType.MINOR_NONCONFORMITY, FindingSource.INTERNAL_AUDIT,
        "Internal audit programme not reviewed after scope change", Severity.MEDIUM, List.of(),
        List.of(new ClauseId("9.2")), null, Instant.parse("2026-10-14T10:00:00Z"),
        LocalDate.parse("2027-01-15"), FindingStatus.ACTION_PLANNED));
    add(finding("F-95", FindingType.OPPORTUNITY_FOR_IMPROVEMENT, FindingSource.INTERNAL_AUDIT,
        "Automate the joiner-mover-leaver evidence", Severity.LOW,
        List.of(ControlId.parse("A.5.18")), List.of(), null,
        Instant.parse("2026-11-12T10:00:00Z"), null, FindingStatus.OPEN));
    add(finding("F-97", FindingType.OBSERVATION, FindingSource.MANAGEMENT_REVIEW,
        "Supplier reviews rely on one person", Severity.LOW, List.of(ControlId.parse("A.5.22")),
        List.of(), null, Instant.parse("2026-08-28T10:00:00Z"), null, FindingStatus.OPEN));

    action("A-101-1", "F-101", "Enable the S3 public access block on the bucket and the account",
        "ops@acme.example", "2026-12-05", ActionStatus.IN_PROGRESS);
    action("A-101-2", "F-101", "Add an SCP that denies s3:PutBucketPublicAccessBlock changes",
        "security@acme.example", "2026-12-20", ActionStatus.PLANNED);
    action("A-88-1", "F-88", "Turn on EBS encryption by default in every enabled region",
        "ops@acme.example", "2026-11-20", ActionStatus.PLANNED);
    action("A-90-1", "F-90", "Enable PITR on table sessions", "ops@acme.example", "2026-06-15",
        ActionStatus.IMPLEMENTED);
    action("A-93-1", "F-93", "Review the audit programme after each scope change (procedure"
        + " ISMS-P-09, step 4)", "isms@acme.example", "2027-01-10", ActionStatus.PLANNED);
  }

  private void add(Finding f) {
    findings.add(f);
    findingRepo.create(f, new HistoryEntry(f.raisedAt(), "vigil", HistoryEntry.Kind.CREATED, null,
        f.status(), List.of(), null, 0));
  }

  private void action(String id, String finding, String description, String owner, String due,
      ActionStatus status) {
    var a = new CorrectiveAction(id, FindingId.of(finding), nonBlank(text.apply(description)),
        nonBlank(text.apply(owner)), LocalDate.parse(due), status,
        text.apply("no failing result for 30 days"), null, null, 0);
    actions.add(a);
    findingRepo.addAction(a, new HistoryEntry(NOW.minus(Duration.ofDays(10)), owner,
        HistoryEntry.Kind.ACTION_ADDED, null, null, List.of(), id, 0));
  }

  private ClosedFindings closedFindings() {
    var closed = finding("F-70", FindingType.MINOR_NONCONFORMITY, FindingSource.AUTOMATED_CHECK,
        "MFA missing for console user deploy", Severity.HIGH, List.of(ControlId.parse("A.8.5")),
        List.of(), results.get(1), Instant.parse("2026-10-01T05:00:00Z"), null,
        FindingStatus.CLOSED);
    return (from, to) -> {
      var at = Instant.parse("2026-11-18T09:00:00Z");
      return !at.isBefore(from) && at.isBefore(to)
          ? List.of(new ClosedFindings.Closed(closed, at)) : List.of();
    };
  }

  // ---- audits

  private void auditProgramme() {
    var items1 = List.of("A.8.24", "A.8.13");
    var a1 = new AuditPlan.PlannedAudit("AUD-2026-11-A", LocalDate.parse("2026-11-05"), "kim",
        "kim@acme.example", items1, "ISO/IEC 27001:2022", "production accounts", "sampling");
    var a2 = new AuditPlan.PlannedAudit("AUD-2026-11-B", LocalDate.parse("2026-11-19"), "lee",
        "lee@acme.example", List.of("9.2"), "ISO/IEC 27001:2022", "ISMS processes", "interview");
    var a3 = new AuditPlan.PlannedAudit("AUD-2026-11-C", LocalDate.parse("2026-11-26"), "kim",
        "kim@acme.example", List.of("A.5.18"), "ISO/IEC 27001:2022", "identity", "sampling");
    audits.savePlan(new AuditPlan(LocalDate.parse("2026-11-01"), LocalDate.parse("2027-10-31"),
        List.of(a1, a2, a3), List.of()));
    var done = audits.record("AUD-2026-11-A").orElseThrow();
    var at = Instant.parse("2026-11-05T15:00:00Z");
    var conclusions = new LinkedHashMap<String, ItemConclusion>();
    conclusions.put("A.8.24", new ItemConclusion("A.8.24", Conclusion.CONFORMING,
        text.apply("keys rotated"), List.of(text.apply("KMS key policy review 2026-10")),
        List.of(), null, "kim@acme.example", at));
    conclusions.put("A.8.13", new ItemConclusion("A.8.13", Conclusion.MINOR_NONCONFORMITY,
        text.apply("PITR off on sessions"), List.of(), List.of(), FindingId.of("F-90"),
        "kim@acme.example", at));
    audits.update(new AuditRecord(done.plan(), AuditStatus.COMPLETED, at.minusSeconds(14400),
        "kim@acme.example", conclusions, at, "kim@acme.example",
        text.apply("one minor nonconformity"),
        Sha256.of("audit report AUD-2026-11-A").hex(), null, null, null, done.version()));
  }

  // ---- registers

  private void record(RegisterKind kind, String id, Map<String, Object> fields, Instant at) {
    registers.create(new RegisterRecord(kind, id, fields, Map.of(), at, "isms@acme.example", at,
        "isms@acme.example", 0), new RegisterEvent(at, "isms@acme.example",
            RegisterEvent.Kind.CREATED, List.copyOf(fields.keySet()), "", 1));
  }

  /** Register fields that hold typed free text (the others are codes, dates and numbers). */
  private static final java.util.Set<String> FREE_TEXT = java.util.Set.of("title", "effect",
      "name", "requirements", "addressedBy", "summary", "asset", "threat", "vulnerability",
      "owner", "description", "decision", "attendees");

  private Map<String, Object> fields(Object... keysAndValues) {
    var m = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      var key = (String) keysAndValues[i];
      m.put(key, free(key, keysAndValues[i + 1]));
    }
    return m;
  }

  /** {@code value} with the free texts under {@code key} (and in nested maps) passed through. */
  private Object free(String key, Object value) {
    if (value instanceof String s) {
      return FREE_TEXT.contains(key) ? text.apply(s) : s;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> free(key, v)).toList();
    }
    if (value instanceof Map<?, ?> map) {
      // in key order: Map.of's order changes from one JVM to the next, and a fuzz case must
      // draw its random texts in the same order every time
      var out = new LinkedHashMap<String, Object>();
      new TreeMap<>(map).forEach((k, v) -> out.put((String) k, free((String) k, v)));
      return out;
    }
    return value;
  }

  private static String nonBlank(String s) {
    return s.isBlank() ? "-" + s : s;
  }

  private void registers() {
    var nov = Instant.parse("2026-11-10T09:00:00Z");
    var spring = Instant.parse("2026-03-10T09:00:00Z");
    record(RegisterKind.ISSUE, "ISS-1", fields("title", "NIS2 transposition: new incident"
        + " reporting duties \u2265 24 h", "type", "EXTERNAL", "effect", "incident procedure"
        + " must report within 24 hours", "status", "ACTIVE"), nov);
    record(RegisterKind.ISSUE, "ISS-2", fields("title", "Cloud migration of the billing system",
        "type", "INTERNAL", "status", "MONITORED"), spring);
    record(RegisterKind.INTERESTED_PARTY, "IP-1", fields("name", "Enterprise customers",
        "requirements", List.of("ISO/IEC 27001 certificate", "SOC 2 report"),
        "addressedBy", "certification and customer portal",
        "feedback", List.of(Map.of("date", "2026-11-21", "summary", "Asked for evidence of"
            + " encryption at rest <b>before renewal</b>"))), spring);
    record(RegisterKind.RISK, "R-1", fields("title", "Data exposure through public storage",
        "asset", "customer documents", "threat", "external attacker", "vulnerability",
        "misconfigured bucket policies", "owner", "cto@acme.example", "likelihood", 4,
        "impact", 5, "treatment", "MODIFY", "controls", List.of("A.8.3", "A.8.12"),
        "actions", List.of(Map.of("description", "Account-wide public access block", "owner",
            "ops@acme.example", "dueDate", "2026-12-05", "status", "IN_PROGRESS"),
            Map.of("description", "Quarterly access review", "owner", "isms@acme.example",
                "status", "DONE")), "residualLikelihood", 2, "residualImpact", 4), spring);
    record(RegisterKind.RISK, "R-2", fields("title", "Loss of order data", "asset", "orders",
        "threat", "operator error", "vulnerability", "no point-in-time recovery", "owner",
        "cto@acme.example", "likelihood", 2, "impact", 4, "treatment", "RETAIN"), spring);
    record(RegisterKind.OBJECTIVE, "OBJ-1", fields("title", "Keep the control pass rate at"
        + " least 90 %", "kpi", "control-pass-rate", "target", 90.0, "direction", "AT_LEAST",
        "unit", "%", "owner", "isms@acme.example", "dueDate", "2026-12-31"), spring);
    record(RegisterKind.OBJECTIVE, "OBJ-2", fields("title", "Complete awareness training",
        "target", 95.0, "direction", "AT_LEAST", "unit", "%", "owner", "hr@acme.example",
        "dueDate", "2026-12-31", "measurements", List.of(Map.of("date", "2026-11-28",
            "value", 97.0))), spring);
    record(RegisterKind.EVIDENCE_TASK, "TASK-1", fields("controls", List.of("A.7.4"), "title",
        "Physical security monitoring review", "owner", "facilities@acme.example",
        "frequencyMonths", 3, "nextDue", "2026-11-15"), spring);
    record(RegisterKind.MANAGEMENT_REVIEW, "MR-1", fields("period", "2026-Q3", "date",
        "2026-10-08", "attendees", List.of("CEO", "CTO"), "decisions", List.of(
            Map.of("decision", "Fund a second supplier reviewer", "owner", "coo@acme.example",
                "dueDate", "2026-11-30", "status", "OPEN"),
            Map.of("decision", "Adopt NIS2 incident reporting", "owner", "isms@acme.example",
                "dueDate", "2026-12-31", "status", "DONE"))), Instant.parse(
                    "2026-10-08T12:00:00Z"));
    record(RegisterKind.MANAGEMENT_REVIEW, "MR-2", fields("period", "2026-11", "date",
        "2026-11-29", "attendees", List.of("CEO", "CTO", "ISMS manager"), "decisions", List.of(
            Map.of("decision", "Block public buckets organisation-wide by SCP", "owner",
                "cto@acme.example", "dueDate", "2026-12-20", "status", "OPEN"))), nov);
  }

  // ---- stored measures: a year of pass rates and open findings, with a gap in 2026-05

  private void history() {
    var previous = new ArrayList<MeasureResult>();
    double[] passRates = {78, 80, 79, 83, 84, -1, 86, 85, 88, 87, 86};
    double[] open = {14, 13, 15, 12, 11, -1, 9, 10, 8, 7, 8};
    var p = PERIOD;
    var periods = new ArrayList<Period>();
    for (int i = 0; i < passRates.length; i++) {
      p = p.previous();
      periods.add(0, p);
    }
    for (int i = 0; i < periods.size(); i++) {
      var id = periods.get(i).id();
      var at = periods.get(i).end().atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
      if (passRates[i] < 0) {
        continue;
      }
      previous.add(new MeasureResult(Measure.CONTROL_PASS_RATE, id, passRates[i], Map.of(), "",
          at));
      previous.add(new MeasureResult(Measure.OPEN_FINDINGS, id, open[i], Map.of(), "", at));
      previous.add(new MeasureResult(Measure.OVERDUE_ACTIONS, id, 1.0, Map.of(), "", at));
    }
    measures.save(previous);
  }

  // ---- reports

  ReportBuilder builder() {
    var evaluator = new PerformanceEvaluator(evidenceStats(), CheckIndex.bundled(), findingRepo,
        closedFindings(), audits, registers,
        (kpi, day) -> "control-pass-rate".equals(kpi) ? OptionalDouble.of(87.5)
            : OptionalDouble.empty(), clock);
    return new ReportBuilder(evaluator, measures, registers, audits, findingRepo, clock);
  }

  /** The management review pack of November 2026. */
  Report managementReview() {
    var b = builder();
    return b.managementReview(PERIOD, b.measure(PERIOD));
  }

  /** The performance summary of November 2026. */
  Report summary() {
    var b = builder();
    return b.summary(PERIOD, b.measure(PERIOD));
  }
}
