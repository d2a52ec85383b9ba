package io.vigil.reports;

import static io.vigil.domain.report.Html.markdown;

import io.vigil.domain.performance.Report;
import io.vigil.domain.performance.Report.Chart;
import io.vigil.domain.performance.Report.NoData;
import io.vigil.domain.performance.Report.Paragraph;
import io.vigil.domain.performance.Report.Table;
import java.util.Objects;

/**
 * A {@link Report} as (GitHub-flavoured) Markdown: headings, paragraphs, tables, the "no data"
 * notes as quotes, and each chart as a small table of its values. Every recorded text is escaped
 * so that it cannot format, link or break a table.
 */
public final class ReportMarkdown {

  private ReportMarkdown() {}

  public static String render(Report report) {
    Objects.requireNonNull(report, "report");
    var sb = new StringBuilder(16 * 1024);
    sb.append("# ").append(line(report.title())).append("\n\n");
    sb.append('_').append(line(ReportHtml.meta(report))).append("_\n\n");
    if (!report.highlights().isEmpty()) {
      sb.append("## Highlights\n\n");
      report.highlights().forEach(h -> sb.append("- ").append(line(h)).append('\n'));
      sb.append('\n');
    }
    for (var section : report.sections()) {
      sb.append("## ").append(line(section.heading())).append("\n\n");
      for (var block : section.blocks()) {
        if (block instanceof Paragraph p) {
          sb.append(text(p.text())).append("\n\n");
        } else if (block instanceof NoData n) {
          sb.append("> **No data:** ").append(text(n.text()).replace("\n", "\n> "))
              .append("\n\n");
        } else if (block instanceof Table t) {
          table(sb, t);
        } else if (block instanceof Chart c) {
          chart(sb, c);
        }
      }
    }
    return sb.toString();
  }

  private static void table(StringBuilder sb, Table t) {
    var caption = line(t.caption());
    if (!caption.isEmpty()) {
      // (not "****" for a caption of control characters: that is a thematic break)
      sb.append("**").append(caption).append("**\n\n");
    }
    row(sb, t.headers());
    sb.append('|');
    t.headers().forEach(h -> sb.append(" --- |"));
    sb.append('\n');
    t.rows().forEach(r -> row(sb, r));
    sb.append('\n');
  }

  private static void chart(StringBuilder sb, Chart c) {
    sb.append("**").append(line(c.title())).append("** (chart)\n\n");
    if (c.labels().isEmpty()) {
      sb.append("_No data yet for this chart._\n\n");
      return;
    }
    var scale = ChartScale.of(c);
    sb.append("| ").append(c.kind() == Chart.Kind.LINE ? "Period" : "Category").append(" | ")
        .append(line(c.unit() == null || c.unit().isBlank() ? "Value" : "Value ("
            + c.unit() + ")")).append(" |\n| --- | ---: |\n");
    for (int i = 0; i < c.labels().size(); i++) {
      sb.append("| ").append(line(c.labels().get(i))).append(" | ")
          .append(line(scale.value(c.values().get(i)))).append(" |\n");
    }
    sb.append('\n');
  }

  private static void row(StringBuilder sb, java.util.List<String> cells) {
    sb.append('|');
    for (var c : cells) {
      sb.append(' ').append(line(c)).append(" |");
    }
    sb.append('\n');
  }

  /** Escaped text on one line (table cells, headings, list items). */
  private static String line(String s) {
    return markdown(s == null ? "" : s.replace("\r", "").replace("\n", " ")).strip();
  }

  /**
   * Escaped text; line breaks kept as hard breaks. A line that would start an ordered list
   * ({@code 1.}) or underline a heading ({@code ===}) is escaped too, and a line's leading
   * blanks are dropped: four of them at the start of a paragraph would make a code block.
   */
  private static String text(String s) {
    var lines = markdown(s == null ? "" : s.replace("\r", "")).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      lines[i] = lines[i].replaceFirst("^[ \\t]+", "")
          .replaceFirst("^(\\d+)([.)])", "$1\\\\$2")
          .replaceFirst("^=", "\\\\=");
    }
    return String.join("  \n", lines);
  }
}
