package io.vigil.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.access.AccessDeniedException;
import io.vigil.domain.access.Actor;
import io.vigil.domain.access.Role;
import io.vigil.domain.audit.AuditService.ConclusionInput;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.JsonReader;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.fakes.InMemoryAuditRepository;
import io.vigil.domain.fakes.InMemoryEvidenceVault;
import io.vigil.domain.fakes.InMemoryFindingRepository;
import io.vigil.domain.fakes.InMemoryResultRepository;
import io.vigil.domain.finding.FindingRepository.ConcurrentModificationException;
import io.vigil.domain.finding.FindingService;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.MissingFieldException;
import io.vigil.domain.finding.NotFoundException;
import io.vigil.domain.time.Clock;
import io.vigil.domain.time.IdGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Audit records: start, conclude (findings raised, evidence linked), complete, cancel. */
class AuditServiceTest {

  private static final Instant NOW = Instant.parse("2027-03-10T09:00:00Z");
  private static final Actor CAROL = new Actor("sub-carol", "carol@example.com",
      Set.of(Role.AUDITOR));
  private static final Actor DAVE = new Actor("sub-dave", "dave@example.com",
      Set.of(Role.AUDITOR));
  private static final Actor MANAGER = new Actor("sub-boss", "boss@example.com",
      Set.of(Role.ISMS_MANAGER));
  private static final Actor OWNER = new Actor("sub-erin", "erin@example.com",
      Set.of(Role.OWNER));
  private static final CheckIndex INDEX = CheckIndex.of(List.of(
      new CheckIndex.Entry("kms_cmk_rotation_enabled", "KMS keys rotate yearly", "kms",
          Severity.MEDIUM, List.of(ControlId.parse("A.8.24")), List.of()),
      new CheckIndex.Entry("s3_bucket_default_encryption", "S3 buckets encrypt by default", "s3",
          Severity.HIGH, List.of(), List.of(ControlId.parse("A.8.24"))),
      new CheckIndex.Entry("iam_root_mfa_enabled", "Root has MFA", "iam", Severity.CRITICAL,
          List.of(ControlId.parse("A.8.5")), List.of())));

  private final AuditPlan.PlannedAudit plan = new AuditPlan.PlannedAudit("AUD-2027-03-10-abcd",
      LocalDate.parse("2027-03-10"), "carol", "carol@example.com",
      List.of("9.2", "A.8.24", "A.8.5"), "clauses and controls", "scope", "method");

  private InMemoryAuditRepository audits;
  private InMemoryFindingRepository findingStore;
  private InMemoryResultRepository results;
  private InMemoryEvidenceVault vault;
  private AuditService service;
  private io.vigil.domain.fakes.InMemoryLedgerRepository ledgerEntries;

  @BeforeEach
  void setUp() {
    audits = new InMemoryAuditRepository();
    findingStore = new InMemoryFindingRepository();
    results = new InMemoryResultRepository();
    vault = new InMemoryEvidenceVault();
    var counter = new int[] {0};
    IdGenerator ids = () -> "id" + (++counter[0]);
    var findings = new FindingService(findingStore, Clock.fixed(NOW), ids);
    ledgerEntries = new io.vigil.domain.fakes.InMemoryLedgerRepository();
    var ledger = new io.vigil.domain.evidence.EvidenceLedger(ledgerEntries, vault,
        Clock.fixed(NOW));
    service = new AuditService(audits, findings, new CheckResultsEvidence(results, INDEX),
        Optional.of(vault), Optional.of(ledger), Clock.fixed(NOW));
    audits.savePlan(new AuditPlan(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"),
        List.of(plan), List.of()));
  }

  private static CheckResult result(String check, CheckStatus status, String arn,
      Instant observedAt) {
    return new CheckResult("run-1", new CheckId(check), status, "111111111111", "eu-west-1", arn,
        "AWS::KMS::Key", List.of(ControlId.parse("A.8.24")), Severity.MEDIUM, observedAt,
        Sha256.of(arn), status == CheckStatus.FAIL ? "rotation is off" : "ok");
  }

