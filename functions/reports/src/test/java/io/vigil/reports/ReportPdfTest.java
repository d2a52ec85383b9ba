package io.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.performance.Report;
import io.vigil.domain.performance.Report.Chart;
import io.vigil.domain.performance.Report.NoData;
import io.vigil.domain.performance.Report.Paragraph;
import io.vigil.domain.performance.Report.Section;
import io.vigil.domain.performance.Report.Table;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReportPdfTest {

  private static Report pack;
  private static byte[] pdf;

  @BeforeAll
  static void render() {
    pack = new Sample().managementReview();
    pdf = ReportPdf.render(pack);
    Artifacts.write("management-review.pdf", pdf);
  }

  private static String text(byte[] bytes) throws IOException {
    try (var doc = Loader.loadPDF(bytes)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /** Extracted text with every run of white space as one space (headings may wrap). */
  private static String flat(byte[] bytes) throws IOException {
    return text(bytes).replaceAll("\\s+", " ");
  }

  @Test
  void theExtractedTextHasEveryInputOf932AndTheDecisions() throws IOException {
    var text = flat(pdf);
    var headings = List.of(
        "a) Status of actions from previous management reviews",
        "b) Changes in external and internal issues relevant to the ISMS",
        "c) Changes in needs and expectations of interested parties",
        "d) Feedback on information security performance",
        "e) Feedback from interested parties",
        "f) Results of risk assessment and status of the risk treatment plan",
        "g) Opportunities for continual improvement",
        "Decisions of the review (9.3.3)");
    for (var h : headings) {
      assertTrue(text.contains(h), "missing heading: " + h);
    }
    // and they are the builder's own headings, in its order
    int at = -1;
    for (var s : pack.sections()) {
      int next = text.indexOf(s.heading(), at + 1);
      assertTrue(next > at, "section in order: " + s.heading());
      at = next;
    }
  }

  @Test
  void a4PagesNumberedWithBookmarks() throws IOException {
    try (var doc = Loader.loadPDF(pdf)) {
      int n = doc.getNumberOfPages();
      assertTrue(n >= pack.sections().size(), "each section starts a page: " + n);
      for (PDPage page : doc.getPages()) {
        assertEquals(PDRectangle.A4.getWidth(), page.getMediaBox().getWidth(), 0.01);
        assertEquals(PDRectangle.A4.getHeight(), page.getMediaBox().getHeight(), 0.01);
      }
      var stripper = new PDFTextStripper();
      for (int i = 1; i <= n; i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        assertTrue(stripper.getText(doc).contains("Page " + i + " of " + n), "page " + i);
      }
      var outline = doc.getDocumentCatalog().getDocumentOutline();
      var titles = new ArrayList<String>();
      for (var item : outline.children()) {
        titles.add(item.getTitle());
      }
      assertEquals(pack.sections().stream().map(Section::heading).toList(), titles);
      assertEquals(pack.title(), doc.getDocumentInformation().getTitle());
    }
  }

  @Test
  void tablesParagraphsAndNoDataNotesAreInTheText() throws IOException {
    var text = flat(pdf);
    assertTrue(text.contains("Measures of 2026-11 and the period before"), "a table caption");
    assertTrue(text.contains("Control pass rate"));
    assertTrue(text.contains("Fund a second supplier reviewer"), "a decision of the last review");
    assertTrue(text.contains("Block public buckets organisation-wide by SCP"), "this review");
    for (var b : pack.sections().stream().flatMap(s -> s.blocks().stream()).toList()) {
      if (b instanceof NoData n) {
        assertTrue(text.contains("No data: " + n.text().replaceAll("\\s+", " ")), n.text());
      }
    }
  }

  @Test
  void chartsAreVectorGraphicsWithLabels() throws IOException {
    var text = flat(pdf);
    assertTrue(text.contains("Control pass rate over the last 12 months"));
    assertTrue(text.contains("88.0 %"), "a value label of the trend");
    assertTrue(text.contains("n/a"), "the gap of 2026-06 is marked");
    assertTrue(text.contains("major nonconformity"), "a bar label");
    try (var doc = Loader.loadPDF(pdf)) {
      int lines = 0;
      int rectangles = 0;
      for (PDPage page : doc.getPages()) {
        assertFalse(page.getResources().getCOSObject().containsKey(COSName.XOBJECT),
            "no images: charts are drawn");
        var counter = new Counter(page);
        counter.processPage(page);
        lines += counter.lines;
        rectangles += counter.rectangles;
      }
      assertTrue(lines > 100, "line segments: " + lines);
      assertTrue(rectangles > 20, "bars and table cells: " + rectangles);
    }
  }

  @Test
  void charactersWinAnsiCannotEncodeAreReplacedNotFatal() throws IOException {
    var report = report(List.of(new Paragraph("pass rate \u2265 90 % \u2192 target \u2264 5;"
        + " \u65e5\u672c \ud83d\ude00 \u0151 \u2014 dash \u2026 end \u201cq\u201d"),
        new NoData("\u2713 nothing \u2260 something"),
        new Table("t \u2265", List.of("h\u2192"), List.of(List.of("\u2264 cell")))));
    var text = flat(ReportPdf.render(report));
    assertTrue(text.contains("pass rate >= 90 % -> target <= 5;"), text);
    assertTrue(text.contains("; ?? ? o \u2014 dash \u2026 end \u201cq\u201d"),
        "CJK and emoji become ?, o-double-acute an o; WinAnsi has em dash, ellipsis and quotes:"
            + " kept: " + text);
    assertTrue(text.contains("No data: v nothing != something"), text);
    assertTrue(text.contains("<= cell"), text);
  }

  @Test
  void aLongTableRepeatsItsHeaderOnEveryPage() throws IOException {
    var rows = new ArrayList<List<String>>();
    for (int i = 1; i <= 160; i++) {
      rows.add(List.of("F-" + i, "finding number " + i + " with a description long enough to"
          + " wrap in its cell, on arn:aws:s3:::bucket-with-a-very-long-name-" + i,
          "owner" + i + "@acme.example"));
    }
    var report = report(List.of(new Table("All open findings", List.of("Finding",
        "Description", "Owner"), rows)));
    var bytes = ReportPdf.render(report);
    Artifacts.write("long-table.pdf", bytes);
    try (var doc = Loader.loadPDF(bytes)) {
      int n = doc.getNumberOfPages();
      assertTrue(n >= 3, "spans pages: " + n);
      var stripper = new PDFTextStripper();
      int tablePages = 0;
      for (int i = 1; i <= n; i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        var page = stripper.getText(doc);
        if (!page.contains("@acme.example")) {
          continue; // the chart section after the table
        }
        tablePages++;
        assertTrue(page.contains("Finding") && page.contains("Description")
            && page.contains("Owner"), "header on page " + i);
        if (i > 1) {
          assertTrue(page.contains("All open findings (continued)"), "page " + i);
        }
      }
      assertTrue(tablePages >= 3, "the table spans pages: " + tablePages);
    }
    var text = flat(bytes);
    for (int i = 1; i <= 160; i++) {
      assertTrue(text.contains("owner" + i + "@acme.example"), "row " + i);
    }
  }

  @Test
  void aCellTallerThanAPageIsSplitAcrossPages() throws IOException {
    var huge = String.join(" ", java.util.Collections.nCopies(2500, "word"));
    var report = report(List.of(new Table("Huge", List.of("A", "B"), List.of(List.of("x",
        huge), List.of("last", "row")))));
    var text = flat(ReportPdf.render(report));
    assertTrue(text.contains("last row"));
    assertEquals(2500, text.split("word", -1).length - 1);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard only: before the fix it never ended
  void aHeaderRowTallerThanAPageIsSplitAndNotRepeated() throws IOException {
    // found by RendererFuzzTest: a header row taller than a page was repeated on every
    // continuation page, which then had no room for a row: new pages without end
    var header = String.join(" ", Collections.nCopies(3000, "head"));
    var rows = new ArrayList<List<String>>();
    for (int i = 1; i <= 40; i++) {
      rows.add(List.of("row" + i, "x"));
    }
    var pdf = ReportPdf.render(report(List.of(new Table("c".repeat(10_000),
        List.of("A", header), rows))));
    try (var doc = Loader.loadPDF(pdf)) {
      assertTrue(doc.getNumberOfPages() < 20, "pages: " + doc.getNumberOfPages());
    }
    var text = flat(pdf);
    assertEquals(3000, text.split("head", -1).length - 1, "the header, whole and once");
    for (int i = 1; i <= 40; i++) {
      assertTrue(text.contains("row" + i + " x"), "row " + i);
    }
  }

  @Test
  void aSummaryRendersToo() throws IOException {
    var summary = new Sample().summary();
    var text = flat(ReportPdf.render(summary));
    assertTrue(text.contains("Key figures"));
    assertTrue(text.contains("Trends"));
    assertTrue(text.contains("Open findings by age"));
  }

  private static Report report(List<Report.Block> blocks) {
    return new Report("performance-summary", "Test", Sample.PERIOD, Sample.NOW,
        List.of(new Section("s", "Section", blocks), new Section("c", "Chart",
            List.of(new Chart(Chart.Kind.LINE, "trend", "%", List.of("a", "b", "c"),
                Arrays.asList(1.0, null, 3.0), 100.0)))), List.of("one"));
  }

  /** Counts the path operations of a page. */
  private static final class Counter extends PDFGraphicsStreamEngine {
    int lines;
    int rectangles;
    private final Point2D.Float current = new Point2D.Float();

    Counter(PDPage page) {
      super(page);
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
      rectangles++;
    }

    @Override
    public void drawImage(PDImage pdImage) {}

    @Override
    public void clip(int windingRule) {}

    @Override
    public void moveTo(float x, float y) {
      current.setLocation(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
      lines++;
      current.setLocation(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
      current.setLocation(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
      return current;
    }

    @Override
    public void closePath() {}

    @Override
    public void endPath() {}

    @Override
    public void strokePath() {}

    @Override
    public void fillPath(int windingRule) {}

    @Override
    public void fillAndStrokePath(int windingRule) {}

    @Override
    public void shadingFill(COSName shadingName) {}
  }
}
