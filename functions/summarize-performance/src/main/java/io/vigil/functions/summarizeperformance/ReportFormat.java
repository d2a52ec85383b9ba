package io.vigil.functions.summarizeperformance;

import io.vigil.domain.performance.Report;
import io.vigil.reports.ReportHtml;
import io.vigil.reports.ReportMarkdown;
import io.vigil.reports.ReportPdf;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The documents of a report: HTML (inline SVG charts), PDF and Markdown. */
public enum ReportFormat {

  HTML("html", "text/html; charset=utf-8"),
  PDF("pdf", "application/pdf"),
  MARKDOWN("md", "text/markdown; charset=utf-8");

  private final String extension;
  private final String contentType;

  ReportFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  /** The file extension, also the format's name in manifests and the CLI: html, pdf, md. */
  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  /** The document's bytes. */
  public byte[] render(Report report) {
    return switch (this) {
      case HTML -> ReportHtml.render(report).getBytes(StandardCharsets.UTF_8);
      case PDF -> ReportPdf.render(report);
      case MARKDOWN -> ReportMarkdown.render(report).getBytes(StandardCharsets.UTF_8);
    };
  }

  /** The format of extension {@code ext} (html, pdf, md; case-insensitive). */
  public static java.util.Optional<ReportFormat> ofExtension(String ext) {
    var e = ext == null ? "" : ext.strip().toLowerCase(Locale.ROOT);
    for (var f : values()) {
      if (f.extension.equals(e)) {
        return java.util.Optional.of(f);
      }
    }
    return java.util.Optional.empty();
  }
}
