package io.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.domain.performance.Report;
import io.vigil.domain.performance.Report.Chart;
import io.vigil.domain.performance.Report.NoData;
import io.vigil.domain.performance.Report.Paragraph;
import io.vigil.domain.performance.Report.Table;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Renderer fuzzing (issue 11, "collected resource data rendered into reports"): generated reports
 * whose every text is hostile (see {@link Hostile}: markup, attribute breakers, {@code
 * javascript:} URLs, Markdown and mrkdwn control, mentions, line breaks, bidi overrides,
 * zero-width characters, lone surrogates, NUL and other controls, 10 000-character strings,
 * emoji, CJK) go through every renderer. One case in ten is not generated directly but built by
 * the domain's ReportBuilder from the test organisation ({@link Sample}) with every free text
 * (bucket name, failure reasons, finding titles, owners, corrective actions, audit conclusions,
 * register entries) made hostile. Per renderer:
 *
 * <ul>
 *   <li>never an exception, except the documented refusal of a report link that is not an
 *       http(s) URL ({@link IllegalArgumentException});</li>
 *   <li>HTML (page and e-mail): parsed by a real HTML5 parser (jsoup), the document has exactly
 *       the template's elements in the template's places — no element or attribute the template
 *       did not write, no event handler, links in-page only, the Content-Security-Policy in the
 *       head — and every recorded text comes back as text, equal to the input (control characters
 *       as spaces);</li>
 *   <li>SVG: every chart is well-formed XML (the JDK's parser, reading characters, so lone
 *       surrogates count), has only the template's elements, and its title is the input;</li>
 *   <li>Markdown: recorded text cannot start a heading, quote, list, table row, fence, HTML
 *       block, link definition or indented code block, cannot link or format (every {@code [ < `
 *       ~ * _} it brings is escaped), and every table row has its header's number of cells;</li>
 *   <li>Slack: the Block Kit limits hold (50 blocks, 3 000 characters a section or context text,
 *       150 a header, 75 a button, 3 000 a URL or fallback); mrkdwn text has no unescaped {@code
 *       < > &} (so no mention such as {@code <!channel>} or link survives) and no formatting
 *       mark of the recorded text;</li>
 *   <li>PDF: renders; PDFBox reads it back, and the text of the title, headings, paragraphs,
 *       "no data" notes, highlights and captions is there (whitespace aside) as {@link PdfText}
 *       documents it — characters the standard fonts cannot show replaced — and every character
 *       of every table cell is there; chart labels are shortened to fit and are not
 *       compared;</li>
 *   <li>OSCAL (assessment results and POA&amp;M from hostile check results, findings and
 *       actions): the JSON parses, from the text and from its UTF-8 bytes, to exactly the
 *       document (every string round-trips), validates against the official schema, and holds
 *       the recorded texts as {@link Oscal} documents them;</li>
 *   <li>no renderer makes a lone surrogate (by cutting a pair in two) out of well-formed
 *       input.</li>
 * </ul>
 *
 * <p>Seeded: {@value #SEED} unless {@code -Dvigil.fuzz.seed=N}; a failure names the case number
 * and the seed to replay it.
 */
class RendererFuzzTest {

  static final long SEED = 20261128L;
  static final int CASES = 500;
  /** PDF cases: rendering and text extraction take ~60 ms each, so fewer keep verify short. */
  static final int PDF_CASES = 200;

  private static final String LINK = "https://vigil-evidence.s3.eu-west-1.amazonaws.com/reports/"
      + "2026-11/management-review.html?X-Amz-Expires=604800&X-Amz-Signature=abc";

  /** One case: a report (and its own random source) to render and check. */
  private interface Check {
    void check(Report report, Random rnd) throws Exception;
  }

  private static void fuzz(String renderer, Check check) {
    fuzz(renderer, CASES, check);
  }

  private static void fuzz(String renderer, int cases, Check check) {
    long seed = Long.getLong("vigil.fuzz.seed", SEED);
    var rnd = new Random(seed);
    for (int i = 0; i < cases; i++) {
      var caseRnd = new Random(rnd.nextLong());
      var report = report(caseRnd, i);
      try {
        check.check(report, caseRnd);
      } catch (Throwable t) {
        throw new AssertionError(renderer + ": case " + i + " (seed " + seed
            + "; replay with -Dvigil.fuzz.seed=" + seed + "): " + t.getMessage() + "\n  report: "
            + describe(report), t);
      }
    }
  }

  /** Every tenth case through the domain's ReportBuilder, the others generated directly. */
  private static Report report(Random rnd, int i) {
    if (i % 10 == 9) {
      var sample = new Sample(s -> Hostile.text(rnd));
      return rnd.nextBoolean() ? sample.managementReview() : sample.summary();
    }
    return Hostile.report(rnd);
  }

  // ---- HTML page and SVG charts

  private static final Set<String> PAGE_ELEMENTS = Set.of("html", "head", "meta", "title",
      "style", "body", "header", "h1", "p", "main", "section", "h2", "ul", "li", "nav", "ol", "a",
      "div", "table", "caption", "thead", "tbody", "tr", "th", "td", "br", "strong", "figure",
      "figcaption", "footer", "svg", "desc", "text", "line", "path", "g", "circle", "rect");
  private static final Set<String> PAGE_ATTRIBUTES = Set.of("lang", "charset", "http-equiv",
      "content", "name", "class", "id", "aria-labelledby", "aria-label", "href", "role", "scope",
      "colspan", "xmlns", "viewbox", "width", "height", "data-chart-kind", "x", "y", "x1", "x2",
      "y1", "y2", "cx", "cy", "r", "d", "fill", "text-anchor", "transform");
  private static final Set<String> SVG_ELEMENTS = Set.of("svg", "title", "desc", "text", "line",
      "path", "g", "circle", "rect");
  private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  private static final Pattern SVG = Pattern.compile("<svg[\\s\\S]*?</svg>");
  private static final Pattern SECTION_ID = Pattern.compile("[a-z][a-z0-9-]*");

  @Test
  void htmlPagesHaveOnlyTheTemplatesMarkupAndEveryTextComesBackAsText() {
    fuzz("ReportHtml", (report, rnd) -> {
      var html = ReportHtml.render(report);
      var doc = parseHtml(html);
      onlyTemplateMarkup(doc, PAGE_ELEMENTS, PAGE_ATTRIBUTES);
      var head = doc.head().children();
      assertEquals(List.of("meta", "meta", "meta", "meta", "title", "style"),
          head.stream().map(Element::normalName).toList(), "the head");
      assertEquals(CSP, doc.head().select("meta[http-equiv=Content-Security-Policy]").attr(
          "content"), "the CSP");
      assertEquals(text(report.title()), textOf(doc.head().selectFirst("title")), "title");
      assertEquals(1, doc.select("style").size(), "one style sheet");
      var body = doc.body().children();
      assertEquals(List.of("header", "main", "footer"), body.stream().map(Element::normalName)
          .toList(), "the body");
      assertEquals(text(report.title()), textOf(doc.selectFirst("header > h1")), "h1");

      var main = doc.selectFirst("body > main");
      var parts = new ArrayList<>(main.children());
      if (!report.highlights().isEmpty()) {
        var highlights = parts.remove(0);
        assertEquals("highlights", highlights.className());
        assertEquals(report.highlights().stream().map(RendererFuzzTest::text).toList(),
            highlights.select("li").stream().map(RendererFuzzTest::textOf).toList(), "highlights");
      }
      var ids = new ArrayList<String>();
      if (report.sections().size() > 1) {
        var nav = parts.remove(0);
        assertEquals("nav", nav.normalName());
        var links = nav.select("a");
        assertEquals(report.sections().size(), links.size(), "contents");
        for (int i = 0; i < links.size(); i++) {
          assertEquals(text(report.sections().get(i).heading()), textOf(links.get(i)));
          ids.add(links.get(i).attr("href").substring(1));
        }
      }
      assertEquals(report.sections().size(), parts.size(), "one element per section");
      var svgs = svgs(html);
      int chart = 0;
      for (int s = 0; s < parts.size(); s++) {
        var section = parts.get(s);
        var model = report.sections().get(s);
        assertEquals("section", section.normalName());
        assertTrue(SECTION_ID.matcher(section.id()).matches(), "section id " + section.id());
        if (!ids.isEmpty()) {
          assertEquals(ids.get(s), section.id(), "the contents link to the section");
        }
        var children = section.children();
        assertEquals(1 + model.blocks().size(), children.size(), "section " + s + " children");
        assertEquals(text(model.heading()), textOf(children.get(0)), "heading");
        for (int b = 0; b < model.blocks().size(); b++) {
          var block = model.blocks().get(b);
          var element = children.get(b + 1);
          if (block instanceof Paragraph p) {
            assertEquals("p", element.normalName());
            assertEquals(text(p.text()), textOf(element), "paragraph");
          } else if (block instanceof NoData n) {
            assertEquals("no-data", element.className());
            assertEquals("No data: " + text(n.text()), textOf(element), "no data");
          } else if (block instanceof Table t) {
            table(element, t);
          } else if (block instanceof Chart c) {
            assertEquals("figure", element.normalName());
            assertEquals(List.of("svg", "figcaption"), element.children().stream()
                .map(Element::normalName).toList(), "a figure");
            assertEquals(text(c.title()), textOf(element.selectFirst("figcaption")));
            svg(svgs.get(chart++), c);
          }
        }
      }
      assertEquals(chart, svgs.size(), "every <svg> is a chart");
      assertEquals(1, doc.select("footer").size());
      wellFormedOut(report, html);
    });
  }

  private static void table(Element wrap, Table t) {
    assertEquals("table-wrap", wrap.className());
    var table = wrap.selectFirst("table");
    boolean caption = t.caption() != null && !t.caption().isBlank();
    assertEquals(caption ? List.of("caption", "thead", "tbody") : List.of("thead", "tbody"),
        table.children().stream().map(Element::normalName).toList(), "a table");
    if (caption) {
      assertEquals(text(t.caption()), textOf(table.selectFirst("caption")));
    }
    assertEquals(t.headers().stream().map(RendererFuzzTest::text).toList(),
        table.select("thead th").stream().map(RendererFuzzTest::textOf).toList(), "headers");
    var rows = table.select("tbody > tr");
    if (t.rows().isEmpty()) {
      assertEquals(1, rows.size());
      assertEquals("No rows.", textOf(rows.get(0)));
      return;
    }
    assertEquals(t.rows().size(), rows.size(), "rows");
    for (int r = 0; r < rows.size(); r++) {
      assertEquals(t.rows().get(r).stream().map(RendererFuzzTest::text).toList(),
          rows.get(r).select("td").stream().map(RendererFuzzTest::textOf).toList(), "row " + r);
    }
  }

  private static void svg(String svg, Chart chart) throws Exception {
    var f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    org.w3c.dom.Document doc;
    try {
      var builder = f.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors, prints nothing
      doc = builder.parse(new InputSource(new StringReader(svg)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed SVG: " + e.getMessage(), e);
    }
    var root = doc.getDocumentElement();
    assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
    var all = root.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      var e = (org.w3c.dom.Element) all.item(i);
      assertTrue(SVG_ELEMENTS.contains(e.getLocalName()), "SVG element " + e.getLocalName());
      assertEquals("http://www.w3.org/2000/svg", e.getNamespaceURI());
      var attributes = e.getAttributes();
      for (int a = 0; a < attributes.getLength(); a++) {
        var name = attributes.item(a).getNodeName().toLowerCase();
        assertFalse(name.startsWith("on") || name.contains("href") || name.equals("style"),
            "SVG attribute " + name);
      }
    }
    var title = (org.w3c.dom.Element) root.getFirstChild();
    assertEquals("title", title.getLocalName(), "the chart's title comes first");
    assertEquals(xml(text(chart.title())), title.getTextContent(), "SVG title");
    if (chart.kind() == Chart.Kind.BARS) {
      int labels = 0;
      var texts = root.getElementsByTagNameNS("*", "text");
      for (int i = 0; i < texts.getLength(); i++) {
        if (((org.w3c.dom.Element) texts.item(i)).getAttribute("class").equals("bar-label")) {
          labels++;
        }
      }
      assertEquals(chart.labels().size(), labels, "one label per bar");
    }
  }

  // ---- e-mail

  private static final Set<String> EMAIL_ELEMENTS = Set.of("html", "head", "meta", "title",
      "body", "h1", "h2", "p", "ul", "li", "strong", "a");
  private static final Set<String> EMAIL_ATTRIBUTES = Set.of("lang", "charset", "style",
      "href");

  @Test
  void emailsHaveOnlyTheTemplatesMarkupAPlainSubjectAndNoInjectedLines() {
    fuzz("ReportEmail", (report, rnd) -> {
      var link = link(rnd);
      var subject = ReportEmail.subject(report);
      assertFalse(subject.chars().anyMatch(RendererFuzzTest::lineOrControl),
          "the subject has a control character or line break: " + escapeJava(subject, 200));
      String html;
      String plain;
      try {
        html = ReportEmail.html(report, link);
        plain = ReportEmail.text(report, link);
      } catch (IllegalArgumentException refused) {
        assertFalse(link == null || link.equals(LINK), "a good link was refused: " + refused);
        return;
      }
      var url = ReportEmail.checked(link);
      assertTrue(url == null || url.matches("(?i)https?://.*"), "link " + url);

      var doc = parseHtml(html);
      onlyTemplateMarkup(doc, EMAIL_ELEMENTS, EMAIL_ATTRIBUTES);
      assertEquals(text(report.title()), textOf(doc.head().selectFirst("title")));
      assertEquals(text(report.title()), textOf(doc.selectFirst("body > h1")));
      assertEquals(report.highlights().stream().map(RendererFuzzTest::text).toList(),
          doc.select("body > ul > li").stream().map(RendererFuzzTest::textOf).toList(),
          "highlights");
      var links = doc.select("a");
      assertEquals(url == null ? 0 : 1, links.size(), "links");
      if (url != null) {
        assertEquals(url, links.get(0).attr("href"));
      }
      assertEquals(List.of("h1"), doc.body().children().stream().map(Element::normalName)
          .limit(1).toList());

      // plain text: each recorded text on its own line, no control characters
      assertFalse(plain.chars().anyMatch(c -> c != '\n' && lineOrControl(c)),
          "a control character in the plain text");
      var lines = List.of(plain.split("\n", -1));
      int expected = 2 + 1 + (report.highlights().isEmpty() ? 0 : 2 + report.highlights().size())
          + (emptySections(report) ? 2 : 0) + (url == null ? 0 : 1) + 4;
      assertEquals(expected, lines.size(), "lines of the plain text");
      wellFormedOut(report, html + plain + subject);
    });
  }

  private static boolean emptySections(Report report) {
    return report.sections().stream().anyMatch(s -> !s.blocks().isEmpty()
        && s.blocks().stream().allMatch(b -> b instanceof NoData));
  }

  // ---- Markdown

  @Test
  void markdownTextCannotStartABlockLinkOrFormat() {
    fuzz("ReportMarkdown", (report, rnd) -> {
      var md = ReportMarkdown.render(report);
      var lines = md.split("\n", -1);
      var starts = new HashMap<String, Integer>();
      int tables = 0;
      Integer cells = null;
      String previous = "";
      String previousInner = "";
      for (var line : lines) {
        var kind = blockStart(line, previous);
        if (kind != null) {
          starts.merge(kind, 1, Integer::sum);
        }
        if (line.startsWith(">")) {
          var inner = line.substring(1).startsWith(" ") ? line.substring(2) : line.substring(1);
          var innerKind = blockStart(inner, previousInner);
          assertEquals(null, innerKind, "a quoted line starts a block: " + escapeJava(line, 120));
          previousInner = inner;
        } else {
          previousInner = "";
        }
        if ("table".equals(kind)) {
          int n = unescaped(line, '|') - 1;
          if (cells == null) {
            cells = n;
            tables++;
          } else {
            assertEquals((int) cells, n, "cells of a table row: " + escapeJava(line, 200));
          }
        } else {
          cells = null;
          assertEquals(0, unescaped(line, '|'), "a pipe outside a table: " + escapeJava(line,
              200));
        }
        previous = line;
      }
      long noDataLines = blocks(report, NoData.class).stream()
          .mapToLong(n -> 1 + count(((NoData) n).text(), '\n')).sum();
      var charts = blocks(report, Chart.class);
      var tableBlocks = blocks(report, Table.class);
      long tableLines = tableBlocks.stream().mapToLong(t -> 2 + ((Table) t).rows().size()).sum()
          + charts.stream().filter(c -> !((Chart) c).labels().isEmpty())
              .mapToLong(c -> 2 + ((Chart) c).labels().size()).sum();
      var expected = new HashMap<String, Integer>();
      expected.put("heading", 1 + (report.highlights().isEmpty() ? 0 : 1)
          + report.sections().size());
      if (noDataLines > 0) {
        expected.put("quote", (int) noDataLines);
      }
      if (!report.highlights().isEmpty()) {
        expected.put("list", report.highlights().size());
      }
      if (tableLines > 0) {
        expected.put("table", (int) tableLines);
      }
      assertEquals(expected, starts, "lines that start a block");
      assertEquals(tableBlocks.size() + charts.stream().filter(c -> !((Chart) c).labels()
          .isEmpty()).count(), tables, "tables");
      for (char c : new char[] {'[', ']', '<', '`', '~'}) {
        assertEquals(0, unescaped(md, c), "an unescaped " + c);
      }
      long captions = tableBlocks.stream().filter(t -> !text(((Table) t).caption())
          .replace('\n', ' ').replace('\t', ' ').strip().isEmpty()).count();
      long emptyCharts = charts.stream().filter(c -> ((Chart) c).labels().isEmpty()).count();
      assertEquals(4 * (captions + noDataBlocks(report) + charts.size()), unescaped(md, '*'),
          "the template's * only");
      assertEquals(2 + 2 * emptyCharts, unescaped(md, '_'), "the template's _ only");
      wellFormedOut(report, md);
    });
  }

  private static long noDataBlocks(Report report) {
    return blocks(report, NoData.class).size();
  }

  /**
   * The kind of block a Markdown line starts (CommonMark and GitHub's tables): null for a
   * paragraph line. {@code previous} tells whether an indented line would be code.
   */
  private static String blockStart(String line, String previous) {
    var indent = line.length() - line.replaceFirst("^ +", "").length();
    if (indent >= 4) {
      return line.isBlank() || !previous.isBlank() ? null : "indented code";
    }
    var s = line.substring(indent);
    if (s.isEmpty()) {
      return null;
    }
    if (s.startsWith("#")) {
      return "heading";
    }
    if (s.startsWith(">")) {
      return "quote";
    }
    if (s.startsWith("|")) {
      return "table";
    }
    if (s.matches("(?s)[-+*](\\s.*)?")) {
      return "list"; // "- " too: after a list item, a new (empty) item, not a setext underline
    }
    if (s.matches("([-*_])\\s*(\\1\\s*){2,}") || s.matches("=+\\s*") || s.matches("-+\\s*")) {
      return "thematic break or setext underline";
    }
    if (s.matches("(?s)\\d{1,9}[.)](\\s.*)?")) {
      return "ordered list";
    }
    if (s.startsWith("```") || s.startsWith("~~~")) {
      return "fence";
    }
    if (s.startsWith("<")) {
      return "html";
    }
    if (s.startsWith("[")) {
      return "link definition";
    }
    return null;
  }

  /** Occurrences of {@code c} not escaped by a backslash. */
  private static int unescaped(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char x = s.charAt(i);
      if (x == '\\') {
        i++;
      } else if (x == c) {
        n++;
      }
    }
    return n;
  }

  // ---- Slack

  @Test
  void slackMessagesKeepBlockKitLimitsAndNoMentionLinkOrMarkSurvives() {
    fuzz("ReportSlack", (report, rnd) -> {
      var link = link(rnd);
      Map<String, Object> message;
      try {
        message = ReportSlack.blocks(report, link);
      } catch (IllegalArgumentException refused) {
        assertFalse(link == null || link.equals(LINK), "a good link was refused: " + refused);
        return;
      }
      var json = OscalSchemas.MAPPER.readTree(Json.write(message));
      var blocks = json.get("blocks");
      assertTrue(blocks.size() <= ReportSlack.MAX_BLOCKS, "blocks: " + blocks.size());
      var fallback = json.get("text").asText();
      assertTrue(fallback.length() <= ReportSlack.MAX_FALLBACK, "fallback " + fallback.length());
      mrkdwn(fallback, true);
      var header = blocks.get(0);
      assertEquals("header", header.get("type").asText());
      assertEquals("plain_text", header.get("text").get("type").asText(),
          "the title is plain text: Slack does not read mentions or links in it");
      assertTrue(header.get("text").get("text").asText().length() <= ReportSlack.MAX_HEADER);
      int highlights = 0;
      for (var block : blocks) {
        var type = block.get("type").asText();
        if (type.equals("section")) {
          var text = block.get("text");
          assertEquals("mrkdwn", text.get("type").asText());
          var t = text.get("text").asText();
          assertTrue(t.length() <= ReportSlack.MAX_SECTION, "section text " + t.length());
          assertTrue(t.startsWith("*Highlights*\n") || highlights > 0, "highlights first");
          mrkdwn(t.startsWith("*Highlights*\n") ? t.substring(13) : t, true);
          highlights++;
        } else if (type.equals("context")) {
          for (var e : block.get("elements")) {
            assertEquals("mrkdwn", e.get("type").asText());
            var t = e.get("text").asText();
            assertTrue(t.length() <= ReportSlack.MAX_SECTION, "context text " + t.length());
            mrkdwn(t, true);
          }
        } else if (type.equals("actions")) {
          var button = block.get("elements").get(0);
          assertTrue(button.get("text").get("text").asText().length() <= ReportSlack.MAX_BUTTON);
          var url = button.get("url").asText();
          assertTrue(url.length() <= ReportSlack.MAX_URL && url.matches("(?i)https?://.*"),
              "button url " + url);
          assertEquals(ReportEmail.checked(link), url);
        } else {
          assertTrue(type.equals("header") || type.equals("divider"), "block type " + type);
        }
      }
      assertTrue(highlights >= 1, "the highlights section");
      // a highlight that fits is there, escaped, as a line of its own
      var all = new StringBuilder();
      blocks.forEach(b -> all.append(b.path("text").path("text").asText()).append('\n'));
      for (var h : report.highlights()) {
        var line = "\u2022 " + ReportSlack.escape(h);
        if (line.length() < ReportSlack.MAX_SECTION - 20) {
          assertTrue(all.toString().contains(line.stripTrailing()), "highlight "
              + escapeJava(h, 80));
        }
      }
      wellFormedOut(report, Json.write(message));
    });
  }

  private static final Pattern ENTITY = Pattern.compile("&(?!(amp|lt|gt);)");

  /** Recorded text in mrkdwn: no unescaped {@code < > &}, no formatting marks, no controls. */
  private static void mrkdwn(String text, boolean marks) {
    assertEquals(-1, text.indexOf('<'), "an unescaped < in " + escapeJava(text, 200));
    assertEquals(-1, text.indexOf('>'), "an unescaped > in " + escapeJava(text, 200));
    assertFalse(ENTITY.matcher(text).find(), "a bare & in " + escapeJava(text, 200));
    for (var mention : List.of("<!channel", "<!here", "<!everyone", "<@", "<#", "<http")) {
      assertFalse(text.contains(mention), mention + " survived");
    }
    if (marks) {
      assertFalse(text.matches("(?s).*[*_~`].*"), "a formatting mark in "
          + escapeJava(text, 200));
    }
    assertFalse(text.chars().anyMatch(c -> c != '\n' && c < 0x20), "a control character");
  }

  // ---- PDF

  private static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private static final PDFont ITALIC = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);

  @Test
  void pdfsRenderAndHoldTheRecordedTextOrItsDocumentedReplacement() {
    fuzz("ReportPdf", PDF_CASES, (report, rnd) -> pdfHolds(report, ReportPdf.render(report)));
  }

  /** The PDF reads back and holds the report's texts (see the class comment). */
  private static void pdfHolds(Report report, byte[] pdf) throws IOException {
    var clean = new PdfText();
    String extracted;
    int pages;
    try (var doc = Loader.loadPDF(pdf)) {
      pages = doc.getNumberOfPages();
      extracted = new BodyText().getText(doc);
    }
    assertTrue(pages >= 1);
    var body = squeeze(extracted);
    var expected = new ArrayList<String>();
    expected.add(squeeze(clean.clean(report.title(), BOLD)));
    report.highlights().forEach(h -> expected.add(squeeze(clean.clean(h, REGULAR))));
    var cells = new StringBuilder();
    for (var section : report.sections()) {
      expected.add(squeeze(clean.clean(section.heading(), BOLD)));
      for (var block : section.blocks()) {
        if (block instanceof Paragraph p) {
          expected.add(squeeze(clean.clean(p.text(), REGULAR)));
        } else if (block instanceof NoData n) {
          expected.add(squeeze(clean.clean("No data: " + n.text(), ITALIC)));
        } else if (block instanceof Table t && !t.headers().isEmpty()) {
          if (t.caption() != null && !t.caption().isBlank()) {
            expected.add(squeeze(clean.clean(t.caption(), BOLD)));
          }
          t.headers().forEach(h -> cells.append(clean.clean(h, BOLD)));
          t.rows().forEach(r -> r.forEach(c -> cells.append(clean.clean(c, REGULAR))));
        } else if (block instanceof Chart c) {
          var title = squeeze(clean.clean(c.title(), BOLD));
          expected.add(title.substring(0, Math.min(title.length(), 8)));
        }
      }
    }
    for (var e : expected) {
      assertTrue(body.contains(e), "the PDF lacks " + escapeJava(e, 120));
    }
    var have = histogram(body);
    histogram(squeeze(cells.toString())).forEach((cp, n) -> assertTrue(
        have.getOrDefault(cp, 0) >= n, "table text lacks " + escapeJava(
            new String(Character.toChars(cp)), 4)));
  }

  /** The page text without the footer (title and page number at the bottom of every page). */
  private static final class BodyText extends PDFTextStripper {
    @Override
    protected void processTextPosition(TextPosition text) {
      if (text.getYDirAdj() < text.getPageHeight() - 45) {
        super.processTextPosition(text);
      }
    }
  }

  private static String squeeze(String s) {
    var sb = new StringBuilder();
    (s == null ? "" : s).codePoints().filter(cp -> !Character.isWhitespace(cp)
        && !Character.isSpaceChar(cp)).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static Map<Integer, Integer> histogram(String s) {
    var m = new HashMap<Integer, Integer>();
    s.codePoints().forEach(cp -> m.merge(cp, 1, Integer::sum));
    return m;
  }

  // ---- OSCAL

  @Test
  void oscalDocumentsParseRoundTripAndValidate() {
    fuzz("OSCAL", (report, rnd) -> {
      var in = rnd.nextInt(10) == 0 ? fromSample(rnd) : Hostile.oscal(rnd);
      var ar = OscalAssessmentResults.build(Sample.PERIOD, in.results(), in.findings(),
          Sample.NOW);
      var values = roundTrip(ar, OscalSchemas.ASSESSMENT_RESULTS);
      for (var r : in.results()) {
        assertTrue(values.contains(Oscal.oneLine(r.resourceArn())), "resource-arn "
            + escapeJava(r.resourceArn(), 80));
        assertTrue(values.contains(Oscal.markupLine(r.resourceArn())), "subject title");
        assertTrue(values.contains(Oscal.oneLine(r.region())), "region");
        assertTrue(values.contains(Oscal.oneLine(r.runId())), "run-id");
      }
      for (var f : in.findings()) {
        if (f.status().isOpen()) {
          assertTrue(values.contains(Oscal.markupLine(f.id().value() + ": " + f.title())),
              "risk title of " + f.id());
        }
      }
      var poam = OscalPoam.build(Sample.PERIOD, in.findings(), in.actions(), Sample.NOW);
      assertEquals(in.actions().stream().anyMatch(a -> a.isOutstanding()), poam.isPresent(),
          "a POA&M exactly when an action is outstanding");
      if (poam.isPresent()) {
        var poamValues = roundTrip(poam.get(), OscalSchemas.POAM);
        for (var a : in.actions()) {
          if (a.isOutstanding()) {
            assertTrue(poamValues.contains(Oscal.oneLine(a.owner())), "owner of " + a.id());
          }
        }
      }
    });
  }

  private static Hostile.OscalInput fromSample(Random rnd) {
    var sample = new Sample(s -> Hostile.text(rnd));
    return new Hostile.OscalInput(sample.results, sample.findings, sample.actions);
  }

  /** The document's JSON read back from its text and its UTF-8 bytes; its string values. */
  private static Set<String> roundTrip(Map<String, Object> document, String schema)
      throws IOException {
    var json = Json.write(document);
    var expected = OscalSchemas.MAPPER.valueToTree(document);
    var fromText = OscalSchemas.MAPPER.readTree(json);
    assertTrue(expected.equals(fromText), () -> "the JSON text reads back differently: "
        + difference(expected, fromText, "$"));
    var fromBytes = OscalSchemas.MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8));
    assertTrue(expected.equals(fromBytes), () -> "the UTF-8 JSON reads back differently: "
        + difference(expected, fromBytes, "$"));
    assertEquals(List.of(), OscalSchemas.validate(schema, fromBytes), "schema");
    var values = new HashSet<String>();
    strings(fromBytes, values);
    return values;
  }

  /** Where two JSON trees first differ, and how. */
  private static String difference(JsonNode a, JsonNode b, String path) {
    if (a.isContainerNode() && b.isContainerNode() && a.size() == b.size()) {
      var names = new ArrayList<String>();
      a.fieldNames().forEachRemaining(names::add);
      for (int i = 0; i < a.size(); i++) {
        var key = a.isObject() ? names.get(i) : null;
        var x = key == null ? a.get(i) : a.get(key);
        var y = key == null ? b.get(i) : b.get(key);
        if (y == null || !x.equals(y)) {
          return y == null ? path + "." + key + " is missing"
              : difference(x, y, path + (key == null ? "[" + i + "]" : "." + key));
        }
      }
    }
    return path + ": " + escapeJava(a.toString(), 160) + " became " + escapeJava(b.toString(),
        160);
  }

  private static void strings(JsonNode node, Set<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(child -> strings(child, out));
  }

  // ---- shared

  /** A report link: none, a good one, one with hostile query text, or hostile text. */
  private static String link(Random rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> null;
      case 1 -> LINK;
      case 2 -> LINK + "&x-id=" + URLEncoder.encode(Hostile.text(rnd), StandardCharsets.UTF_8);
      default -> Hostile.text(rnd);
    };
  }

  /**
   * The page as an HTML5 parser reads it. jsoup takes U+FFFF (a noncharacter, which HTML keeps)
   * for the end of its input, so it is read as U+FFFD here and in {@link #text}.
   */
  private static Document parseHtml(String html) {
    return Jsoup.parse(html.replace('\uFFFF', '\uFFFD'));
  }

  /** Every element and attribute of the parsed page is one the template writes. */
  private static void onlyTemplateMarkup(Document doc, Set<String> elements,
      Set<String> attributes) {
    for (var e : doc.getAllElements()) {
      if (e == doc) {
        continue;
      }
      assertTrue(elements.contains(e.normalName()), "element <" + e.normalName() + ">");
      for (var a : e.attributes()) {
        var name = a.getKey().toLowerCase();
        assertTrue(attributes.contains(name), "attribute " + name + " on <" + e.normalName()
            + ">");
        if (name.equals("href")) {
          assertTrue(a.getValue().startsWith("#") || a.getValue().matches("(?i)https?://.*"),
              "href " + a.getValue());
        }
      }
    }
  }

  /** The text of an element as a reader sees it: its text nodes, and a line break for a br. */
  private static String textOf(Element element) {
    var sb = new StringBuilder();
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof TextNode t) {
        sb.append(t.getWholeText());
      } else if (node instanceof Element e && e.normalName().equals("br")) {
        sb.append('\n');
      }
    }, element);
    return sb.toString();
  }

  /**
   * Recorded text as it reads in HTML: control characters but line feed and tab as spaces (and
   * U+FFFF as U+FFFD, see {@link #parseHtml}).
   */
  private static String text(String s) {
    if (s == null) {
      return "";
    }
    var sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c == '\uFFFF' ? '\uFFFD' : c);
    }
    return sb.toString();
  }

  /** Text as XML 1.0 can carry it (what the SVG renderer must make of it). */
  private static String xml(String s) {
    var sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
        sb.append('\uFFFD');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean lineOrControl(int c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }

  /** No renderer cuts a surrogate pair in two: well-formed input gives well-formed output. */
  private static void wellFormedOut(Report report, String output) {
    if (!Hostile.hasLoneSurrogate(describeAll(report))) {
      assertFalse(Hostile.hasLoneSurrogate(output), "a lone surrogate the input did not have");
    }
  }

  private static String describeAll(Report report) {
    var sb = new StringBuilder(report.kind()).append('\n').append(report.title());
    report.highlights().forEach(h -> sb.append('\n').append(h));
    for (var s : report.sections()) {
      sb.append('\n').append(s.id()).append('\n').append(s.heading());
      for (var b : s.blocks()) {
        sb.append('\n').append(b);
      }
    }
    return sb.toString();
  }

  private static List<Object> blocks(Report report, Class<?> type) {
    var out = new ArrayList<Object>();
    report.sections().forEach(s -> s.blocks().stream().filter(type::isInstance)
        .forEach(out::add));
    return out;
  }

  private static long count(String s, char c) {
    return s == null ? 0 : s.chars().filter(x -> x == c).count();
  }

  private static List<String> svgs(String page) {
    var out = new ArrayList<String>();
    var m = SVG.matcher(page);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static String describe(Report report) {
    return "kind " + escapeJava(report.kind(), 60) + ", title " + escapeJava(report.title(), 80)
        + ", " + report.sections().size() + " sections (" + report.sections().stream()
            .mapToInt(s -> s.blocks().size()).sum() + " blocks), " + report.highlights().size()
        + " highlights";
  }

  /** {@code s} shortened, with control, format and non-ASCII characters as Java escapes. */
  static String escapeJava(String s, int max) {
    if (s == null) {
      return "null";
    }
    var sb = new StringBuilder("\"");
    for (int i = 0; i < Math.min(s.length(), max); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append(s.length() > max ? "\"... (" + s.length() + " chars)" : "\"");
    return sb.toString();
  }

  @Test
  void theBuilderCasesCarryTheHostileTextIntoTheReport() {
    // the organisation's free texts reach the report's tables, paragraphs and highlights
    var report = new Sample(s -> "<MARK>" + s).managementReview();
    var md = ReportMarkdown.render(report);
    var marked = md.lines().filter(l -> l.contains("\\<MARK\\>")).count();
    assertTrue(marked >= 10, "lines with recorded text: " + marked + "\n" + md);
    assertFalse(ReportHtml.render(report).contains("<MARK>"));
  }

  @Test
  void theCheckersRejectWhatTheyMust() {
    // negative controls: each checker fails on output the renderers must never produce
    assertEquals("heading", blockStart("# x", ""));
    assertEquals("indented code", blockStart("    x", ""));
    assertEquals(null, blockStart("    x", "previous paragraph line"));
    assertEquals("table", blockStart("| a |", ""));
    assertEquals("ordered list", blockStart("1. x", ""));
    assertEquals(null, blockStart("1\\. x", ""));
    assertEquals(null, blockStart("\\# x", ""));
    assertEquals(1, unescaped("\\[a](b)", ']'));
    assertThrowsAssertion(() -> mrkdwn("hi <!channel>", true));
    assertThrowsAssertion(() -> mrkdwn("a & b", true));
    assertThrowsAssertion(() -> mrkdwn("*bold*", true));
    var evil = Jsoup.parse("<p onclick=\"x\">a</p><script>x</script>");
    assertThrowsAssertion(() -> onlyTemplateMarkup(evil, PAGE_ELEMENTS, PAGE_ATTRIBUTES));
    assertThrowsAssertion(() -> svg("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>\uD800"
        + "</title></svg>", new Chart(Chart.Kind.LINE, "t", "", List.of(), List.of(), null)));
    assertThrowsAssertion(() -> wellFormedOut(new Report("k", "t", Sample.PERIOD, Sample.NOW,
        List.of(), List.of()), "\uD83D"));
    assertTrue(Hostile.hasLoneSurrogate("a\uDE00") && !Hostile.hasLoneSurrogate("\uD83D\uDE00"));
    var said = new Report("k", "said", Sample.PERIOD, Sample.NOW, List.of(new Report.Section("s",
        "h", List.of(new Table(null, List.of("a"), List.of(List.of("cell")))))), List.of());
    var other = new Report("k", "said", Sample.PERIOD, Sample.NOW, List.of(new Report.Section("s",
        "h", List.of(new Table(null, List.of("a"), List.of(List.of("quiz")))))), List.of());
    assertThrowsAssertion(() -> pdfHolds(other, ReportPdf.render(said)));
    assertThrowsAssertion(() -> pdfHolds(new Report("k", "not said", Sample.PERIOD, Sample.NOW,
        List.of(), List.of()), ReportPdf.render(said)));
  }

  private static void assertThrowsAssertion(ThrowingRunnable r) {
    try {
      r.run();
    } catch (AssertionError expected) {
      return;
    } catch (Exception e) {
      fail("expected an assertion failure, got " + e);
    }
    fail("the checker accepted what it must refuse");
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
