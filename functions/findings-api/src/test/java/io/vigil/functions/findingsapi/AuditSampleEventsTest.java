package io.vigil.functions.findingsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The audit sample events in {@code events/findings-api/}, replayed in this order against the
 * router with two planned audits: they take audit {@code AUD-2026-12-01-example} from PLANNED to
 * COMPLETED (a major nonconformity raised as a finding, the report stored) and cancel
 * {@code AUD-2027-02-01-example}, answering as their names say.
 */
class AuditSampleEventsTest {

  static final String AUDIT = "AUD-2026-12-01-example";
  static final AuditPlan.PlannedAudit SAMPLE = new AuditPlan.PlannedAudit(AUDIT,
      LocalDate.parse("2026-12-01"), "alice", "auditor@example.com", List.of("9.2", "A.8.24"),
      "ISO/IEC 27001:2022 clause 9.2 and Annex A 8.24; the cryptography policy v3",
      "Production AWS organisation", "Interviews, record sampling, Vigil's check results");
  static final AuditPlan.PlannedAudit LATER = new AuditPlan.PlannedAudit(
      "AUD-2027-02-01-example", LocalDate.parse("2027-02-01"), "alice", "auditor@example.com",
      List.of("A.5.15"), "Annex A 5.15", "Production AWS organisation", "Interviews");

  /** File → expected status, in replay order. */
  static final Map<String, Integer> SEQUENCE = new LinkedHashMap<>();

  static {
    SEQUENCE.put("list-audits", 200);
    SEQUENCE.put("get-audit", 200);
    SEQUENCE.put("conclude-before-start", 409);
    SEQUENCE.put("start-audit", 200);
    SEQUENCE.put("stale-audit-version", 412);
    SEQUENCE.put("conclude-item-not-in-scope", 400);
    SEQUENCE.put("conclude-major-nonconformity", 200);
    SEQUENCE.put("conclude-conforming", 200);
    SEQUENCE.put("complete-audit", 200);
    SEQUENCE.put("audit-report", 200);
    SEQUENCE.put("cancel-audit", 200);
  }

  /** The router at the samples' time with the sample plan and EBS results of the day before. */
  static ApiFixture fixture() {
    var fx = new ApiFixture();
    fx.now.set(Instant.parse("2026-12-01T09:20:00Z"));
    fx.plan(SAMPLE, LATER);
    var observed = Instant.parse("2026-11-30T06:00:00Z");
    fx.results.saveAll(List.of(
        volume("vol-0a1", CheckStatus.PASS, observed),
        volume("vol-0b2", CheckStatus.FAIL, observed),
        volume("vol-0c3", CheckStatus.FAIL, observed)));
    return fx;
  }

  private static CheckResult volume(String id, CheckStatus status, Instant at) {
    var arn = "arn:aws:ec2:eu-west-1:111122223333:volume/" + id;
    return new CheckResult("run-sample", CheckId.of("ec2_ebs_volume_encrypted"), status,
        "111122223333", "eu-west-1", arn, "AWS::EC2::Volume",
        List.of(ControlId.parse("A.8.24")), Severity.MEDIUM, at, Sha256.of(arn),
        status == CheckStatus.FAIL ? "volume is not encrypted" : "volume is encrypted");
  }

  @Test
  void theSampleEventsRecordAnAuditFromPlannedToCompletedAndCancelAnother() throws Exception {
    var fx = fixture();
    for (var step : SEQUENCE.entrySet()) {
      var raw = fx.api.handle(SampleEventsTest.read(step.getKey()));
      assertEquals(step.getValue(), raw.get("statusCode"), step.getKey() + ": " + raw);
      if (step.getKey().equals("audit-report")) {
        var headers = (Map<?, ?>) raw.get("headers");
        assertEquals(AuditsApi.HTML, headers.get("content-type"));
        var page = (String) raw.get("body");
        assertTrue(page.contains("Finding raised: <strong>F-AUD-2026-12-01-example-A-8-24"),
            page);
        assertTrue(page.contains("Name=&lt;script&gt;alert(1)&lt;/script&gt;"), page);
        assertFalse(page.contains("<script>"), page);
        continue;
      }
      expect(step.getKey(), ApiFixture.decode(raw));
    }
    var finding = fx.get("F-AUD-2026-12-01-example-A-8-24").expect(200);
    assertEquals("INTERNAL_AUDIT", finding.get("source"));
    assertEquals("MAJOR_NONCONFORMITY", finding.get("type"));
    assertEquals(AUDIT, finding.get("auditId"));
    assertEquals("owner@example.com", finding.get("owner"));
  }

  /** What each step's body says. */
  @SuppressWarnings("unchecked")
  private static void expect(String step, ApiFixture.Response r) {
    switch (step) {
      case "list-audits" -> assertEquals(List.of(AUDIT, "AUD-2027-02-01-example"),
          ((List<Map<String, Object>>) r.get("items")).stream().map(a -> a.get("id")).toList());
      case "get-audit" -> {
        assertEquals("PLANNED", r.get("status"));
        assertEquals("\"1\"", r.etag());
      }
      case "conclude-before-start" -> assertEquals("PLANNED", r.get("auditStatus"));
      case "start-audit" -> {
        assertEquals("IN_PROGRESS", r.get("status"));
        assertEquals("auditor@example.com", r.get("startedBy"));
        assertEquals("\"2\"", r.etag());
      }
      case "stale-audit-version" ->
          assertEquals("https://vigil.dev/problems/stale-version", r.get("type"));
      case "conclude-item-not-in-scope" -> assertEquals("item", r.get("field"));
      case "conclude-major-nonconformity" -> {
        var c = ((List<Map<String, Object>>) r.get("conclusions")).get(0);
        assertEquals("A.8.24", c.get("item"));
        assertEquals("F-AUD-2026-12-01-example-A-8-24", c.get("findingId"));
        var check = ((List<Map<String, Object>>) c.get("automated")).get(0);
        assertEquals("ec2_ebs_volume_encrypted", check.get("checkId"));
        assertEquals(1L, ((Number) check.get("passed")).longValue());
        assertEquals(2L, ((Number) check.get("failed")).longValue());
        assertEquals(List.of("9.2"), r.get("openItems"));
      }
      case "conclude-conforming" -> assertEquals(List.of(), r.get("openItems"));
      case "complete-audit" -> {
        assertEquals("COMPLETED", r.get("status"));
        assertNotNull(r.get("reportSha256"));
        assertEquals("\"5\"", r.etag());
      }
      case "cancel-audit" -> {
        assertEquals("CANCELLED", r.get("status"));
        assertEquals("manager@example.com", r.get("cancelledBy"));
      }
      default -> throw new AssertionError("no expectation for " + step);
    }
  }
}
