package io.vigil.domain.register;

import static io.vigil.domain.register.RegisterFixture.AUDITOR;
import static io.vigil.domain.register.RegisterFixture.MANAGER;
import static io.vigil.domain.register.RegisterFixture.NOBODY;
import static io.vigil.domain.register.RegisterFixture.OTHER_OWNER;
import static io.vigil.domain.register.RegisterFixture.RISK_OWNER;
import static io.vigil.domain.register.RegisterFixture.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.access.AccessDeniedException;
import io.vigil.domain.evidence.JsonReader;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.finding.FindingRepository.ConcurrentModificationException;
import io.vigil.domain.finding.MissingFieldException;
import io.vigil.domain.finding.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RegisterService} on the in-memory stores: its rules, roles and history. */
class RegisterServiceTest {

  private final RegisterFixture fx = new RegisterFixture();

  private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
    var m = new HashMap<String, Object>(base);
    m.put(field, value);
    return m;
  }

  // ---- ids, validation, roles

  @Test
  void recordsGetGeneratedSingletonOrKeyedIds() {
    var risk = fx.createRisk().record();
    assertTrue(risk.id().matches("R-\\d{8}"), risk.id());
    assertEquals(1, risk.version());
    assertEquals("isms@acme.test", risk.createdBy());

    var scope = fx.service.create(RegisterKind.SCOPE, null, Map.of("description", "All of it"),
        MANAGER).record();
    assertEquals("isms", scope.id());

    var decision = fx.service.create(RegisterKind.SOA_DECISION, "A.5.1", Map.of("applicable",
        true, "justification", "Policies are needed"), MANAGER).record();
    assertEquals("A.5.1", decision.id());

    assertEquals("id", assertThrows(MissingFieldException.class, () -> fx.service.create(
        RegisterKind.RISK, "R-mine", RegisterFixture.risk(), MANAGER)).field(),
        "generated ids are not given");
    assertEquals("id", assertThrows(MissingFieldException.class, () -> fx.service.create(
        RegisterKind.SOA_DECISION, null, Map.of("applicable", true, "justification", "x"),
        MANAGER)).field(), "a keyed record needs its id");
    assertEquals("id", assertThrows(MissingFieldException.class, () -> fx.service.create(
        RegisterKind.SOA_DECISION, "9.2", Map.of("applicable", true, "justification", "x"),
        MANAGER)).field(), "an SoA decision is keyed by an Annex A control");
    assertEquals("id", assertThrows(MissingFieldException.class, () -> fx.service.create(
        RegisterKind.SCOPE, "other", Map.of("description", "x"), MANAGER)).field());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown field|severity|\"HIGH\"",
      "wrong type|likelihood|\"high\"",
      "not whole|impact|2.5",
      "out of scale|likelihood|6",
      "below the scale|impact|0",
      "not an option|treatment|\"MITIGATE\"",
      "not a control|controls|[\"A.9.1\"]",
      "blank text|threat|\"  \""})
  void invalidInputIsRefusedNamingTheFieldAndWritesNothing(String rule, String field,
      String json) {
    var value = JsonReader.read(json.getBytes(StandardCharsets.UTF_8));
    var e = assertThrows(MissingFieldException.class, () -> fx.service.create(RegisterKind.RISK,
        null, with(RegisterFixture.risk(), field, value), MANAGER), rule);
    assertTrue(e.field().startsWith(field), rule + ": " + e.field());
    assertEquals(0, fx.registers.writes(), "nothing written");
  }

  @Test
  void requiredFieldsAndCrossFieldRules() {
    var noOwner = new HashMap<>(RegisterFixture.risk());
    noOwner.remove("owner");
    assertEquals("owner", assertThrows(MissingFieldException.class,
        () -> fx.service.create(RegisterKind.RISK, null, noOwner, MANAGER)).field());
    var halfResidual = new HashMap<>(RegisterFixture.risk());
    halfResidual.remove("residualImpact");
    assertEquals("residualImpact", assertThrows(MissingFieldException.class,
        () -> fx.service.create(RegisterKind.RISK, null, halfResidual, MANAGER)).field());
    var modifyWithoutControls = new HashMap<>(RegisterFixture.risk());
    modifyWithoutControls.remove("controls");
    assertEquals("controls", assertThrows(MissingFieldException.class,
        () -> fx.service.create(RegisterKind.RISK, null, modifyWithoutControls, MANAGER))
        .field());
    assertEquals("accounts[1]", assertThrows(MissingFieldException.class,
        () -> fx.service.create(RegisterKind.SCOPE, null, Map.of("description", "d",
            "accounts", List.of("111122223333", "1234")), MANAGER)).field());
    assertEquals("reviewIntervalMonths", assertThrows(MissingFieldException.class,
        () -> fx.service.create(RegisterKind.POLICY, null, Map.of("title", "t", "owner", "o",
            "approvedOn", "2026-01-01", "reviewIntervalMonths", 0L), MANAGER)).field());
    assertEquals(0, fx.registers.writes());
  }

  @Test
  void everyRoleReadsOnlyTheManagerCreatesAndEdits() {
    var risk = fx.createRisk().record();
    for (var reader : List.of(VIEWER, AUDITOR, RISK_OWNER)) {
      assertEquals(risk.id(), fx.service.get(RegisterKind.RISK, risk.id(), reader).record().id());
      assertEquals(1, fx.service.list(RegisterKind.RISK, reader).size());
      assertThrows(AccessDeniedException.class, () -> fx.service.create(RegisterKind.RISK, null,
          RegisterFixture.risk(), reader));
      assertThrows(AccessDeniedException.class, () -> fx.service.update(RegisterKind.RISK,
          risk.id(), 1, Map.of("impact", 5L), reader));
    }
    assertThrows(AccessDeniedException.class,
        () -> fx.service.get(RegisterKind.RISK, risk.id(), NOBODY), "no role: no access");
    assertThrows(NotFoundException.class,
        () -> fx.service.get(RegisterKind.RISK, "R-missing", VIEWER));
  }

  // ---- edits and history

  @Test
  void anEditNamesTheVersionItReadNullClearsAndUnchangedInputWritesNothing() {
    var risk = fx.createRisk().record();
    var edited = fx.service.update(RegisterKind.RISK, risk.id(), 1,
        new LinkedHashMap<>(Map.of("impact", 5L)), MANAGER).record();
    assertEquals(2, edited.version());
    assertEquals(5L, edited.fields().get("impact"));

    assertThrows(ConcurrentModificationException.class, () -> fx.service.update(
        RegisterKind.RISK, risk.id(), 1, Map.of("impact", 3L), MANAGER), "stale version");
    int writes = fx.registers.writes();
    var same = fx.service.update(RegisterKind.RISK, risk.id(), 1, Map.of("impact", 5L), MANAGER);
    assertEquals(2, same.record().version(), "unchanged input is no change, whatever version");
    assertEquals(writes, fx.registers.writes());

    var clear = new HashMap<String, Object>();
    clear.put("treatmentPlan", null);
    var cleared = fx.service.update(RegisterKind.RISK, risk.id(), 2, clear, MANAGER).record();
    assertFalse(cleared.fields().containsKey("treatmentPlan"));

    var history = fx.service.history(RegisterKind.RISK, risk.id(), VIEWER);
    assertEquals(List.of(RegisterEvent.Kind.CREATED, RegisterEvent.Kind.EDITED,
        RegisterEvent.Kind.EDITED), history.stream().map(RegisterEvent::kind).toList());
    assertEquals(List.of("impact"), history.get(1).fieldsChanged());
    assertEquals(List.of("treatmentPlan"), history.get(2).fieldsChanged());
    assertEquals(List.of(1L, 2L, 3L), history.stream().map(RegisterEvent::version).toList());
  }

  // ---- risk levels and flags

  @Test
  void aRiskDerivesItsLevelsFromTheMethodAndIsFlaggedByItsControlsEvidence() {
    var view = fx.createRisk();
    var d = view.derived();
    assertEquals(16L, d.get("inherentLevel"));
    assertEquals("High", d.get("inherentBand"));
    assertEquals(4L, d.get("residualLevel"));
    assertEquals("Low", d.get("residualBand"));
    assertEquals(true, d.get("withinAcceptance"));
    assertEquals(false, d.get("flagged"));

    fx.failingCheckFinding("ec2_ebs_default_encryption_enabled", "A.8.24");
    fx.nonconformity("A.8.13");
    var flagged = fx.service.get(RegisterKind.RISK, view.record().id(), VIEWER).derived();
    assertEquals(List.of("A.8.24"), flagged.get("controlsWithFailingEvidence"));
    assertEquals(List.of("A.8.13"), flagged.get("controlsWithOpenNonconformities"));
    assertEquals(true, flagged.get("flagged"));
  }

  @Test
  void aRecordedMethodChangesTheLevelsAndTheScales() {
    fx.service.create(RegisterKind.RISK_METHOD, null, Map.of(
        "likelihoodScale", List.of("Low", "Medium", "High"),
        "impactScale", List.of("Low", "Medium", "High"),
        "bands", List.of(Map.of("name", "Low", "minLevel", 1L),
            Map.of("name", "High", "minLevel", 4L)),
        "acceptanceThreshold", 2L), MANAGER);
    var risk = new HashMap<>(RegisterFixture.risk());
    risk.put("likelihood", 3L);
    risk.put("impact", 2L);
    risk.put("residualLikelihood", 1L);
    risk.put("residualImpact", 3L);
    var d = fx.service.create(RegisterKind.RISK, null, risk, MANAGER).derived();
    assertEquals(6L, d.get("inherentLevel"));
    assertEquals("High", d.get("inherentBand"));
    assertEquals(3L, d.get("residualLevel"));
    assertEquals(false, d.get("withinAcceptance"), "3 is above the threshold 2");
    assertEquals("likelihood", assertThrows(MissingFieldException.class, () -> fx.service.create(
        RegisterKind.RISK, null, with(risk, "likelihood", 4L), MANAGER)).field(),
        "the scale has 3 steps now");
  }

  // ---- treatment approval and residual acceptance

  @Test
  void onlyTheRiskOwnerApprovesTheTreatmentAndAcceptsTheResidualRisk() {
    var id = fx.createRisk().record().id();
    for (var other : List.of(MANAGER, OTHER_OWNER, AUDITOR, VIEWER)) {
      assertThrows(AccessDeniedException.class, () -> fx.service.approveTreatment(id, 1, other),
          other.label());
    }
    assertEquals("treatmentApproval", assertThrows(MissingFieldException.class,
        () -> fx.service.acceptResidual(id, 1, RISK_OWNER)).field(), "approve first");
    int writes = fx.registers.writes();
    assertThrows(ConcurrentModificationException.class,
        () -> fx.service.approveTreatment(id, 7, RISK_OWNER));
    assertEquals(writes, fx.registers.writes());

    var approved = fx.service.approveTreatment(id, 1, RISK_OWNER);
    var approval = (Map<?, ?>) approved.record().system().get("treatmentApproval");
    assertEquals("cto@acme.test", approval.get("by"));
    assertEquals("2026-11-28T09:00:00Z", approval.get("at"));
    assertEquals(true, approved.derived().get("treatmentApproved"));
    assertEquals(2, approved.record().version());
    var again = fx.service.approveTreatment(id, 1, RISK_OWNER);
    assertEquals(2, again.record().version(), "a repeated approval writes nothing");

    for (var other : List.of(MANAGER, OTHER_OWNER)) {
      assertThrows(AccessDeniedException.class, () -> fx.service.acceptResidual(id, 2, other));
    }
    // the subject identifies the owner as well as the e-mail
    var bySubject = new io.vigil.domain.access.Actor("cto@acme.test", null,
        java.util.Set.of(io.vigil.domain.access.Role.OWNER));
    var accepted = fx.service.acceptResidual(id, 2, bySubject);
    var acceptance = (Map<?, ?>) accepted.record().system().get("residualAcceptance");
    assertEquals(4L, acceptance.get("level"));
    assertEquals(true, acceptance.get("withinAcceptance"));
    assertEquals(List.of(RegisterEvent.Kind.CREATED, RegisterEvent.Kind.TREATMENT_APPROVED,
        RegisterEvent.Kind.RESIDUAL_ACCEPTED), fx.service.history(RegisterKind.RISK, id, VIEWER)
        .stream().map(RegisterEvent::kind).toList());
  }

  @Test
  void acceptanceAboveTheThresholdIsRecordedAsSuch() {
    var risk = new HashMap<>(RegisterFixture.risk());
    risk.remove("residualLikelihood");
    risk.remove("residualImpact");
    var id = fx.service.create(RegisterKind.RISK, null, risk, MANAGER).record().id();
    fx.service.approveTreatment(id, 1, RISK_OWNER);
    var accepted = fx.service.acceptResidual(id, 2, RISK_OWNER);
    var acceptance = (Map<?, ?>) accepted.record().system().get("residualAcceptance");
    assertEquals(16L, acceptance.get("level"), "no residual assessment: the inherent level");
    assertEquals(false, acceptance.get("withinAcceptance"));
    assertEquals("accepted above the acceptance threshold",
        fx.service.history(RegisterKind.RISK, id, VIEWER).get(2).note());
  }

  @Test
  void aRiskWithoutATreatmentOptionCannotBeApproved() {
    var risk = new HashMap<>(RegisterFixture.risk());
    risk.remove("treatment");
    var id = fx.service.create(RegisterKind.RISK, null, risk, MANAGER).record().id();
    assertEquals("treatment", assertThrows(MissingFieldException.class,
        () -> fx.service.approveTreatment(id, 1, RISK_OWNER)).field());
  }

  @ParameterizedTest(name = "editing {0} withdraws the approvals")
  @CsvSource(delimiter = '|', value = {"likelihood|3", "impact|5", "treatment|\"AVOID\"",
      "controls|[\"A.8.24\"]", "treatmentPlan|\"Another plan\"", "residualLikelihood|1",
      "residualImpact|1", "actions|[{\"description\":\"Buy\",\"owner\":\"cto@acme.test\"}]"})
  void editsOfTheAssessmentOrTreatmentWithdrawTheApprovals(String field, String json) {
    var id = fx.createRisk().record().id();
    fx.service.approveTreatment(id, 1, RISK_OWNER);
    fx.service.acceptResidual(id, 2, RISK_OWNER);
    var value = JsonReader.read(json.getBytes(StandardCharsets.UTF_8));

    var edited = fx.service.update(RegisterKind.RISK, id, 3, Map.of(field, value), MANAGER);

    assertFalse(edited.record().system().containsKey("treatmentApproval"));
    assertFalse(edited.record().system().containsKey("residualAcceptance"));
    assertEquals(false, edited.derived().get("treatmentApproved"));
    var last = fx.service.history(RegisterKind.RISK, id, VIEWER).get(3);
    assertEquals("approvals withdrawn: the assessment or treatment changed", last.note());
  }

  @Test
  void otherEditsKeepTheApprovals() {
    var id = fx.createRisk().record().id();
    fx.service.approveTreatment(id, 1, RISK_OWNER);
    var edited = fx.service.update(RegisterKind.RISK, id, 2, Map.of("title", "Ransomware"),
        MANAGER);
    assertTrue(edited.record().system().containsKey("treatmentApproval"));
  }

  // ---- manual evidence

  @Test
  void aFileIsStoredInTheVaultAndTheNextDueDateMovesOn() {
    var task = fx.createTask(LocalDate.parse("2026-12-10")).record();
    var content = "completion report".getBytes(StandardCharsets.UTF_8);

    var attached = fx.service.attachEvidence(task.id(), 1, new RegisterService.Attachment(
        "report.pdf", "application/pdf", content, null, "Q4 training"), OTHER_OWNER);

    assertEquals("2027-03-10", attached.record().fields().get("nextDue"));
    var entry = (Map<?, ?>) ((List<?>) attached.record().system().get("attachments")).get(0);
    assertEquals(Sha256.of(content).hex(), entry.get("contentSha256"));
    var stored = fx.vault.get(new Sha256((String) entry.get("evidenceSha256"))).orElseThrow();
    var document = (Map<?, ?>) JsonReader.read(stored);
    assertEquals("vigil.manual-evidence", document.get("kind"));
    assertEquals(Base64.getEncoder().encodeToString(content), document.get("contentBase64"));
    assertEquals(List.of("A.6.3"), document.get("controls"));
    assertEquals(1L, attached.derived().get("attachments"));
    assertEquals("OK", attached.derived().get("status"));
  }

  @Test
  void anOverdueTaskMovesPastTodayAndAReferenceNeedsNoVault() {
    var fx = new RegisterFixture(false);
    var task = fx.createTask(LocalDate.parse("2026-05-01")).record();
    assertEquals("OVERDUE", fx.service.get(RegisterKind.EVIDENCE_TASK, task.id(), VIEWER)
        .derived().get("status"));
    assertThrows(IllegalStateException.class, () -> fx.service.attachEvidence(task.id(), 1,
        new RegisterService.Attachment("a.txt", null, new byte[] {1}, null, null), MANAGER),
        "no vault: files cannot be stored");

    var attached = fx.service.attachEvidence(task.id(), 1, new RegisterService.Attachment(null,
        null, null, "SharePoint: ISMS/Training/2026-Q4.pdf", null), MANAGER);

    assertEquals("2027-02-01", attached.record().fields().get("nextDue"),
        "2026-05-01 moved on in 3-month steps to the first after today, 2026-11-28");
    var entry = (Map<?, ?>) ((List<?>) attached.record().system().get("attachments")).get(0);
    assertEquals("SharePoint: ISMS/Training/2026-Q4.pdf", entry.get("reference"));
    assertEquals(List.of("nextDue"), fx.service.history(RegisterKind.EVIDENCE_TASK, task.id(),
        VIEWER).get(1).fieldsChanged());
  }

  @Test
  void onlyTheTaskOwnerOrTheManagerAttachesAndTheFileHasALimit() {
    var task = fx.createTask(LocalDate.parse("2026-12-10")).record();
    var reference = new RegisterService.Attachment(null, null, null, "ref", null);
    assertThrows(AccessDeniedException.class,
        () -> fx.service.attachEvidence(task.id(), 1, reference, RISK_OWNER));
    assertThrows(AccessDeniedException.class,
        () -> fx.service.attachEvidence(task.id(), 1, reference, VIEWER));
    var big = new byte[RegisterService.MAX_ATTACHMENT_BYTES + 1];
    assertEquals("content", assertThrows(MissingFieldException.class,
        () -> fx.service.attachEvidence(task.id(), 1, new RegisterService.Attachment("big.bin",
            null, big, null, null), OTHER_OWNER)).field());
    assertEquals("content", assertThrows(MissingFieldException.class,
        () -> fx.service.attachEvidence(task.id(), 1, new RegisterService.Attachment(null, null,
            null, " ", null), OTHER_OWNER)).field());
    assertEquals(0, fx.vault.size());
    assertEquals(1, fx.registers.writes(), "only the task's creation");
  }

  // ---- the daily sweep

  @Test
  void theSweepPublishesEachPolicyReviewAndEvidenceTaskDueOncePerDay() {
    var due = fx.service.create(RegisterKind.POLICY, null, Map.of("title", "Information security"
        + " policy", "owner", "ciso@acme.test", "approvedOn", "2025-12-15",
        "reviewIntervalMonths", 12L), MANAGER).record();
    fx.service.create(RegisterKind.POLICY, null, Map.of("title", "Fresh", "owner", "o",
        "approvedOn", "2026-11-01", "reviewIntervalMonths", 12L), MANAGER);
    fx.service.create(RegisterKind.POLICY, null, Map.of("title", "Retired", "owner", "o",
        "approvedOn", "2020-01-01", "reviewIntervalMonths", 12L, "status", "RETIRED"), MANAGER);
    var task = fx.createTask(LocalDate.parse("2026-11-20")).record();
    fx.createTask(LocalDate.parse("2027-06-01"));

    var first = fx.service.sweep(fx::publish);

    assertEquals(2, first.size(), first.toString());
    var review = (PolicyReviewDue) first.get(0);
    assertEquals(due.id(), review.detail().get("policyId"));
    assertEquals("2026-12-15", review.detail().get("reviewDue"));
    assertEquals(false, review.detail().get("overdue"));
    var taskDue = (EvidenceTaskDue) first.get(1);
    assertEquals(task.id(), taskDue.detail().get("taskId"));
    assertEquals(true, taskDue.detail().get("overdue"));
    assertEquals("Evidence Task Due", taskDue.detailType());
    assertEquals(1, fx.publications.get());

    assertEquals(List.of(), fx.service.sweep(fx::publish), "again the same day: nothing");
    assertEquals(1, fx.publications.get(), "and nothing published");

    fx.now.set(Instant.parse("2026-11-29T07:00:00Z"));
    var nextDay = fx.service.sweep(fx::publish);
    assertEquals(2, nextDay.size(), "the next day: once more");
    assertEquals("policy-review:" + due.id() + ":2026-11-29", nextDay.get(0).idempotencyKey());
    assertEquals(4, fx.published.size());
  }

  @Test
  void aFailedPublicationReleasesTheDaysNotices_soARerunSendsThem() {
    fx.service.create(RegisterKind.POLICY, null, Map.of("title", "Due", "owner", "o",
        "approvedOn", "2025-12-15", "reviewIntervalMonths", 12L), MANAGER);
    assertThrows(IllegalStateException.class, () -> fx.service.sweep(events -> {
      throw new IllegalStateException("bus unavailable");
    }));
    var retried = fx.service.sweep(fx::publish);
    assertEquals(1, retried.size(), "the notice was not lost with the failed publication");
  }

  @Test
  void aNarrowerRiskMethodIsRefusedWhileRisksFallOutsideIt_andSoaIdsMustBeCatalogueIds() {
    fx.service.create(RegisterKind.RISK, null, Map.of("title", "t", "asset", "a", "threat", "t",
        "vulnerability", "v", "owner", "o", "likelihood", 5L, "impact", 2L), MANAGER);
    var narrow = Map.<String, Object>of("likelihoodScale", List.of("low", "mid", "high"),
        "impactScale", List.of("low", "mid", "high"), "bands", List.of(Map.of("name", "Low",
            "minLevel", 1L)), "acceptanceThreshold", 3L);
    var e = assertThrows(io.vigil.domain.finding.MissingFieldException.class,
        () -> fx.service.create(RegisterKind.RISK_METHOD, null, narrow, MANAGER));
    assertEquals("likelihoodScale", e.field());
    for (var bad : List.of("5.1", "A.05.1", "A.5.99")) {
      var refused = assertThrows(io.vigil.domain.finding.MissingFieldException.class,
          () -> fx.service.create(RegisterKind.SOA_DECISION, bad, Map.of("applicable", true,
              "justification", "j"), MANAGER), bad);
      assertEquals("id", refused.field());
    }
  }

  @Test
  void derivedStatusesOfTheOtherRegisters() {
    var expiring = fx.service.create(RegisterKind.COMPETENCE_EVIDENCE, null, Map.of("person",
        "ops@acme.test", "competence", "AWS Security", "kind", "CERTIFICATION",
        "obtainedOn", "2024-01-01", "expiresOn", "2026-12-20"), MANAGER);
    assertEquals("EXPIRING", expiring.derived().get("status"));
    var overdue = fx.service.create(RegisterKind.AWARENESS, null, Map.of("person", "p",
        "course", "Phishing", "dueDate", "2026-11-01"), MANAGER);
    assertEquals("OVERDUE", overdue.derived().get("status"));
    var objective = fx.service.create(RegisterKind.OBJECTIVE, null, Map.of("title",
        "Few open nonconformities", "kpi", "open-nonconformities", "target", 2, "direction",
        "AT_MOST", "owner", "isms@acme.test", "dueDate", "2027-06-30"), MANAGER);
    assertEquals(true, objective.derived().get("attained"), "0 open ≤ 2");
    fx.nonconformity("A.5.1");
    fx.nonconformity("A.5.2");
    fx.nonconformity("A.5.3");
    assertEquals(false, fx.service.get(RegisterKind.OBJECTIVE, objective.record().id(), VIEWER)
        .derived().get("attained"), "3 open > 2");
    assertNotNull(objective.derived().get("measure"));
  }
}
