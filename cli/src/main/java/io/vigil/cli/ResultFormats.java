package io.vigil.cli;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The machine-readable forms of check results that {@code vigil collect --format} writes:
 * {@code json} (Vigil's documented array, see {@link ResultsJson}), {@code csv} (one row per
 * result, spreadsheet-safe) and {@code ocsf} (an array of OCSF 1.1 Compliance Finding events,
 * class 2003, for SIEMs and security lakes).
 */
final class ResultFormats {

  /** The supported formats. */
  enum Format {
    JSON,
    CSV,
    OCSF
  }

  static final String STANDARD = "ISO/IEC 27001:2022";
  static final String OCSF_VERSION = "1.1.0";
  private static final List<String> CSV_COLUMNS = List.of("checkId", "status", "resourceArn",
      "resourceType", "accountId", "region", "controls", "severity", "evidenceSha256",
      "observedAt", "reason", "runId");

  private ResultFormats() {}

  static String write(Format format, List<CheckResult> results, List<CheckMetadata> catalogue) {
    var sorted = results.stream()
        .sorted(Comparator.comparing((CheckResult r) -> r.checkId().value())
            .thenComparing(CheckResult::accountId).thenComparing(CheckResult::region)
            .thenComparing(CheckResult::resourceArn))
        .toList();
    return switch (format) {
      case JSON -> ResultsJson.write(sorted);
      case CSV -> csv(sorted);
      case OCSF -> ocsf(sorted, catalogue.stream()
          .collect(Collectors.toMap(CheckMetadata::id, Function.identity())));
    };
  }

  static String csv(List<CheckResult> results) {
    var sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
    for (var r : results) {
      var e = ResultsJson.element(r);
      var cells = CSV_COLUMNS.stream().map(c -> {
        var v = e.get(c);
        return cell(v instanceof List<?> l
            ? l.stream().map(String::valueOf).collect(Collectors.joining(" ")) : String.valueOf(v));
      }).toList();
      sb.append(String.join(",", cells)).append("\r\n");
    }
    return sb.toString();
  }

  /**
   * One CSV cell (RFC 4180). Resource names and reasons come from the customer's estate, so a cell
   * that a spreadsheet would run as a formula is prefixed with an apostrophe.
   */
  static String cell(String value) {
    var v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
        || !v.equals(value)) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  static String ocsf(List<CheckResult> results, Map<CheckId, CheckMetadata> catalogue) {
    return Json.write(results.stream().map(r -> ocsfEvent(r, catalogue.get(r.checkId()))).toList());
  }

  static Map<String, Object> ocsfEvent(CheckResult r, CheckMetadata check) {
    var time = r.observedAt().toEpochMilli();
    var e = new LinkedHashMap<String, Object>();
    e.put("activity_id", 1);
    e.put("activity_name", "Create");
    e.put("category_uid", 2);
    e.put("category_name", "Findings");
    e.put("class_uid", 2003);
    e.put("class_name", "Compliance Finding");
    e.put("type_uid", 200301);
    e.put("type_name", "Compliance Finding: Create");
    e.put("severity_id", severityId(r.severity()));
    e.put("severity", capitalized(r.severity().name()));
    e.put("status_id", 1);
    e.put("status", "New");
    e.put("time", time);
    e.put("message", r.reason());
    e.put("metadata", Map.of("version", OCSF_VERSION,
        "product", Map.of("name", "Vigil", "vendor_name", "Vigil",
            "version", VigilCli.Version.VERSION)));
    var info = new LinkedHashMap<String, Object>();
    info.put("uid", Sha256.of(r.runId() + "|" + r.subjectKey()).hex());
    info.put("title", check == null ? r.checkId().value() : check.title());
    info.put("desc", r.reason());
    info.put("created_time", time);
    info.put("types", List.of(STANDARD));
    e.put("finding_info", info);
    var compliance = new LinkedHashMap<String, Object>();
    compliance.put("standards", List.of(STANDARD));
    compliance.put("requirements", r.controls().stream().map(ControlId::toString).toList());
    compliance.put("control", r.checkId().value());
    compliance.put("status_id", complianceStatusId(r.status()));
    compliance.put("status", complianceStatus(r.status()));
    compliance.put("status_detail", r.reason());
    e.put("compliance", compliance);
    var resource = new LinkedHashMap<String, Object>();
    resource.put("uid", r.resourceArn());
    resource.put("type", r.resourceType());
    resource.put("region", r.region());
    resource.put("account", Map.of("uid", r.accountId()));
    e.put("resources", List.of(resource));
    e.put("cloud", Map.of("provider", "AWS", "region", r.region(),
        "account", Map.of("uid", r.accountId(), "type", "AWS Account", "type_id", 10)));
    if (check != null) {
      e.put("remediation", Map.of("desc", check.remediation()));
    }
    e.put("unmapped", Map.of("evidence_sha256", r.evidenceSha256().hex(), "run_id", r.runId(),
        "vigil_status", r.status().name()));
    return e;
  }

  static int severityId(Severity s) {
    return switch (s) {
      case INFORMATIONAL -> 1;
      case LOW -> 2;
      case MEDIUM -> 3;
      case HIGH -> 4;
      case CRITICAL -> 5;
    };
  }

  /** OCSF compliance status: 1 Pass, 3 Fail, 99 Other (errors and not-applicable results). */
  static int complianceStatusId(CheckStatus s) {
    return switch (s) {
      case PASS -> 1;
      case FAIL -> 3;
      case ERROR, NOT_APPLICABLE -> 99;
    };
  }

  static String complianceStatus(CheckStatus s) {
    return switch (s) {
      case PASS -> "Pass";
      case FAIL -> "Fail";
      case ERROR -> "Error";
      case NOT_APPLICABLE -> "Not Applicable";
    };
  }

  private static String capitalized(String s) {
    return s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT);
  }
}
