package io.vigil.functions.findingsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.access.Actor;
import io.vigil.domain.access.Role;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.register.RegisterKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The register and SoA sample events in {@code events/findings-api/}, replayed in this order
 * against the router with ids {@code R-example1}, {@code TASK-example1}: a risk is created,
 * assessed, its treatment approved and residual risk accepted by its owner, an evidence task gets
 * a reference attached, and the SoA — the other 92 decisions seeded from
 * {@code events/registers/soa-decisions.json} after {@code soa-approval-undecided} — is approved
 * as version 1; each answers as its name says.
 */
class RegisterSampleEventsTest {

  /** File → expected status, in replay order. */
  static final Map<String, Integer> SEQUENCE = new LinkedHashMap<>();

  static {
    SEQUENCE.put("list-registers", 200);
    SEQUENCE.put("get-risk-method", 200);
    SEQUENCE.put("create-risk", 201);
    SEQUENCE.put("create-risk-as-viewer", 403);
    SEQUENCE.put("create-risk-unknown-field", 400);
    SEQUENCE.put("create-risk-out-of-scale", 400);
    SEQUENCE.put("get-risk", 200);
    SEQUENCE.put("patch-risk-missing-if-match", 428);
    SEQUENCE.put("patch-risk", 200);
    SEQUENCE.put("patch-risk-stale", 412);
    SEQUENCE.put("approve-treatment-not-owner", 403);
    SEQUENCE.put("approve-treatment", 200);
    SEQUENCE.put("accept-residual", 200);
    SEQUENCE.put("risk-history", 200);
    SEQUENCE.put("create-evidence-task", 201);
    SEQUENCE.put("attach-bad-base64", 400);
    SEQUENCE.put("attach-reference", 200);
    SEQUENCE.put("create-soa-exclusion-without-justification", 400);
    SEQUENCE.put("create-soa-decision", 201);
    SEQUENCE.put("soa-approval-undecided", 400);
    SEQUENCE.put("get-soa", 200);
    SEQUENCE.put("soa-approval", 201);
    SEQUENCE.put("list-soa-versions", 200);
    SEQUENCE.put("get-soa-version", 200);
  }

  static final Path ORGANISATION = Path.of("../../events/registers");

  /** The remaining decisions of the sample organisation, as the ISMS manager records them. */
  @SuppressWarnings("unchecked")
  private static void seedDecisions(ApiFixture fx) throws Exception {
    var decisions = (List<Map<String, Object>>) JsonText.parse(Files.readString(
        ORGANISATION.resolve("soa-decisions.json"), StandardCharsets.UTF_8));
    var manager = new Actor("c4e8a2b7-manager", "manager@example.com",
        Set.of(Role.ISMS_MANAGER));
    for (var d : decisions) {
      var fields = new LinkedHashMap<>(d);
      var id = (String) fields.remove("id");
      if (fx.registerRepo.find(RegisterKind.SOA_DECISION, id).isEmpty()) {
        fx.registers.create(RegisterKind.SOA_DECISION, id, fields, manager);
      }
    }
  }

  @Test
  void theSampleEventsWalkARiskAnEvidenceTaskAndTheSoaToItsFirstVersion() throws Exception {
    var fx = new ApiFixture(() -> "example1");
    fx.now.set(Instant.parse("2026-12-01T10:00:00Z"));
    String approvedSha = null;
    for (var step : SEQUENCE.entrySet()) {
      if (step.getKey().equals("get-soa")) {
        seedDecisions(fx);
      }
      var raw = fx.api.handle(SampleEventsTest.read(step.getKey()));
      assertEquals(step.getValue(), raw.get("statusCode"), step.getKey() + ": " + raw);
      var body = (String) raw.get("body");
      switch (step.getKey()) {
        case "get-soa" -> {
          assertEquals(SoaApi.CSV, ((Map<?, ?>) raw.get("headers")).get("content-type"));
          assertEquals(94, body.split("\r\n").length);
          assertTrue(body.contains("A.7.1,Physical security perimeters,Physical,false,"), body);
          continue;
        }
        case "get-soa-version" -> {
          assertEquals(AuditsApi.HTML, ((Map<?, ?>) raw.get("headers")).get("content-type"));
          assertTrue(body.contains("version 1, approved by manager@example.com"), body);
          assertTrue(body.contains("93 controls: 91 applicable, 2 excluded"), body);
          continue;
        }
        default -> {
          // JSON
        }
      }
      var r = ApiFixture.decode(raw);
      expect(step.getKey(), r);
      if (step.getKey().equals("soa-approval")) {
        approvedSha = (String) r.get("sha256");
      }
    }
    var version = fx.registerRepo.soaVersion(1).orElseThrow();
    assertEquals(approvedSha, version.sha256());
    assertEquals(approvedSha, Sha256.of(version.json().getBytes(StandardCharsets.UTF_8)).hex());
  }

