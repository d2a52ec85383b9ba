package io.vigil.reports;

import static io.vigil.domain.report.Html.escape;

import io.vigil.domain.performance.Report;
import io.vigil.domain.performance.Report.Chart;
import io.vigil.domain.performance.Report.NoData;
import io.vigil.domain.performance.Report.Paragraph;
import io.vigil.domain.performance.Report.Table;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link Report} as one self-contained HTML page: inline CSS, charts as inline SVG, no scripts
 * and no external resources (a Content-Security-Policy forbids both), every recorded text escaped
 * (resource names and notes are untrusted). It prints on A4 with each section on a new page, table
 * headers repeated and charts and rows kept whole.
 */
public final class ReportHtml {

  static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
      Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final String CSS = """
      :root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad;
        --accent-soft: #dbe9f7; --warn: #9a6700; --warn-soft: #fff8c5; }
      * { box-sizing: border-box; }
      html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { margin: 0 auto; max-width: 1000px; padding: 24px 32px 48px; color: var(--ink);
        font: 14px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
      header.report { border-bottom: 3px solid var(--accent); margin-bottom: 16px; }
      h1 { font-size: 26px; margin: 0 0 4px; }
      h2 { font-size: 19px; margin: 0 0 12px; color: var(--accent); break-after: avoid;
        page-break-after: avoid; }
      .meta { color: var(--muted); margin: 0 0 12px; }
      .highlights { background: var(--accent-soft); border-radius: 6px; padding: 12px 20px; }
      .highlights h2 { color: var(--ink); font-size: 16px; margin-bottom: 4px; }
      .highlights ul { margin: 0; padding-left: 20px; }
      nav.contents ol { columns: 2; padding-left: 20px; }
      nav.contents a { color: var(--accent); text-decoration: none; }
      section.section { margin-top: 32px; }
      p.no-data { background: var(--warn-soft); border-left: 4px solid var(--warn);
        padding: 8px 12px; margin: 8px 0; }
      .table-wrap { overflow-x: auto; margin: 12px 0 16px; }
      table { border-collapse: collapse; width: 100%; font-size: 13px; }
      caption { caption-side: top; text-align: left; font-weight: 600; padding: 4px 0; }
      th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left;
        vertical-align: top; overflow-wrap: anywhere; }
      thead th { background: #f0f3f6; }
      tbody tr:nth-child(even) td { background: #f8fafc; }
      figure.chart { margin: 12px 0 20px; break-inside: avoid; page-break-inside: avoid; }
      figure.chart svg { max-width: 100%; height: auto; display: block; }
      figcaption { color: var(--muted); font-size: 12px; }
      svg .chart-title { font: 600 14px sans-serif; fill: var(--ink); }
      svg .axis-label, svg .bar-label { font: 11px sans-serif; fill: var(--muted); }
      svg .axis-label.gap { font-style: italic; fill: #8c959f; }
      svg .value-label { font: 600 11px sans-serif; fill: var(--ink); }
      svg .chart-empty { font: italic 13px sans-serif; fill: var(--muted); }
      svg .gap-mark { font: 13px sans-serif; fill: #8c959f; }
      svg .grid { stroke: #eaeef2; stroke-width: 1; }
      svg .axis { stroke: var(--muted); stroke-width: 1; }
      svg .series { stroke: var(--accent); stroke-width: 2.5; }
      svg circle { fill: var(--accent); }
      svg rect { fill: var(--accent); }
      footer { margin-top: 40px; color: var(--muted); font-size: 12px;
        border-top: 1px solid var(--line); padding-top: 8px; }
      @page { size: A4; margin: 14mm 12mm; }
      @media print {
        body { max-width: none; padding: 0; font-size: 11pt; }
        nav.contents { display: none; }
        section.section { margin-top: 0; break-before: page; page-break-before: always; }
        .table-wrap { overflow: visible; }
        thead { display: table-header-group; }
        tr, td, th { break-inside: avoid; page-break-inside: avoid; }
        a { color: inherit; text-decoration: none; }
      }
      """;

  private ReportHtml() {}

