package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultFormatsTest {

  private static final CheckMetadata CHECK = CheckMetadata.builder("s3_bucket_versioning_enabled")
      .title("S3 bucket keeps object versions").resourceType("AWS::S3::Bucket")
      .severity(Severity.MEDIUM).supporting("A.8.13").rationale("r").remediation("enable it")
      .build();

  private static CheckResult result(String arn, CheckStatus status, String reason) {
    return new CheckResult("run-1", CheckId.of("s3_bucket_versioning_enabled"), status,
        "123456789012", "eu-west-1", arn, "AWS::S3::Bucket", List.of(ControlId.parse("A.8.13")),
        Severity.MEDIUM, Instant.parse("2026-11-28T06:00:00Z"), Sha256.of(arn), reason);
  }

  @Test
  void csv_quotesSeparatorsAndNeutralisesFormulas() {
    assertEquals("plain", ResultFormats.cell("plain"));
    assertEquals("\"a,b\"", ResultFormats.cell("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", ResultFormats.cell("say \"hi\""));
    assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", ResultFormats.cell("=HYPERLINK(\"http://x\")"));
    assertEquals("\"'@SUM(A1)\"", ResultFormats.cell("@SUM(A1)"));
  }

  @Test
  void csv_hasOneRowPerResultWithTheDocumentedColumns() {
    var csv = ResultFormats.write(ResultFormats.Format.CSV,
        List.of(result("arn:aws:s3:::b", CheckStatus.FAIL, "bucket b: versioning is off, really")),
        List.of(CHECK));
    var lines = csv.split("\r\n");
    assertEquals(2, lines.length);
    assertTrue(lines[0].startsWith("checkId,status,resourceArn,resourceType,accountId,region,"
        + "controls,severity,evidenceSha256,observedAt,reason,runId"));
    assertTrue(lines[1].contains(",FAIL,arn:aws:s3:::b,"), lines[1]);
    assertTrue(lines[1].contains("\"bucket b: versioning is off, really\""), lines[1]);
  }

  @Test
  void ocsf_mapsAResultToAComplianceFinding() throws Exception {
    var json = ResultFormats.write(ResultFormats.Format.OCSF,
        List.of(result("arn:aws:s3:::b", CheckStatus.FAIL, "versioning off"),
            result("arn:aws:s3:::c", CheckStatus.ERROR, "AccessDenied")), List.of(CHECK));

    var events = (List<?>) Json.parse(json);
    var fail = (Map<?, ?>) events.get(0);
    assertEquals(2003L, ((Number) fail.get("class_uid")).longValue());
    assertEquals(200301L, ((Number) fail.get("type_uid")).longValue());
    assertEquals(3L, ((Number) fail.get("severity_id")).longValue());
    var compliance = (Map<?, ?>) fail.get("compliance");
    assertEquals(List.of("A.8.13"), compliance.get("requirements"));
    assertEquals(List.of("ISO/IEC 27001:2022"), compliance.get("standards"));
    assertEquals(3L, ((Number) compliance.get("status_id")).longValue());
    assertEquals("S3 bucket keeps object versions",
        ((Map<?, ?>) fail.get("finding_info")).get("title"));
    assertEquals("arn:aws:s3:::b", ((Map<?, ?>) ((List<?>) fail.get("resources")).get(0)).get("uid"));
    assertEquals("enable it", ((Map<?, ?>) fail.get("remediation")).get("desc"));
    var error = (Map<?, ?>) ((Map<?, ?>) events.get(1)).get("compliance");
    assertEquals(99L, ((Number) error.get("status_id")).longValue(), "an error is never a pass");
    assertEquals("Error", error.get("status"));
  }
}