  @SuppressWarnings("unchecked")
  private static void expect(String step, ApiFixture.Response r) {
    var fields = (Map<String, Object>) r.get("fields");
    var derived = (Map<String, Object>) r.get("derived");
    var system = (Map<String, Object>) r.get("system");
    switch (step) {
      case "list-registers" -> assertTrue(((List<?>) r.get("items")).size() >= 15);
      case "get-risk-method" -> {
        assertEquals(true, r.get("default"));
        assertNull(r.etag());
      }
      case "create-risk" -> {
        assertEquals("R-example1", r.get("id"));
        assertEquals("\"1\"", r.etag());
        assertEquals("/registers/risks/R-example1", r.headers().get("location"));
        assertEquals(20L, ((Number) derived.get("inherentLevel")).longValue());
        assertEquals("Critical", derived.get("inherentBand"));
        assertEquals(false, derived.get("withinAcceptance"));
      }
      case "create-risk-unknown-field" -> assertEquals("severity", r.get("field"));
      case "create-risk-out-of-scale" -> assertEquals("likelihood", r.get("field"));
      case "get-risk" -> assertEquals("owner@example.com", fields.get("owner"));
      case "patch-risk" -> {
        assertEquals("\"2\"", r.etag());
        assertEquals(4L, ((Number) derived.get("residualLevel")).longValue());
        assertEquals(true, derived.get("withinAcceptance"));
        assertEquals(2, ((List<?>) fields.get("actions")).size());
      }
      case "patch-risk-stale" ->
          assertEquals("https://vigil.dev/problems/stale-version", r.get("type"));
      case "approve-treatment" -> {
        assertEquals("\"3\"", r.etag());
        assertEquals("owner@example.com",
            ((Map<?, ?>) system.get("treatmentApproval")).get("by"));
      }
      case "accept-residual" -> {
        assertEquals("\"4\"", r.etag());
        assertEquals(true, ((Map<?, ?>) system.get("residualAcceptance"))
            .get("withinAcceptance"));
      }
      case "risk-history" -> assertEquals(List.of("CREATED", "EDITED", "TREATMENT_APPROVED",
          "RESIDUAL_ACCEPTED"), ((List<Map<String, Object>>) r.get("items")).stream()
          .map(e -> e.get("kind")).toList());
      case "create-evidence-task" -> assertEquals("TASK-example1", r.get("id"));
      case "attach-bad-base64" -> assertEquals("contentBase64", r.get("field"));
      case "attach-reference" -> {
        assertEquals("2027-06-15", fields.get("nextDue"));
        assertEquals(1, ((List<?>) system.get("attachments")).size());
      }
      case "create-soa-exclusion-without-justification", "soa-approval-undecided" ->
          assertEquals("justification", r.get("field"));
      case "create-soa-decision" -> assertEquals(false, fields.get("applicable"));
      case "soa-approval" -> {
        assertEquals(1L, ((Number) r.get("version")).longValue());
        assertEquals("manager@example.com", r.get("approvedBy"));
        assertEquals("/soa/versions/1", r.headers().get("location"));
      }
      case "list-soa-versions" -> assertEquals(1, ((List<?>) r.get("items")).size());
      case "create-risk-as-viewer", "patch-risk-missing-if-match",
          "approve-treatment-not-owner" -> assertFalse(r.status() < 400);
      default -> throw new AssertionError("no expectation for " + step);
    }
  }
}