  /** The page. */
  public static String render(Report report) {
    Objects.requireNonNull(report, "report");
    var sb = new StringBuilder(64 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"Vigil\">\n")
        .append("<title>").append(escape(report.title())).append("</title>\n<style>\n")
        .append(CSS).append("</style>\n</head>\n<body>\n");
    sb.append("<header class=\"report\">\n<h1>").append(escape(report.title())).append("</h1>\n")
        .append("<p class=\"meta\">").append(escape(meta(report))).append("</p>\n</header>\n");
    sb.append("<main>\n");
    if (!report.highlights().isEmpty()) {
      sb.append("<section class=\"highlights\" aria-labelledby=\"highlights\">\n"
          + "<h2 id=\"highlights\">Highlights</h2>\n<ul>\n");
      report.highlights().forEach(h -> sb.append("<li>").append(escape(h)).append("</li>\n"));
      sb.append("</ul>\n</section>\n");
    }
    var ids = new HashSet<String>();
    var sectionIds = new java.util.ArrayList<String>();
    for (var section : report.sections()) {
      sectionIds.add(uniqueId("section-" + section.id(), ids));
    }
    if (report.sections().size() > 1) {
      sb.append("<nav class=\"contents\" aria-label=\"Contents\">\n<ol>\n");
      for (int i = 0; i < report.sections().size(); i++) {
        sb.append("<li><a href=\"#").append(sectionIds.get(i)).append("\">")
            .append(escape(report.sections().get(i).heading())).append("</a></li>\n");
      }
      sb.append("</ol>\n</nav>\n");
    }
    int chart = 0;
    for (int i = 0; i < report.sections().size(); i++) {
      var section = report.sections().get(i);
      var id = sectionIds.get(i);
      sb.append("<section class=\"section\" id=\"").append(id).append("\" aria-labelledby=\"")
          .append(id).append("-h\">\n<h2 id=\"").append(id).append("-h\">")
          .append(escape(section.heading())).append("</h2>\n");
      for (var block : section.blocks()) {
        if (block instanceof Paragraph p) {
          sb.append("<p>").append(multiline(p.text())).append("</p>\n");
        } else if (block instanceof NoData n) {
          sb.append("<p class=\"no-data\" role=\"note\"><strong>No data:</strong> ")
              .append(multiline(n.text())).append("</p>\n");
        } else if (block instanceof Table t) {
          table(sb, t);
        } else if (block instanceof Chart c) {
          var chartId = uniqueId("chart-" + (++chart), ids);
          sb.append("<figure class=\"chart\">\n").append(SvgChart.render(c, chartId))
              .append("\n<figcaption>").append(escape(c.title())).append("</figcaption>\n")
              .append("</figure>\n");
        }
      }
      sb.append("</section>\n");
    }
    sb.append("</main>\n<footer>").append(escape("Generated by Vigil on "
        + GENERATED.format(report.generatedAt()) + " from its records; every section says when"
        + " its source has no data yet.")).append("</footer>\n</body>\n</html>\n");
    return sb.toString();
  }

  static String meta(Report report) {
    var p = report.period();
    return "Period " + p.id() + " (" + p.start() + " to " + p.lastDay() + ") \u00b7 generated "
        + GENERATED.format(report.generatedAt());
  }

  private static void table(StringBuilder sb, Table t) {
    sb.append("<div class=\"table-wrap\">\n<table>\n");
    if (t.caption() != null && !t.caption().isBlank()) {
      sb.append("<caption>").append(escape(t.caption())).append("</caption>\n");
    }
    sb.append("<thead><tr>");
    t.headers().forEach(h -> sb.append("<th scope=\"col\">").append(escape(h)).append("</th>"));
    sb.append("</tr></thead>\n<tbody>\n");
    if (t.rows().isEmpty()) {
      sb.append("<tr><td colspan=\"").append(Math.max(1, t.headers().size()))
          .append("\">No rows.</td></tr>\n");
    }
    for (var row : t.rows()) {
      sb.append("<tr>");
      row.forEach(c -> sb.append("<td>").append(multiline(c)).append("</td>"));
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table>\n</div>\n");
  }

  private static String multiline(String text) {
    return escape(text).replace("\n", "<br>");
  }

  /** An element id from untrusted text: letters, digits and dashes only, unique in the page. */
  static String uniqueId(String raw, Set<String> used) {
    var base = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
        .replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
      base = "s-" + base;
    }
    var id = base;
    for (int i = 2; !used.add(id); i++) {
      id = base + "-" + i;
    }
    return id;
  }
}
