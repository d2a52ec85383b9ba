package io.vigil.functions.collectevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.collection.RunSummary;
import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.finding.ActionStatus;
import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.Treatment;
import io.vigil.domain.notification.ActionOverdue;
import io.vigil.domain.notification.AuditDue;
import io.vigil.domain.notification.DomainEvent;
import io.vigil.domain.notification.EvidenceRecovered;
import io.vigil.domain.notification.FindingClosed;
import io.vigil.domain.notification.FindingOpened;
import io.vigil.domain.notification.RunCompleted;
import io.vigil.domain.register.EvidenceTaskDue;
import io.vigil.domain.register.PolicyReviewDue;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The samples in events/notify carry exactly the detail fields the code emits, and its type. */
class EventSamplesTest {

  private static final Instant T = Instant.parse("2026-11-28T06:00:00Z");

  private static Finding finding(FindingSource source, FindingStatus status, Treatment t) {
    var automated = source == FindingSource.AUTOMATED_CHECK;
    return new Finding(FindingId.of("F-1"), FindingType.MINOR_NONCONFORMITY, source, status, "t",
        "d", Severity.HIGH, List.of(ControlId.parse("A.8.3")), List.of(),
        automated ? CheckId.of("s3_bucket_public_access_blocked") : null,
        automated ? "123456789012" : null, automated ? "eu-west-1" : null,
        automated ? "arn:aws:s3:::b" : null, T, LocalDate.parse("2026-12-28"),
        automated ? null : "owner@acme.example", null, null, null, null, null, t, 0);
  }

  static List<Arguments> events() {
    var opened = finding(FindingSource.AUTOMATED_CHECK, FindingStatus.OPEN, Treatment.none());
    var closed = finding(FindingSource.INTERNAL_AUDIT, FindingStatus.CLOSED, Treatment.none()
        .withReview("ok", "auditor@acme.example", T).withIsmsChange("policy 2.3"));
    var result = new CheckResult("run-1", CheckId.of("s3_bucket_default_encryption_enabled"),
        CheckStatus.PASS, "123456789012", "eu-west-1", "arn:aws:s3:::b", "AWS::S3::Bucket",
        List.of(ControlId.parse("A.8.24")), Severity.MEDIUM, T, Sha256.of("x"), "ok");
    var action = new CorrectiveAction("A-1", FindingId.of("F-1"), "do", "owner@acme.example",
        LocalDate.parse("2027-01-15"), ActionStatus.PLANNED, null, null, null, 0);
    var audit = new AuditPlan.PlannedAudit("AUD-1", LocalDate.parse("2027-02-01"), "p",
        "peer@acme.example", List.of("9.1", "A.5.15"), "criteria", "Access", "method");
    var summary = new RunSummary("run-1", "schedule", T, T, 1, Map.of(), 1, 1);
    var policy = new RegisterRecord(RegisterKind.POLICY, "POL-ACCESS", RegisterKind.POLICY
        .schema().normalise(Map.of("title", "Access control policy", "owner",
            "ciso@acme.example", "version", "2.3", "approvedOn", "2026-03-01",
            "reviewIntervalMonths", 12)), Map.of(), T, "m", T, "m", 1);
    var task = new RegisterRecord(RegisterKind.EVIDENCE_TASK, "TASK-1a2b3c4d",
        RegisterKind.EVIDENCE_TASK.schema().normalise(Map.of("controls", List.of("A.5.1",
            "A.5.37"), "title", "Signed information security policy", "owner",
            "ciso@acme.example", "frequencyMonths", 12, "nextDue", "2027-03-15")), Map.of(), T,
        "m", T, "m", 1);
    return List.of(
        Arguments.of("finding-opened.json", new FindingOpened(opened, "run-1")),
        Arguments.of("finding-closed.json", new FindingClosed(closed, "auditor@acme.example")),
        Arguments.of("evidence-recovered.json", new EvidenceRecovered(result)),
        Arguments.of("action-overdue.json", new ActionOverdue(opened, action,
            LocalDate.parse("2027-01-18"))),
        Arguments.of("audit-due.json", new AuditDue(audit, "peer@acme.example", LocalDate.parse("2027-02-01"), 0)),
        Arguments.of("audit-reminder.json", new AuditDue(audit, "peer@acme.example", LocalDate.parse("2027-01-18"), 14)),
        Arguments.of("run-completed.json", new RunCompleted(summary, 1, List.of(opened))),
        Arguments.of("policy-review-due.json", new PolicyReviewDue(policy,
            LocalDate.parse("2027-03-01"), LocalDate.parse("2027-03-01"))),
        Arguments.of("evidence-task-due.json", new EvidenceTaskDue(task,
            LocalDate.parse("2027-03-01"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void sample_matchesTheEventTheCodeEmits(String file, DomainEvent event) {
    var sample = ChangeTriggerTest.sample("../notify/" + file);

    assertEquals(event.detailType(), sample.get("detail-type"));
    assertEquals("vigil", sample.get("source"));
    @SuppressWarnings("unchecked")
    var detail = (Map<String, Object>) sample.get("detail");
    assertEquals(new TreeSet<>(event.detail().keySet()), new TreeSet<>(detail.keySet()),
        "detail fields of " + file);
    assertEquals(1, ((Number) detail.get("schemaVersion")).intValue());
  }

}
