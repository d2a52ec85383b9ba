package io.vigil.domain.register;

import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.report.Html;
import java.util.List;
import java.util.Map;

/**
 * Renders a Statement of Applicability (the map form {@link SoaService} generates and stores) as
 * CSV (one row per control; cells a spreadsheet would run as a formula are prefixed with
 * {@code '}), self-contained HTML (prints well; every text escaped) or canonical JSON.
 */
public final class SoaExport {

  private SoaExport() {}

  public static String json(Map<String, Object> soa) {
    return CanonicalJson.write(soa) + "\n";
  }

  public static String csv(Map<String, Object> soa) {
    var sb = new StringBuilder("control,title,theme,applicable,justification,status,"
        + "evidence_source,checks_passed,checks_failed,open_nonconformities,open_actions,"
        + "evidence_tasks,risks,implementation\r\n");
    for (var e : controls(soa)) {
      long passed = 0;
      long failed = 0;
      for (var c : list(e.get("checks"))) {
        passed += ((Number) c.get("passed")).longValue();
        failed += ((Number) c.get("failed")).longValue();
      }
      var tasks = list(e.get("evidenceTasks")).stream()
          .map(t -> t.get("taskId") + " (" + t.get("status") + ", due " + t.get("nextDue") + ")")
          .toList();
      sb.append(String.join(",", cell(e.get("control")), cell(e.get("title")),
          cell(e.get("theme")), cell(e.get("applicable")), cell(e.get("justification")),
          cell(e.get("status")), cell(e.get("evidenceSource")), cell(passed), cell(failed),
          cell(e.get("openNonconformities")), cell(e.get("openActions")),
          cell(String.join("; ", tasks)), cell(String.join("; ", strings(e.get("risks")))),
          cell(e.get("implementation")))).append("\r\n");
    }
    return sb.toString();
  }

  public static String html(Map<String, Object> soa) {
    var summary = map(soa.get("summary"));
    var version = soa.get("version");
    var sb = new StringBuilder(64 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Statement of Applicability</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}")
        .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;")
        .append("padding:.25rem .4rem;text-align:left;vertical-align:top;font-size:.85rem}")
        .append(".s-IMPLEMENTED{color:#1a7f37}.s-PARTIALLY_IMPLEMENTED{color:#b35c00;")
        .append("font-weight:bold}.s-NOT_ASSESSED{color:#6e7781}.s-NOT_APPLICABLE{color:#57606a}")
        .append("@media print{body{margin:0}tr{break-inside:avoid}}</style></head><body>\n")
        .append("<h1>Statement of Applicability</h1>\n<p>")
        .append(h(String.valueOf(soa.get("standard")))).append(" — ")
        .append(version == null ? "draft generated " + h(String.valueOf(soa.get("generatedOn")))
            : "version " + h(String.valueOf(version)) + ", approved by "
                + h(String.valueOf(soa.get("approvedBy"))) + " at "
                + h(String.valueOf(soa.get("approvedAt"))))
        .append("</p>\n<p>").append(summary.get("controls")).append(" controls: ")
        .append(summary.get("applicable")).append(" applicable, ")
        .append(summary.get("excluded")).append(" excluded, ")
        .append(summary.get("implemented")).append(" implemented, ")
        .append(summary.get("partiallyImplemented")).append(" partially implemented, ")
        .append(summary.get("notAssessed")).append(" not assessed, ")
        .append(summary.get("withFailingEvidence")).append(" with failing evidence.</p>\n");
    var undecided = strings(summary.get("undecided"));
    if (!undecided.isEmpty()) {
      sb.append("<p><strong>Without a justified decision:</strong> ")
          .append(h(String.join(", ", undecided))).append("</p>\n");
    }
    sb.append("<table><tr><th>Control</th><th>Applicable</th><th>Justification</th>")
        .append("<th>Status</th><th>Evidence</th><th>Risks</th></tr>\n");
    for (var e : controls(soa)) {
      long passed = 0;
      long failed = 0;
      for (var c : list(e.get("checks"))) {
        passed += ((Number) c.get("passed")).longValue();
        failed += ((Number) c.get("failed")).longValue();
      }
      sb.append("<tr><td>").append(h(String.valueOf(e.get("control")))).append(" ")
          .append(h(String.valueOf(e.get("title")))).append("</td><td>")
          .append(Boolean.TRUE.equals(e.get("applicable")) ? "yes" : "no").append("</td><td>")
          .append(h(String.valueOf(e.get("justification")))).append("</td><td class=\"s-")
          .append(h(String.valueOf(e.get("status")))).append("\">")
          .append(h(String.valueOf(e.get("status")).replace('_', ' ').toLowerCase(
              java.util.Locale.ROOT))).append("</td><td>")
          .append(h(String.valueOf(e.get("evidenceSource"))));
      if (passed + failed > 0) {
        sb.append("<br>checks: ").append(passed).append(" passed, ").append(failed)
            .append(" failed");
      }
      for (var t : list(e.get("evidenceTasks"))) {
        sb.append("<br>task ").append(h(String.valueOf(t.get("taskId")))).append(": ")
            .append(h(String.valueOf(t.get("status")))).append(", due ")
            .append(h(String.valueOf(t.get("nextDue"))));
      }
      sb.append("</td><td>").append(h(String.join(", ", strings(e.get("risks")))))
          .append("</td></tr>\n");
    }
    sb.append("</table>\n</body></html>\n");
    return sb.toString();
  }

  /** One-line counts, for the CLI and the demo. */
  public static String summaryLine(Map<String, Object> soa) {
    var s = map(soa.get("summary"));
    return s.get("controls") + " controls: " + s.get("applicable") + " applicable, "
        + s.get("excluded") + " excluded, " + s.get("implemented") + " implemented, "
        + s.get("partiallyImplemented") + " partially implemented, " + s.get("notAssessed")
        + " not assessed, " + s.get("withFailingEvidence") + " with failing evidence";
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> controls(Map<String, Object> soa) {
    return (List<Map<String, Object>>) soa.get("controls");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return o == null ? List.of() : (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object o) {
    return o == null ? List.of() : (List<String>) o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  private static String cell(Object value) {
    var s = value == null ? "" : String.valueOf(value);
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  private static String h(String s) {
    return Html.escape(s);
  }
}
