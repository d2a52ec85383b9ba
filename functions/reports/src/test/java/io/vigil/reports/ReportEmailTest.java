package io.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.performance.Report;
import io.vigil.domain.performance.Report.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportEmailTest {

  private static final String LINK = "https://reports.acme.example/r?a=1&b=2";

  @Test
  void plainTextSummary() {
    var pack = new Sample().managementReview();
    var text = ReportEmail.text(pack, LINK);
    Artifacts.write("management-review.email.txt", text);
    assertTrue(text.startsWith("Management review 2026-11\nPeriod 2026-11 (2026-11-01 to"
        + " 2026-11-30)"), text);
    for (var h : pack.highlights()) {
      assertTrue(text.contains("  - " + h + "\n"), h);
    }
    assertTrue(text.contains("Full report: " + LINK + "\n"));
    assertEquals("Management review 2026-11", ReportEmail.subject(pack));
  }

  @Test
  void htmlSummaryEscapesAndLinks() {
    var report = new Report("management-review", "Review <b>", Sample.PERIOD, Sample.NOW,
        List.of(new Section("a", "a) <i>x</i>", List.of(new Report.NoData("none")))),
        List.of("open <script>alert(1)</script>"));
    var html = ReportEmail.html(report, LINK);
    Artifacts.write("email.html", html);
    assertFalse(html.contains("<script>"));
    assertFalse(html.contains("<b>"));
    assertTrue(html.contains("open &lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(html.contains("href=\"https://reports.acme.example/r?a=1&amp;b=2\""));
    assertTrue(html.contains("No data yet:</strong> a) &lt;i&gt;x&lt;/i&gt;"));
    assertEquals("Review <b>", ReportEmail.subject(report), "a subject is plain text");
    assertThrows(IllegalArgumentException.class, () -> ReportEmail.html(report,
        "javascript:alert(1)"));
    assertFalse(ReportEmail.html(report, null).contains("<a "));
  }

  @Test
  void aSubjectHasNoControlCharacters() {
    // found by RendererFuzzTest: only CR, LF and tab were replaced; NUL, ESC, VT, C1 controls
    // and the Unicode line separators went into the header
    var report = new Report("performance-summary", "A\u0000B\u0095C\u2028D\u001b[1mE\u000bF",
        Sample.PERIOD, Sample.NOW, List.of(), List.of());
    assertEquals("A B C D [1mE F", ReportEmail.subject(report));
  }

  @Test
  void aSubjectIsOneLine() {
    var report = new Report("performance-summary", "Line one\r\nline two", Sample.PERIOD,
        Sample.NOW, List.of(), List.of());
    assertEquals("Line one line two", ReportEmail.subject(report));
  }
}