  @Test
  void aWholeAudit_startConcludeComplete_raisesFindingsLinksEvidenceAndStoresTheReport() {
    results.saveAll(List.of(
        result("kms_cmk_rotation_enabled", CheckStatus.PASS, "arn:k1", NOW.minusSeconds(3600)),
        result("kms_cmk_rotation_enabled", CheckStatus.FAIL, "arn:k2", NOW.minusSeconds(3600)),
        result("kms_cmk_rotation_enabled", CheckStatus.ERROR, "arn:k3", NOW.minusSeconds(60)),
        // observed long before the audit: a resource no longer seen, left out
        result("kms_cmk_rotation_enabled", CheckStatus.FAIL, "arn:old",
            NOW.minusSeconds(90L * 24 * 3600)),
        result("s3_bucket_default_encryption", CheckStatus.PASS, "arn:b1", NOW)));

    var started = service.start(plan.id(), 1, CAROL);
    assertEquals(AuditStatus.IN_PROGRESS, started.status());
    assertEquals(NOW, started.startedAt());
    assertEquals("carol@example.com", started.startedBy());

    var v = service.conclude(plan.id(), started.version(), new ConclusionInput("A.8.24",
        Conclusion.MAJOR_NONCONFORMITY, "Two KMS keys do not rotate; policy requires yearly.",
        List.of("Crypto policy v3 §4", "Interview with the platform lead"), "dave",
        LocalDate.parse("2027-04-30")), CAROL);
    var crypto = v.conclusions().get("A.8.24");
    assertEquals(AuditService.findingIdOf(plan.id(), "A.8.24"), crypto.findingId());
    var finding = findingStore.findById(crypto.findingId()).orElseThrow();
    assertEquals(FindingType.MAJOR_NONCONFORMITY, finding.type());
    assertEquals(FindingSource.INTERNAL_AUDIT, finding.source());
    assertEquals(plan.id(), finding.auditId());
    assertEquals(List.of(ControlId.parse("A.8.24")), finding.controls());
    assertEquals("dave", finding.owner());
    assertEquals(LocalDate.parse("2027-04-30"), finding.dueDate());
    assertTrue(finding.description().contains("Crypto policy v3"), finding.description());
    // the check results of the period are linked automatically
    assertEquals(2, crypto.automated().size());
    var kms = crypto.automated().get(0);
    assertEquals("kms_cmk_rotation_enabled", kms.checkId());
    assertEquals(1, kms.passed());
    assertEquals(1, kms.failed());
    assertEquals(1, kms.errors());
    assertEquals(List.of("arn:k2"), kms.failingListed().stream()
        .map(CheckEvidence.FailingResource::resourceArn).toList());
    assertEquals(Sha256.of("arn:k2").hex(), kms.failingListed().get(0).evidenceSha256());
    assertEquals(1, crypto.automated().get(1).passed());

    v = service.conclude(plan.id(), v.version(), new ConclusionInput("9.2", Conclusion.CONFORMING,
        "", List.of("Audit programme 2027"), null, null), CAROL);
    assertNull(v.conclusions().get("9.2").findingId());
    assertTrue(v.conclusions().get("9.2").automated().isEmpty(), "clauses have no checks");
    var early = v;
    var refused = assertThrows(AuditStateException.class,
        () -> service.complete(plan.id(), early.version(), "done", CAROL));
    assertTrue(refused.getMessage().contains("A.8.5"), refused.getMessage());

    v = service.conclude(plan.id(), v.version(), new ConclusionInput("A.8.5",
        Conclusion.OPPORTUNITY_FOR_IMPROVEMENT, "Consider passkeys.", List.of(), null, null),
        CAROL);
    assertEquals(FindingType.OPPORTUNITY_FOR_IMPROVEMENT,
        findingStore.findById(v.conclusions().get("A.8.5").findingId()).orElseThrow().type());

    var done = service.complete(plan.id(), v.version(), "One major nonconformity.", CAROL);
    assertEquals(AuditStatus.COMPLETED, done.status());
    assertNotNull(done.reportSha256());
    var stored = vault.get(new Sha256(done.reportSha256())).orElseThrow();
    @SuppressWarnings("unchecked")
    var document = (Map<String, Object>) JsonReader.read(stored);
    assertEquals(AuditReport.KIND, document.get("kind"));
    assertEquals(plan.id(), document.get("auditId"));
    assertTrue(((String) document.get("html")).contains("One major nonconformity."));
    assertEquals(done, audits.record(plan.id()).orElseThrow());
    // the report is chained into the evidence ledger, and the ledger verifies
    assertEquals("document#audit-report#" + plan.id(),
        ledgerEntries.findByUnit("document#audit-report#" + plan.id()).orElseThrow().unitId());
    var verification = new io.vigil.domain.evidence.LedgerVerifier(ledgerEntries, vault).verify();
    assertTrue(verification.intact(), verification.summary());
    // two findings raised in all: the major nonconformity and the opportunity
    assertEquals(2, findingStore.findOpen().size());
  }

