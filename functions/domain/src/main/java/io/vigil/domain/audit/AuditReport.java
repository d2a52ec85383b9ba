package io.vigil.domain.audit;

import io.vigil.domain.report.Html;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The report of one internal audit (clause 9.2.2 e: results reported to relevant management):
 * plan (criteria, scope, method, auditor, dates), the conclusion on each item with the evidence
 * the auditor named and the check results linked automatically, the findings raised and the
 * auditor's summary. Rendered as a self-contained HTML page (prints well) and as Markdown; every
 * recorded text is escaped (it may contain resource names and other collected, untrusted text).
 * {@link #document()} is what the evidence vault stores: the record's content and the HTML.
 */
public final class AuditReport {

  /** {@code kind} of the stored document. */
  public static final String KIND = "vigil.audit-report";

  private final AuditRecord record;

  public AuditReport(AuditRecord record) {
    this.record = Objects.requireNonNull(record, "record");
  }

  public AuditRecord record() {
    return record;
  }

  /** Number of items per conclusion (every conclusion listed, zero included). */
  public Map<Conclusion, Integer> counts() {
    var counts = new EnumMap<Conclusion, Integer>(Conclusion.class);
    for (var c : Conclusion.values()) {
      counts.put(c, 0);
    }
    record.conclusions().values().forEach(c -> counts.merge(c.conclusion(), 1, Integer::sum));
    return counts;
  }

  /** The canonical content stored in the vault (JSON-compatible maps, lists and strings). */
  public Map<String, Object> document() {
    var plan = record.plan();
    var d = new LinkedHashMap<String, Object>();
    d.put("kind", KIND);
    d.put("schemaVersion", 1);
    d.put("auditId", plan.id());
    d.put("status", record.status().name());
    d.put("plannedDate", plan.date().toString());
    d.put("auditor", text(plan.auditor()));
    d.put("auditorEmail", text(plan.auditorEmail()));
    d.put("criteria", text(plan.criteria()));
    d.put("scope", text(plan.scope()));
    d.put("method", text(plan.method()));
    d.put("items", plan.items());
    d.put("startedAt", time(record.startedAt()));
    d.put("startedBy", text(record.startedBy()));
    d.put("completedAt", time(record.completedAt()));
    d.put("completedBy", text(record.completedBy()));
    d.put("summary", text(record.summary()));
    var conclusions = ConclusionsJson.write(record.conclusions().values());
    d.put("conclusions", conclusions);
    d.put("html", html());
    return d;
  }

  /** A Markdown rendering (for chat, e-mail and the CLI). */
  public String markdown() {
    var plan = record.plan();
    var sb = new StringBuilder();
    sb.append("# Internal audit report ").append(md(plan.id())).append("\n\n");
    sb.append("| | |\n|---|---|\n");
    row(sb, "Status", record.status().name());
    row(sb, "Planned date", plan.date().toString());
    row(sb, "Auditor", auditorLabel());
    row(sb, "Started", when(record.startedAt(), record.startedBy()));
    row(sb, "Completed", when(record.completedAt(), record.completedBy()));
    row(sb, "Criteria", plan.criteria());
    row(sb, "Scope", plan.scope());
    row(sb, "Method", plan.method());
    if (record.reportSha256() != null) {
      row(sb, "Stored report (SHA-256)", record.reportSha256());
    }
    sb.append("\n## Conclusions\n\n");
    counts().forEach((c, n) -> sb.append("- ").append(c.label()).append(": ").append(n)
        .append('\n'));
    if (!record.openItems().isEmpty()) {
      sb.append("- not yet concluded: ").append(md(String.join(", ", record.openItems())))
          .append('\n');
    }
    for (var c : record.conclusions().values()) {
      sb.append("\n### ").append(md(c.item())).append(" — ").append(c.conclusion().label())
          .append("\n\n");
      if (!c.notes().isBlank()) {
        sb.append(md(c.notes())).append("\n\n");
      }
      if (c.findingId() != null) {
        sb.append("Finding raised: **").append(md(c.findingId().value())).append("**\n\n");
      }
      for (var e : c.evidence()) {
        sb.append("- Evidence: ").append(md(e)).append('\n');
      }
      for (var e : c.automated()) {
        sb.append("- Check `").append(md(e.checkId())).append("`: ").append(e.passed())
            .append(" passed, ").append(e.failed()).append(" failed, ").append(e.errors())
            .append(" errors, ").append(e.notApplicable()).append(" not applicable (latest ")
            .append(time(e.latestObservedAt())).append(")\n");
        for (var f : e.failingListed()) {
          sb.append("  - failing: ").append(md(f.resourceArn())).append(" (account ")
              .append(md(f.accountId())).append(", evidence sha256 ")
              .append(md(text(f.evidenceSha256()))).append(")\n");
        }
      }
      sb.append("\nRecorded by ").append(md(c.recordedBy())).append(" at ")
          .append(time(c.recordedAt())).append(".\n");
    }
    if (record.summary() != null && !record.summary().isBlank()) {
      sb.append("\n## Auditor's summary\n\n").append(md(record.summary())).append('\n');
    }
    sb.append("\n").append(INDEPENDENCE).append('\n');
    return sb.toString();
  }

  static final String INDEPENDENCE = "The auditor was assigned by Vigil's audit programme, which"
      + " never assigns an item to its owner or to an implementer of an open corrective action on"
      + " it (objectivity and impartiality, clause 9.2.2 c).";

  /** A self-contained HTML page (inline CSS, no scripts, no external resources). */
  public String html() {
    var plan = record.plan();
    var sb = new StringBuilder(8192);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Internal audit report ").append(h(plan.id())).append("</title>")
        .append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}")
        .append("table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;")
        .append("padding:.3rem .5rem;text-align:left;vertical-align:top}")
        .append(".c-CONFORMING{color:#1a7f37}.c-MAJOR_NONCONFORMITY{color:#b00020;font-weight:bold}")
        .append(".c-MINOR_NONCONFORMITY{color:#b35c00}.c-OBSERVATION,")
        .append(".c-OPPORTUNITY_FOR_IMPROVEMENT{color:#0550ae}")
        .append("code{font-size:.9em}@media print{body{margin:0}h2{break-before:auto}")
        .append("section{break-inside:avoid}}</style></head><body>\n");
    sb.append("<h1>Internal audit report ").append(h(plan.id())).append("</h1>\n<table>");
    hrow(sb, "Status", record.status().name());
    hrow(sb, "Planned date", plan.date().toString());
    hrow(sb, "Auditor", auditorLabel());
    hrow(sb, "Started", when(record.startedAt(), record.startedBy()));
    hrow(sb, "Completed", when(record.completedAt(), record.completedBy()));
    hrow(sb, "Criteria", plan.criteria());
    hrow(sb, "Scope", plan.scope());
    hrow(sb, "Method", plan.method());
    sb.append("</table>\n<h2>Conclusions</h2>\n<table><tr><th>Conclusion</th><th>Items</th></tr>");
    counts().forEach((c, n) -> sb.append("<tr><td class=\"c-").append(c.name()).append("\">")
        .append(h(c.label())).append("</td><td>").append(n).append("</td></tr>"));
    sb.append("</table>\n");
    if (!record.openItems().isEmpty()) {
      sb.append("<p>Not yet concluded: ").append(h(String.join(", ", record.openItems())))
          .append("</p>\n");
    }
    for (var c : record.conclusions().values()) {
      sb.append("<section><h3>").append(h(c.item())).append(" — <span class=\"c-")
          .append(c.conclusion().name()).append("\">").append(h(c.conclusion().label()))
          .append("</span></h3>\n");
      if (!c.notes().isBlank()) {
        sb.append("<p>").append(h(c.notes()).replace("\n", "<br>")).append("</p>\n");
      }
      if (c.findingId() != null) {
        sb.append("<p>Finding raised: <strong>").append(h(c.findingId().value()))
            .append("</strong></p>\n");
      }
      if (!c.evidence().isEmpty()) {
        sb.append("<p>Evidence named by the auditor:</p><ul>");
        c.evidence().forEach(e -> sb.append("<li>").append(h(e)).append("</li>"));
        sb.append("</ul>\n");
      }
      if (!c.automated().isEmpty()) {
        sb.append("<table><tr><th>Check</th><th>Passed</th><th>Failed</th><th>Errors</th>")
            .append("<th>N/A</th><th>Latest result</th><th>Failing resources (evidence)</th>")
            .append("</tr>");
        for (var e : c.automated()) {
          sb.append("<tr><td><code>").append(h(e.checkId())).append("</code><br>")
              .append(h(e.title())).append("</td><td>").append(e.passed()).append("</td><td>")
              .append(e.failed()).append("</td><td>").append(e.errors()).append("</td><td>")
              .append(e.notApplicable()).append("</td><td>").append(h(time(e.latestObservedAt())))
              .append("</td><td>");
          for (var f : e.failingListed()) {
            sb.append(h(f.resourceArn())).append(" <code>")
                .append(h(abbreviate(text(f.evidenceSha256())))).append("</code><br>");
          }
          if (e.failed() > e.failingListed().size()) {
            sb.append("… and ").append(e.failed() - e.failingListed().size()).append(" more");
          }
          sb.append("</td></tr>");
        }
        sb.append("</table>\n");
      }
      sb.append("<p><small>Recorded by ").append(h(c.recordedBy())).append(" at ")
          .append(h(time(c.recordedAt()))).append("</small></p></section>\n");
    }
    if (record.summary() != null && !record.summary().isBlank()) {
      sb.append("<h2>Auditor's summary</h2><p>").append(h(record.summary()).replace("\n", "<br>"))
          .append("</p>\n");
    }
    sb.append("<p><small>").append(h(INDEPENDENCE)).append("</small></p>\n</body></html>\n");
    return sb.toString();
  }

  private String auditorLabel() {
    var plan = record.plan();
    return text(plan.auditor()) + (plan.auditorEmail() == null ? ""
        : " <" + plan.auditorEmail() + ">");
  }

  private static String when(Instant at, String by) {
    return at == null ? "—" : time(at) + (by == null ? "" : " by " + by);
  }

  private static void row(StringBuilder sb, String key, String value) {
    sb.append("| ").append(key).append(" | ").append(md(text(value)).replace("\n", " "))
        .append(" |\n");
  }

  private static void hrow(StringBuilder sb, String key, String value) {
    sb.append("<tr><th>").append(h(key)).append("</th><td>").append(h(text(value)))
        .append("</td></tr>");
  }

  private static String abbreviate(String sha) {
    return sha.length() > 16 ? sha.substring(0, 16) + "…" : sha;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static String time(Instant t) {
    return t == null ? "" : t.toString();
  }

  static String h(String s) {
    return Html.escape(s);
  }

  static String md(String s) {
    return Html.markdown(s);
  }
}
