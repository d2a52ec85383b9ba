package io.vigil.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.finding.FindingId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit report renders every recorded fact, escapes untrusted text and is reproducible. */
class AuditReportTest {

  private static final String HOSTILE = "<script>alert(1)</script> | [x](javascript:y) *b*";

  private static AuditRecord record() {
    var plan = new AuditPlan.PlannedAudit("AUD-1", LocalDate.parse("2027-03-10"), "carol",
        "carol@example.com", List.of("A.8.24", "9.2", "A.8.5"), "criteria", "scope", "method");
    var evidence = new CheckEvidence("kms_cmk_rotation_enabled", "KMS keys rotate", 3, 12, 0, 1,
        Instant.parse("2027-03-10T06:00:00Z"), List.of(new CheckEvidence.FailingResource(
            "111111111111", "arn:aws:kms:eu-west-1:111111111111:key/" + HOSTILE,
            Instant.parse("2027-03-10T06:00:00Z"), "ab".repeat(32), "off")));
    var at = Instant.parse("2027-03-10T10:00:00Z");
    return new AuditRecord(plan, AuditStatus.COMPLETED, Instant.parse("2027-03-10T08:00:00Z"),
        "carol@example.com", Map.of(
            "A.8.24", new ItemConclusion("A.8.24", Conclusion.MAJOR_NONCONFORMITY, HOSTILE,
                List.of(HOSTILE), List.of(evidence), FindingId.of("F-AUD-1-A-8-24"),
                "carol@example.com", at),
            "9.2", new ItemConclusion("9.2", Conclusion.CONFORMING, "", List.of(), List.of(), null,
                "carol@example.com", at)),
        at, "carol@example.com", "Summary " + HOSTILE, null, null, null, null, 5);
  }

  @Test
  void html_escapesEveryRecordedText_andListsTheFacts() {
    var html = new AuditReport(record()).html();
    assertFalse(html.contains("<script>"), "unescaped script");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertFalse(html.contains("href="), "no links from recorded text");
    assertTrue(html.contains("F-AUD-1-A-8-24"));
    assertTrue(html.contains("kms_cmk_rotation_enabled"));
    assertTrue(html.contains("… and 11 more"), "failing resources beyond the listed ones");
    assertTrue(html.contains("Not yet concluded: A.8.5"));
    assertTrue(html.contains("major nonconformity"));
    assertFalse(html.contains("<link") || html.contains("<img") || html.contains("src="),
        "self-contained");
  }

  @Test
  void markdown_escapesFormatting() {
    var md = new AuditReport(record()).markdown();
    assertFalse(md.contains("[x](javascript:y)"), md);
    assertTrue(md.contains("\\[x\\]\\(javascript:y\\)"), md);
    assertTrue(md.contains("\\| \\[x\\]"), "no broken table cells");
    assertTrue(md.contains("major nonconformity: 1"));
    assertTrue(md.contains("conforming: 1"));
  }

  @Test
  void document_isReproducible_andCountsEveryConclusion() {
    var a = CanonicalJson.write(new AuditReport(record()).document());
    var b = CanonicalJson.write(new AuditReport(record()).document());
    assertEquals(a, b);
    var counts = new AuditReport(record()).counts();
    assertEquals(1, counts.get(Conclusion.MAJOR_NONCONFORMITY));
    assertEquals(1, counts.get(Conclusion.CONFORMING));
    assertEquals(0, counts.get(Conclusion.OBSERVATION));
  }
}