  @Test
  void repeatedRequests_changeNothing() {
    var started = service.start(plan.id(), 1, CAROL);
    var writes = audits.writes();
    assertEquals(started, service.start(plan.id(), 1, CAROL), "a re-delivered start");
    var input = new ConclusionInput("A.8.24", Conclusion.MINOR_NONCONFORMITY, "Gap", List.of(),
        null, null);
    var once = service.conclude(plan.id(), started.version(), input, CAROL);
    var twice = service.conclude(plan.id(), started.version(), input, CAROL);
    assertEquals(once, twice);
    assertEquals(writes + 1, audits.writes());
    assertEquals(1, findingStore.findOpen().size(), "one finding per (audit, item)");
  }

  @Test
  void aConclusionThatRaisedAFindingIsFinal_othersMayBeRevised() {
    var v = service.start(plan.id(), 1, CAROL);
    v = service.conclude(plan.id(), v.version(), new ConclusionInput("9.2",
        Conclusion.CONFORMING, "", List.of(), null, null), CAROL);
    v = service.conclude(plan.id(), v.version(), new ConclusionInput("9.2",
        Conclusion.MINOR_NONCONFORMITY, "Programme lacks criteria", List.of(), null, null), CAROL);
    assertNotNull(v.conclusions().get("9.2").findingId());
    var at = v.version();
    var e = assertThrows(AuditStateException.class, () -> service.conclude(plan.id(), at,
        new ConclusionInput("9.2", Conclusion.CONFORMING, "", List.of(), null, null), CAROL));
    assertTrue(e.getMessage().contains("findings workflow"), e.getMessage());
  }

  @Test
  void badInputAndWrongStates_areRefusedAndWriteNothing() {
    var writes = audits.writes();
    assertThrows(NotFoundException.class, () -> service.start("AUD-none", 1, CAROL));
    assertThrows(AuditStateException.class, () -> service.conclude(plan.id(), 1,
        new ConclusionInput("9.2", Conclusion.CONFORMING, "", List.of(), null, null), CAROL),
        "conclude before start");
    assertThrows(ConcurrentModificationException.class, () -> service.start(plan.id(), 7, CAROL));
    assertEquals(writes, audits.writes());
    var v = service.start(plan.id(), 1, CAROL);
    var version = v.version();
    var outOfScope = assertThrows(MissingFieldException.class, () -> service.conclude(plan.id(),
        version, new ConclusionInput("A.5.1", Conclusion.CONFORMING, "", List.of(), null, null),
        CAROL));
    assertEquals("item", outOfScope.field());
    var noNotes = assertThrows(MissingFieldException.class, () -> service.conclude(plan.id(),
        version, new ConclusionInput("A.8.5", Conclusion.MAJOR_NONCONFORMITY, " ", List.of(), null,
            null), CAROL));
    assertEquals("notes", noNotes.field());
    assertThrows(MissingFieldException.class, () -> service.conclude(plan.id(), version,
        new ConclusionInput("A.8.5", null, "x", List.of(), null, null), CAROL));
    assertThrows(AuditStateException.class, () -> service.cancel(plan.id(), version, "late",
        MANAGER), "an audit in progress is not cancelled");
    assertEquals(writes + 1, audits.writes());
    assertTrue(findingStore.findOpen().isEmpty());
  }

