package io.vigil.reports;

import static io.vigil.domain.report.Html.escape;

import io.vigil.domain.performance.Report;
import io.vigil.domain.performance.Report.NoData;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A short e-mail about a {@link Report}: subject, a plain-text body and an HTML body with the
 * highlights, the sections that have no data yet and a link to the full report. The HTML is
 * inline-styled (mail clients drop style sheets), has no scripts or images, and escapes every
 * recorded text.
 */
public final class ReportEmail {

  private ReportEmail() {}

  /**
   * The subject line: the title, on one line: line breaks, line and paragraph separators and
   * other control characters (which have no place in a header) become spaces.
   */
  public static String subject(Report report) {
    Objects.requireNonNull(report, "report");
    return oneLine(report.title());
  }

  /**
   * The plain-text body.
   *
   * @param link the full report (http or https URL), or null for none
   */
  public static String text(Report report, String link) {
    Objects.requireNonNull(report, "report");
    var url = checked(link);
    var sb = new StringBuilder();
    sb.append(oneLine(report.title())).append('\n').append(ReportHtml.meta(report)).append("\n\n");
    if (!report.highlights().isEmpty()) {
      sb.append("Highlights\n");
      report.highlights().forEach(h -> sb.append("  - ").append(oneLine(h)).append('\n'));
      sb.append('\n');
    }
    var empty = emptySections(report);
    if (!empty.isEmpty()) {
      sb.append("No data yet: ").append(String.join("; ", empty)).append("\n\n");
    }
    if (url != null) {
      sb.append("Full report: ").append(url).append('\n');
    }
    sb.append("\n-- \nSent by Vigil.\n");
    return sb.toString();
  }

  /**
   * The HTML body.
   *
   * @param link the full report (http or https URL), or null for none
   */
  public static String html(Report report, String link) {
    Objects.requireNonNull(report, "report");
    var url = checked(link);
    var sb = new StringBuilder(4096);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(report.title())).append("</title></head>\n")
        .append("<body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;"
            + "font-size:14px;line-height:1.5;color:#1b1f24\">\n")
        .append("<h1 style=\"font-size:20px;margin:0 0 4px;color:#0b5cad\">")
        .append(escape(report.title())).append("</h1>\n")
        .append("<p style=\"margin:0 0 12px;color:#57606a\">").append(escape(ReportHtml.meta(
            report))).append("</p>\n");
    if (!report.highlights().isEmpty()) {
      sb.append("<h2 style=\"font-size:16px;margin:12px 0 4px\">Highlights</h2>\n<ul>\n");
      report.highlights().forEach(h -> sb.append("<li>").append(escape(h)).append("</li>\n"));
      sb.append("</ul>\n");
    }
    var empty = emptySections(report);
    if (!empty.isEmpty()) {
      sb.append("<p style=\"background:#fff8c5;border-left:4px solid #9a6700;padding:6px 10px\">"
          + "<strong>No data yet:</strong> ").append(escape(String.join("; ", empty)))
          .append("</p>\n");
    }
    if (url != null) {
      sb.append("<p><a href=\"").append(escape(url)).append("\" style=\"display:inline-block;"
          + "background:#0b5cad;color:#ffffff;padding:8px 14px;border-radius:4px;"
          + "text-decoration:none\">Open the full report</a></p>\n");
    }
    sb.append("<p style=\"color:#57606a;font-size:12px\">Sent by Vigil.</p>\n</body></html>\n");
    return sb.toString();
  }

  private static List<String> emptySections(Report report) {
    return report.sections().stream()
        .filter(s -> !s.blocks().isEmpty() && s.blocks().stream().allMatch(b -> b instanceof NoData))
        .map(s -> oneLine(s.heading()))
        .toList();
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("[\\p{Cc}\u2028\u2029]+", " ").strip();
  }

  /** {@code link} as an http(s) URL; null when blank; refused (naming why) otherwise. */
  static String checked(String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(link.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the report link is not a URL: " + e.getMessage());
    }
    var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      throw new IllegalArgumentException("the report link must be an http(s) URL, not '"
          + link + "'");
    }
    return uri.toString();
  }
}
