package io.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.performance.Period;
import io.vigil.domain.performance.Report;
import io.vigil.domain.performance.Report.Chart;
import io.vigil.domain.performance.Report.NoData;
import io.vigil.domain.performance.Report.Paragraph;
import io.vigil.domain.performance.Report.Section;
import io.vigil.domain.performance.Report.Table;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class ReportHtmlTest {

  private static final Pattern SVG = Pattern.compile("<svg[\\s\\S]*?</svg>");

  private static Report pack;
  private static String html;

  @BeforeAll
  static void render() {
    pack = new Sample().managementReview();
    html = ReportHtml.render(pack);
    Artifacts.write("management-review.html", html);
  }

  @Test
  void everySectionHeadingIsThere() {
    for (var s : pack.sections()) {
      assertTrue(html.contains(">" + s.heading().replace("&", "&amp;") + "</h2>"), s.heading());
    }
    for (var letter : List.of("a) ", "b) ", "c) ", "d) ", "e) ", "f) ", "g) ")) {
      assertTrue(html.contains(">" + letter), letter);
    }
    assertTrue(html.contains("Decisions of the review (9.3.3)"));
  }

  @Test
  void selfContainedWithoutScriptsOrExternalResources() {
    assertFalse(html.toLowerCase().contains("<script"), "no script element");
    assertFalse(html.contains(" src="), "no external source");
    assertFalse(html.contains("<link"), "no linked style sheet");
    assertFalse(html.contains("@import"), "no imported style");
    assertFalse(html.contains("url("), "no CSS url()");
    assertFalse(Pattern.compile("href=\"(?!#)").matcher(html).find(), "links are in-page only");
    assertFalse(Pattern.compile(" on[a-z]+=").matcher(html).find(), "no event handlers");
    assertTrue(html.contains("Content-Security-Policy"));
    assertTrue(html.contains("default-src 'none'"));
  }

  @Test
  void untrustedTextIsEscaped() {
    var report = new Report("management-review", "Review <b>&</b>", Sample.PERIOD,
        Sample.NOW, List.of(new Section("x\"><img src=x onerror=alert(1)>",
            "<script>alert(1)</script>", List.of(
                new Paragraph("bucket <img src=x onerror=alert(1)> & \"quotes\""),
                new NoData("<iframe>"),
                new Table("<caption onclick=x>", List.of("<th>"), List.of(List.of("<td onclick=x>"))),
                new Chart(Chart.Kind.BARS, "</title><script>x</script>", "count",
                    List.of("<rect onload=alert(1)>"), List.of(3.0), null),
                new Chart(Chart.Kind.LINE, "t", "%", List.of("</text><script>"),
                    Arrays.asList(5.0), 100.0)))),
        List.of("<marquee>"));
    var out = ReportHtml.render(report);
    for (var raw : List.of("<b>", "<script>", "<img", "<iframe>", "<caption onclick", "<th>",
        "<td onclick", "<rect onload", "</title><script>", "<marquee>", "\"><img")) {
      assertFalse(out.contains(raw), raw + " must be escaped");
    }
    assertTrue(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(out.contains("Review &lt;b&gt;&amp;&lt;/b&gt;"));
    assertTrue(out.contains("id=\"section-x-img-src-x-onerror-alert-1\""), "ids are sanitised");
    svgs(out).forEach(ReportHtmlTest::parseSvg);
  }

  @Test
  void chartsAreAccessibleWellFormedSvg() {
    var svgs = svgs(html);
    long charts = pack.sections().stream().flatMap(s -> s.blocks().stream())
        .filter(b -> b instanceof Chart).count();
    assertEquals(charts, svgs.size());
    var ids = new HashSet<String>();
    for (var svg : svgs) {
      var root = parseSvg(svg);
      assertEquals("img", root.getAttribute("role"));
      var labelledBy = root.getAttribute("aria-labelledby").split(" ");
      assertEquals(2, labelledBy.length);
      var title = (Element) root.getElementsByTagName("title").item(0);
      assertEquals(labelledBy[0], title.getAttribute("id"), "the chart's title comes first");
      assertEquals(1, root.getElementsByTagName("desc").getLength(), "one desc");
      assertTrue(ids.add(labelledBy[0]), "unique ids");
    }
  }

  @Test
  void theTrendLineHasAGapWhereAPeriodHasNoValue() {
    // the stored pass rates have no value for 2026-05: the line is drawn in two pieces
    var trend = svgs(html).stream().filter(s -> s.contains("Control pass rate over the last"))
        .findFirst().orElseThrow();
    var path = trend.replaceAll("(?s).*<path class=\"series\" d=\"([^\"]*)\".*", "$1");
    assertEquals(2, path.chars().filter(c -> c == 'M').count(), path);
    assertTrue(trend.contains("2026-05: no data"));
    assertTrue(trend.contains("class=\"axis-label gap\""));
    // value labels and axis labels
    assertTrue(trend.contains(">88.0 %</text>"), "value label of 2026-08");
    assertTrue(trend.contains(">100 %</text>"), "axis top for a percentage");
    assertTrue(trend.contains(">2026-11</text>"));
  }

  @Test
  void barsAreLabelledWithTheirValues() {
    var bars = svgs(html).stream().filter(s -> s.contains("Open findings by type"))
        .findFirst().orElseThrow();
    assertTrue(bars.contains(">major nonconformity</text>"));
    assertEquals(4, count(bars, "class=\"bar\""));
    assertTrue(bars.contains("minor nonconformity: 3"), bars);
    assertTrue(bars.contains("<rect"));
  }

  @Test
  void tablesHaveCaptionsAndHeaderCells() {
    long tables = pack.sections().stream().flatMap(s -> s.blocks().stream())
        .filter(b -> b instanceof Table).count();
    assertEquals(tables, count(html, "<table>"));
    assertEquals(tables, count(html, "<caption>"));
    assertTrue(html.contains("<th scope=\"col\">Measure</th>"));
  }

  @Test
  void printsOnA4WithAPageBreakBetweenSections() {
    assertTrue(html.contains("@media print"));
    assertTrue(html.contains("@page { size: A4"));
    assertTrue(html.contains("break-before: page"));
    assertTrue(html.contains("thead { display: table-header-group; }"));
    assertTrue(html.contains("break-inside: avoid"));
  }

  @Test
  void noDataNotesAreShown() {
    var nodata = pack.sections().stream().flatMap(s -> s.blocks().stream())
        .filter(b -> b instanceof NoData).map(b -> ((NoData) b).text()).toList();
    assertFalse(nodata.isEmpty(), "the sample has sections without data");
    for (var t : nodata) {
      assertTrue(html.contains(io.vigil.domain.report.Html.escape(t)), t);
    }
    assertTrue(html.contains("class=\"no-data\" role=\"note\""));
  }

  @Test
  void aChartWithoutValuesSaysSo() {
    var report = new Report("performance-summary", "S", Period.parse("2026-W48"), Instant.EPOCH,
        List.of(new Section("s", "S", List.of(new Chart(Chart.Kind.LINE, "Empty", "%",
            List.of("2026-W47", "2026-W48"), Arrays.asList(null, null), 100.0)))), List.of());
    var out = ReportHtml.render(report);
    assertTrue(out.contains("No data yet for this chart"));
    parseSvg(svgs(out).get(0));
  }

  @Test
  void chartTextThatIsNotValidUtf16IsStillWellFormedSvg() throws Exception {
    // found by RendererFuzzTest: a lone surrogate or U+FFFF in a chart's title or labels made
    // the SVG ill-formed XML; they become U+FFFD, the replacement character
    var report = new Report("performance-summary", "S", Sample.PERIOD, Sample.NOW,
        List.of(new Section("s", "S", List.of(new Chart(Chart.Kind.BARS, "t\uD800", "count",
            List.of("a\uDFFFb", "\uFFFF", "ok \uD83D\uDE00"), Arrays.asList(1.0, 2.0, 3.0),
            null)))), List.of());
    var svg = svgs(ReportHtml.render(report)).get(0);
    var f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    var root = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)))
        .getDocumentElement();
    assertEquals("t\uFFFD", root.getElementsByTagName("title").item(0).getTextContent());
    assertTrue(svg.contains(">a\uFFFDb</text>"), svg);
    assertTrue(svg.contains(">\uFFFD</text>"), svg);
    assertTrue(svg.contains(">ok \uD83D\uDE00</text>"), "pairs are kept");
  }

  // ---- helpers

  static List<String> svgs(String page) {
    var out = new ArrayList<String>();
    var m = SVG.matcher(page);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static Element parseSvg(String svg) {
    try {
      var f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(
          svg.replace("&#8211;", "\u2013").getBytes(StandardCharsets.UTF_8)));
      var root = doc.getDocumentElement();
      assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
      return root;
    } catch (Exception e) {
      throw new AssertionError("not well-formed SVG: " + e.getMessage() + "\n" + svg, e);
    }
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