  @Test
  void onlyTheAssignedAuditorOrTheManager_mayRecord() {
    assertThrows(AccessDeniedException.class, () -> service.start(plan.id(), 1, DAVE));
    assertThrows(AccessDeniedException.class, () -> service.start(plan.id(), 1, OWNER));
    var byEmailOnly = new Actor("some-uuid", "CAROL@example.com", Set.of(Role.AUDITOR));
    var v = service.start(plan.id(), 1, byEmailOnly);
    assertEquals(AuditStatus.IN_PROGRESS, v.status());
    var onBehalf = service.conclude(plan.id(), v.version(), new ConclusionInput("9.2",
        Conclusion.CONFORMING, "", List.of(), null, null), MANAGER);
    assertEquals("boss@example.com", onBehalf.conclusions().get("9.2").recordedBy());
    assertEquals(1, service.list(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"),
        Set.of(), OWNER).size(), "everyone with a role reads audits");
    assertThrows(AccessDeniedException.class, () -> service.get(plan.id(),
        new Actor("nobody", null, Set.of())));
  }

  @Test
  void cancel_byTheManagerWithAReason_releasesTheAuditFromThePlan() {
    assertThrows(AccessDeniedException.class, () -> service.cancel(plan.id(), 1, "x", CAROL));
    var e = assertThrows(MissingFieldException.class,
        () -> service.cancel(plan.id(), 1, " ", MANAGER));
    assertEquals("reason", e.field());
    var cancelled = service.cancel(plan.id(), 1, "Auditor on leave", MANAGER);
    assertEquals(AuditStatus.CANCELLED, cancelled.status());
    assertEquals("Auditor on leave", cancelled.cancelReason());
    assertEquals(cancelled, service.cancel(plan.id(), 1, "again", MANAGER), "idempotent");
    assertTrue(audits.planned().isEmpty());
    assertThrows(AuditStateException.class, () -> service.start(plan.id(), 2, CAROL));
    // the planner, given the cancelled record, plans its items again
    var config = new ProgrammeConfig(12, 5, List.of(new ProgrammeConfig.Auditor("carol", "Carol",
        "carol@example.com", 5, List.of())), Map.of(), Set.of(), null);
    var history = new ArrayList<>(audits.records(LocalDate.parse("2026-01-01"),
        LocalDate.parse("2028-12-31"), EnumSet.allOf(AuditStatus.class)));
    var replanned = new AuditPlanner(config).plan(AuditUniverse.of(Set.of()), Map.of(),
        LocalDate.parse("2027-03-10"), history);
    for (var item : plan.items()) {
      assertTrue(replanned.audits().stream().anyMatch(a -> a.items().contains(item)), item);
    }
    assertFalse(replanned.audits().stream().anyMatch(a -> a.id().equals(plan.id())));
  }

  @Test
  void findingIds_areDeterministicAndValid() {
    assertEquals("F-AUD-2027-03-10-abcd-A-8-24",
        AuditService.findingIdOf("AUD-2027-03-10-abcd", "A.8.24").value());
    var longId = AuditService.findingIdOf("AUD-" + "x".repeat(80), "6.1.3");
    assertEquals(longId, AuditService.findingIdOf("AUD-" + "x".repeat(80), "6.1.3"));
    assertTrue(longId.value().length() <= 66);
  }
}
