package io.vigil.domain.register;

import static io.vigil.domain.register.RegisterFixture.MANAGER;
import static io.vigil.domain.register.RegisterFixture.NOBODY;
import static io.vigil.domain.register.RegisterFixture.VIEWER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.access.AccessDeniedException;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.control.AnnexACatalogue;
import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.finding.MissingFieldException;
import io.vigil.domain.finding.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Statement of Applicability: all 93 controls always, decisions with justifications, statuses
 * derived from the evidence, approvals as immutable versions.
 */
class SoaServiceTest {

  private static final Set<String> PHYSICAL = Set.of("A.7.1", "A.7.2");

  private final RegisterFixture fx = new RegisterFixture();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> control(Map<String, Object> soa, String id) {
    return ((List<Map<String, Object>>) soa.get("controls")).stream()
        .filter(c -> id.equals(c.get("control"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> summary(Map<String, Object> soa) {
    return (Map<String, Object>) soa.get("summary");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSoaAlwaysHasAll93ControlsInCatalogueOrder() {
    var empty = fx.soa.generate(VIEWER);
    var controls = (List<Map<String, Object>>) empty.get("controls");
    assertEquals(93, controls.size());
    assertEquals(AnnexACatalogue.standard().all().stream().map(c -> c.id().toString()).toList(),
        controls.stream().map(c -> c.get("control")).toList());
    assertEquals(93L, summary(empty).get("controls"));
    assertEquals(93L, summary(empty).get("applicable"), "undecided counts as applicable");
    assertEquals(93, ((List<?>) summary(empty).get("undecided")).size());

    fx.decideAll(PHYSICAL);
    var decided = fx.soa.generate(VIEWER);
    assertEquals(93, ((List<?>) decided.get("controls")).size());
    assertEquals(91L, summary(decided).get("applicable"));
    assertEquals(2L, summary(decided).get("excluded"));
    assertEquals(List.of(), summary(decided).get("undecided"));
    assertEquals("NOT_APPLICABLE", control(decided, "A.7.1").get("status"));
    assertEquals("Cloud-only: no premises of our own",
        control(decided, "A.7.1").get("justification"));
  }

  @Test
  void anExclusionOrInclusionWithoutAJustificationIsRefused() {
    var e = assertThrows(MissingFieldException.class, () -> fx.service.create(
        RegisterKind.SOA_DECISION, "A.7.1", Map.of("applicable", false), MANAGER));
    assertEquals("justification", e.field());
    var blank = assertThrows(MissingFieldException.class, () -> fx.service.create(
        RegisterKind.SOA_DECISION, "A.7.1", Map.of("applicable", false, "justification", " "),
        MANAGER));
    assertEquals("justification", blank.field());
    var included = assertThrows(MissingFieldException.class, () -> fx.service.create(
        RegisterKind.SOA_DECISION, "A.5.1", Map.of("applicable", true), MANAGER));
    assertEquals("justification", included.field(), "inclusions need one too");
    fx.service.create(RegisterKind.SOA_DECISION, "A.7.1", Map.of("applicable", false,
        "justification", "No premises"), MANAGER);
    var cleared = new HashMap<String, Object>();
    cleared.put("justification", null);
    assertEquals("justification", assertThrows(MissingFieldException.class,
        () -> fx.service.update(RegisterKind.SOA_DECISION, "A.7.1", 1, cleared, MANAGER))
        .field(), "and it cannot be removed later");
    assertEquals(1, fx.registers.writes());
  }

  @Test
  void approvalIsRefusedWhileControlsLackADecision() {
    for (var c : AnnexACatalogue.standard().all().subList(0, 90)) {
      fx.service.create(RegisterKind.SOA_DECISION, c.id().toString(), Map.of("applicable",
          true, "justification", "needed"), MANAGER);
    }
    var e = assertThrows(MissingFieldException.class, () -> fx.soa.approve(MANAGER));
    assertEquals("justification", e.field());
    assertTrue(e.getMessage().startsWith("3 control(s) have no decision"), e.getMessage());
    assertTrue(e.getMessage().contains("A.8.32, A.8.33, A.8.34"), e.getMessage());
    assertTrue(fx.registers.latestSoaVersion().isEmpty(), "nothing approved");
    assertEquals(0, fx.vault.size(), "nothing stored");
  }

  @Test
  void onlyTheManagerApprovesAndEveryRoleReads() {
    fx.decideAll(PHYSICAL);
    assertThrows(AccessDeniedException.class, () -> fx.soa.approve(VIEWER));
    assertThrows(AccessDeniedException.class, () -> fx.soa.approve(RegisterFixture.RISK_OWNER));
    assertThrows(AccessDeniedException.class, () -> fx.soa.generate(NOBODY));
    var v1 = fx.soa.approve(MANAGER);
    assertEquals(1L, fx.soa.version(1, VIEWER).get("version"));
    assertEquals(v1, fx.soa.latestVersion(VIEWER).orElseThrow());
    assertThrows(NotFoundException.class, () -> fx.soa.version(2, VIEWER));
  }

  @Test
  void aNewApprovalNeverChangesAnEarlierVersion() {
    fx.decideAll(PHYSICAL);
    var v1 = fx.soa.approve(MANAGER);
    var v1Bytes = v1.json().getBytes(StandardCharsets.UTF_8);
    assertEquals(Sha256.of(v1Bytes).hex(), v1.sha256());
    assertArrayEquals(v1Bytes, fx.vault.get(new Sha256(v1.sha256())).orElseThrow(),
        "the vault holds it under its SHA-256");

    fx.now.set(Instant.parse("2026-12-05T10:00:00Z"));
    fx.service.update(RegisterKind.SOA_DECISION, "A.7.1", 1, Map.of("applicable", true,
        "justification", "We opened an office"), MANAGER);
    fx.failingCheckFinding("ec2_ebs_default_encryption_enabled", "A.8.24");
    fx.result("ec2_ebs_default_encryption_enabled", "A.8.24", CheckStatus.FAIL);
    var v2 = fx.soa.approve(MANAGER);

    assertEquals(2, v2.number());
    assertFalse(v2.sha256().equals(v1.sha256()));
    var stored1 = fx.registers.soaVersion(1).orElseThrow();
    assertEquals(v1, stored1, "version 1 as approved: number, who, when, sha, JSON");
    assertArrayEquals(v1Bytes, stored1.json().getBytes(StandardCharsets.UTF_8));
    var soa1 = fx.soa.version(1, VIEWER);
    assertEquals(false, control(soa1, "A.7.1").get("applicable"));
    assertEquals("2026-11-28T09:00:00Z", soa1.get("approvedAt"));
    assertEquals(v1.json(), CanonicalJson.write(soa1), "read back byte for byte");
    var soa2 = fx.soa.version(2, VIEWER);
    assertEquals(true, control(soa2, "A.7.1").get("applicable"));
    assertEquals("PARTIALLY_IMPLEMENTED", control(soa2, "A.8.24").get("status"));
    assertEquals(1L, summary(soa2).get("withFailingEvidence"));
  }

  @Test
  void anAlteredVersionIsDetectedWhenRead() {
    fx.decideAll(PHYSICAL);
    var v1 = fx.soa.approve(MANAGER);
    var altered = new SoaVersion(1, v1.approvedAt(), v1.approvedBy(), v1.sha256(),
        v1.json().replace("Cloud-only", "Cloud-ONLY"));
    var e = assertThrows(IllegalStateException.class, () -> SoaService.parse(altered));
    assertTrue(e.getMessage().contains("altered"), e.getMessage());
  }

  @Test
  void theStatusFollowsTheEvidenceOpenActionsAndTasks() {
    fx.decideAll(PHYSICAL);
    // A.8.13 (and A.5.30, which the check supports): passing results only → implemented
    fx.result("dynamodb_table_pitr_enabled", "A.8.13", CheckStatus.PASS);
    // A.8.24: one failing result → partially implemented, with failing evidence
    fx.result("ec2_ebs_default_encryption_enabled", "A.8.24", CheckStatus.FAIL);
    // A.5.18: an open nonconformity → partially implemented
    fx.nonconformity("A.5.18");
    // A.6.3: a manual task with attached evidence → implemented;
    // A.6.4: an overdue task → partially implemented
    var task = fx.createTask(LocalDate.parse("2027-01-15")).record();
    fx.service.attachEvidence(task.id(), 1, new RegisterService.Attachment(null, null, null,
        "LMS export 2026", null), MANAGER);
    fx.service.create(RegisterKind.EVIDENCE_TASK, null, Map.of("controls", List.of("A.6.4"),
        "title", "Disciplinary process record", "owner", "hr@acme.test", "frequencyMonths", 12L,
        "nextDue", "2026-10-01"), MANAGER);
    var risk = fx.createRisk().record();

    var soa = fx.soa.generate(VIEWER);

    assertEquals("IMPLEMENTED", control(soa, "A.8.13").get("status"));
    assertEquals("automated checks", control(soa, "A.8.13").get("evidenceSource"));
    assertEquals("IMPLEMENTED", control(soa, "A.5.30").get("status"));
    assertEquals("PARTIALLY_IMPLEMENTED", control(soa, "A.8.24").get("status"));
    assertEquals("PARTIALLY_IMPLEMENTED", control(soa, "A.5.18").get("status"));
    assertEquals(1L, control(soa, "A.5.18").get("openNonconformities"));
    assertEquals("IMPLEMENTED", control(soa, "A.6.3").get("status"));
    assertEquals("manual evidence tasks", control(soa, "A.6.3").get("evidenceSource"));
    assertEquals("PARTIALLY_IMPLEMENTED", control(soa, "A.6.4").get("status"));
    assertEquals("NOT_ASSESSED", control(soa, "A.5.1").get("status"));
    assertEquals("NOT_APPLICABLE", control(soa, "A.7.2").get("status"));
    assertEquals(List.of(risk.id()), control(soa, "A.8.24").get("risks"));
    var s = summary(soa);
    assertEquals(3L, s.get("implemented"));
    assertEquals(3L, s.get("partiallyImplemented"));
    assertEquals(1L, s.get("withFailingEvidence"));
    assertEquals(91L - 6L, s.get("notAssessed"));
    assertEquals("93 controls: 91 applicable, 2 excluded, 3 implemented, 3 partially"
        + " implemented, 85 not assessed, 1 with failing evidence", SoaExport.summaryLine(soa));
  }

  @Test
  void theExportsEscapeRecordedText() {
    fx.decideAll(PHYSICAL);
    fx.service.update(RegisterKind.SOA_DECISION, "A.5.1", 1, Map.of("justification",
        "=HYPERLINK(\"http://evil\") <script>alert(1)</script>, \"quoted\""), MANAGER);
    var soa = fx.soa.generate(VIEWER);

    var html = SoaExport.html(soa);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    assertFalse(html.contains("<script>"));
    var csv = SoaExport.csv(soa);
    assertEquals(94, csv.split("\r\n").length, "a header and one row per control");
    assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\") <script>alert(1)</script>,"
        + " \"\"quoted\"\"\","), csv);
    assertEquals(CanonicalJson.write(soa) + "\n", SoaExport.json(soa));
  }
}
