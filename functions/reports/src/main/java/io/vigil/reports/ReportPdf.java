package io.vigil.reports;

import io.vigil.domain.performance.Report;
import io.vigil.domain.performance.Report.Chart;
import io.vigil.domain.performance.Report.NoData;
import io.vigil.domain.performance.Report.Paragraph;
import io.vigil.domain.performance.Report.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.util.Matrix;

/**
 * A {@link Report} as PDF (Apache PDFBox): A4 pages, the standard Helvetica fonts (nothing
 * embedded), headings with bookmarks, word-wrapped paragraphs, tables whose cells wrap and whose
 * header row repeats on every page the table spans, charts drawn as vector graphics, the "no data"
 * notes, and page numbers. Characters the fonts cannot encode are replaced ({@link PdfText}).
 */
public final class ReportPdf {

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN_X = 48;
  private static final float MARGIN_TOP = 56;
  private static final float MARGIN_BOTTOM = 56;
  private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN_X;

  private static final float[] INK = {0.106f, 0.122f, 0.141f};
  private static final float[] MUTED = {0.341f, 0.376f, 0.416f};
  private static final float[] ACCENT = {0.043f, 0.361f, 0.678f};
  private static final float[] LINE = {0.816f, 0.843f, 0.871f};
  private static final float[] GRID = {0.918f, 0.933f, 0.949f};
  private static final float[] HEADER_FILL = {0.941f, 0.953f, 0.965f};
  private static final float[] ZEBRA = {0.973f, 0.98f, 0.988f};
  private static final float[] WARN = {0.604f, 0.404f, 0f};
  private static final float[] WARN_FILL = {1f, 0.973f, 0.773f};

  private ReportPdf() {}

  /** The PDF's bytes. */
  public static byte[] render(Report report) {
    Objects.requireNonNull(report, "report");
    try (var doc = new PDDocument()) {
      var layout = new Layout(doc);
      layout.document(report);
      layout.finish(report);
      var out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the PDF of " + report.title(), e);
    }
  }

  /** The page cursor: where the next thing goes, and a new page when it does not fit. */
  private static final class Layout {
    private final PDDocument doc;
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDFont italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    private final PdfText text = new PdfText();
    private final List<PDPage> pages = new ArrayList<>();
    private final PDDocumentOutline outline = new PDDocumentOutline();
    private PDPageContentStream cs;
    private float y;
    private boolean pageEmpty;

    Layout(PDDocument doc) {
      this.doc = doc;
    }

    void document(Report report) throws IOException {
      newPage();
      wrapped(report.title(), bold, 20, 25, 0, INK);
      y -= 2;
      wrapped(ReportHtml.meta(report), regular, 9.5f, 13, 0, MUTED);
      y -= 4;
      rule(ACCENT, 2);
      y -= 14;
      if (!report.highlights().isEmpty()) {
        keep(16 + 14 * Math.min(3, report.highlights().size()));
        wrapped("Highlights", bold, 12, 16, 0, INK);
        y -= 2;
        for (var h : report.highlights()) {
          bullet(h);
        }
        y -= 10;
      }
      boolean first = true;
      for (var section : report.sections()) {
        if (!first && !pageEmpty) {
          newPage();
        }
        first = false;
        keep(80);
        var item = new PDOutlineItem();
        item.setTitle(text.clean(section.heading(), regular));
        item.setDestination(pages.get(pages.size() - 1));
        outline.addLast(item);
        wrapped(section.heading(), bold, 15, 19, 0, ACCENT);
        y -= 6;
        for (var block : section.blocks()) {
          if (block instanceof Paragraph p) {
            paragraph(p.text());
          } else if (block instanceof NoData n) {
            noData(n.text());
          } else if (block instanceof Table t) {
            table(t);
          } else if (block instanceof Chart c) {
            chart(c);
          }
        }
      }
    }

    void finish(Report report) throws IOException {
      cs.close();
      int n = pages.size();
      for (int i = 0; i < n; i++) {
        try (var footer = new PDPageContentStream(doc, pages.get(i),
            PDPageContentStream.AppendMode.APPEND, true, true)) {
          cs = footer;
          float base = MARGIN_BOTTOM - 26;
          stroke(LINE, 0.5f);
          line(MARGIN_X, base + 12, MARGIN_X + WIDTH, base + 12);
          var label = report.title().contains(report.period().id()) ? report.title()
              : report.title() + " - " + report.period().id();
          var left = text.clean(label, regular);
          show(fit(left, regular, 8, WIDTH - 90), regular, 8, MARGIN_X, base, MUTED);
          var page = "Page " + (i + 1) + " of " + n;
          show(page, regular, 8, MARGIN_X + WIDTH - width(page, regular, 8), base, MUTED);
        }
      }
      outline.openNode();
      doc.getDocumentCatalog().setDocumentOutline(outline);
      var info = new PDDocumentInformation();
      info.setTitle(text.clean(report.title(), regular));
      info.setSubject(text.clean(report.kind() + " " + report.period().id(), regular));
      info.setCreator("Vigil");
      var created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      created.setTimeInMillis(report.generatedAt().toEpochMilli());
      info.setCreationDate(created);
      info.setModificationDate((Calendar) created.clone());
      doc.setDocumentInformation(info);
    }

    // ---- pages

    private void newPage() throws IOException {
      if (cs != null) {
        cs.close();
      }
      var page = new PDPage(PAGE);
      doc.addPage(page);
      pages.add(page);
      cs = new PDPageContentStream(doc, page);
      y = PAGE.getHeight() - MARGIN_TOP;
      pageEmpty = true;
    }

    /** Starts a new page unless {@code height} fits below the cursor. */
    private boolean keep(float height) throws IOException {
      if (y - height < MARGIN_BOTTOM && !pageEmpty) {
        newPage();
        return true;
      }
      return false;
    }

    private void rule(float[] color, float width) throws IOException {
      stroke(color, width);
      line(MARGIN_X, y, MARGIN_X + WIDTH, y);
      pageEmpty = false;
    }

    // ---- text

    private float width(String s, PDFont font, float size) {
      try {
        return font.getStringWidth(s) / 1000f * size;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * {@code s} (clean) cut with "..." to {@code max} points. Glyph widths add up (the standard
     * fonts are not kerned here), so one pass finds the cut: linear, even for a huge string.
     */
    private String fit(String s, PDFont font, float size, float max) {
      if (width(s, font, size) <= max) {
        return s;
      }
      float room = max - width("...", font, size);
      float used = 0;
      int end = 0;
      while (end < s.length()) {
        int next = s.offsetByCodePoints(end, 1);
        float w = width(s.substring(end, next), font, size);
        if (used + w > room) {
          break;
        }
        used += w;
        end = next;
      }
      return s.substring(0, end).stripTrailing() + "...";
    }

    /** Lines of at most {@code max} points; words longer than a line are cut. */
    private List<String> wrap(String raw, PDFont font, float size, float max) {
      var lines = new ArrayList<String>();
      for (var para : (raw == null ? "" : raw).split("\r?\n", -1)) {
        var clean = text.clean(para, font);
        var line = new StringBuilder();
        for (var word : clean.split(" +")) {
          if (word.isEmpty()) {
            continue;
          }
          var candidate = line.length() == 0 ? word : line + " " + word;
          if (width(candidate, font, size) <= max) {
            line.setLength(0);
            line.append(candidate);
            continue;
          }
          if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
          }
          while (width(word, font, size) > max) {
            int cut = 1;
            while (cut < word.length() && width(word.substring(0, cut + 1), font, size) <= max) {
              cut++;
            }
            lines.add(word.substring(0, cut));
            word = word.substring(cut);
          }
          line.append(word);
        }
        lines.add(line.toString());
      }
      return lines;
    }

    private void show(String clean, PDFont font, float size, float x, float baseline,
        float[] color) throws IOException {
      if (clean.isEmpty()) {
        return;
      }
      fill(color);
      cs.beginText();
      cs.setFont(font, size);
      cs.newLineAtOffset(x, baseline);
      cs.showText(clean);
      cs.endText();
    }

    private void wrapped(String raw, PDFont font, float size, float leading, float indent,
        float[] color) throws IOException {
      for (var l : wrap(raw, font, size, WIDTH - indent)) {
        keep(leading);
        y -= leading;
        show(l, font, size, MARGIN_X + indent, y + (leading - size) / 2 + 1, color);
        pageEmpty = false;
      }
    }

    private void paragraph(String raw) throws IOException {
      wrapped(raw, regular, 10, 14, 0, INK);
      y -= 6;
    }

    private void bullet(String raw) throws IOException {
      var lines = wrap(raw, regular, 10, WIDTH - 14);
      for (int i = 0; i < lines.size(); i++) {
        keep(14);
        y -= 14;
        if (i == 0) {
          show("\u2022", regular, 10, MARGIN_X + 3, y + 3, ACCENT);
        }
        show(lines.get(i), regular, 10, MARGIN_X + 14, y + 3, INK);
        pageEmpty = false;
      }
    }

    private void noData(String raw) throws IOException {
      var lines = wrap("No data: " + raw, italic, 9.5f, WIDTH - 20);
      float leading = 13;
      float height = lines.size() * leading + 10;
      keep(Math.min(height, 200));
      int i = 0;
      while (i < lines.size()) {
        int fits = Math.max(1, (int) ((y - MARGIN_BOTTOM - 10) / leading));
        int count = Math.min(fits, lines.size() - i);
        float h = count * leading + 10;
        fill(WARN_FILL);
        cs.addRect(MARGIN_X, y - h, WIDTH, h);
        cs.fill();
        fill(WARN);
        cs.addRect(MARGIN_X, y - h, 3, h);
        cs.fill();
        float top = y - 5;
        for (int k = 0; k < count; k++) {
          top -= leading;
          show(lines.get(i + k), italic, 9.5f, MARGIN_X + 12, top + 3.5f, INK);
        }
        pageEmpty = false;
        y -= h;
        i += count;
        if (i < lines.size()) {
          newPage();
        }
      }
      y -= 8;
    }

    // ---- tables

    private static final float CELL_SIZE = 8;
    private static final float CELL_LEADING = 10;
    private static final float PAD = 3;

    private void table(Table t) throws IOException {
      int cols = t.headers().size();
      if (cols == 0) {
        return;
      }
      float[] widths = columns(t);
      var header = cells(t.headers(), widths, bold);
      var caption = t.caption() == null ? "" : t.caption();
      float headerHeight = height(header);
      float firstRow = t.rows().isEmpty() ? 0 : height(cells(t.rows().get(0), widths, regular));
      keep(14 + headerHeight + Math.min(firstRow, 120));
      if (!caption.isBlank()) {
        wrapped(caption, bold, 9, 13, 0, INK);
        y -= 2;
      }
      // a header row taller than a third of a page is not repeated on continuation pages: a
      // continuation page must always have room for rows, or the table would never end
      var repeated = headerHeight <= (PAGE.getHeight() - MARGIN_TOP - MARGIN_BOTTOM) / 3
          ? header : null;
      rowAcrossPages(header, widths, bold, HEADER_FILL, caption, null);
      int index = 0;
      for (var row : t.rows()) {
        var shade = index++ % 2 == 1 ? ZEBRA : null;
        rowAcrossPages(cells(row, widths, regular), widths, regular, shade, caption, repeated);
      }
      if (t.rows().isEmpty()) {
        var none = cells(java.util.Collections.nCopies(cols, ""), widths, regular);
        none.set(0, List.of("No rows."));
        drawRow(none, widths, 0, 1, italic, null);
      }
      y -= 10;
    }

    /**
     * Draws a row, on as many pages as it needs: a row that fits on a page moves whole to the
     * next page when it does not fit here; a taller one is split. Every continuation page
     * starts with {@link #continued} ({@code repeated} is the header row to repeat, or null).
     */
    private void rowAcrossPages(List<List<String>> cells, float[] widths, PDFont font,
        float[] shade, String caption, List<List<String>> repeated) throws IOException {
      float repeatedHeight = repeated == null ? 0 : height(repeated);
      int total = maxLines(cells);
      int done = 0;
      while (done < total) {
        int room = (int) ((y - MARGIN_BOTTOM - 2 * PAD) / CELL_LEADING);
        int remaining = total - done;
        if (remaining > room) {
          boolean tallerThanAPage = total * CELL_LEADING + 2 * PAD
              > PAGE.getHeight() - MARGIN_TOP - MARGIN_BOTTOM - repeatedHeight - 30;
          if (!tallerThanAPage || room < 3) {
            continued(caption, repeated, widths);
            continue;
          }
        }
        int count = Math.min(remaining, Math.max(1, room));
        drawRow(cells, widths, done, count, font, shade);
        done += count;
        if (done < total) {
          continued(caption, repeated, widths);
        }
      }
    }

    /** A new page for a table: one line "caption (continued)", then the header row if any. */
    private void continued(String caption, List<List<String>> header, float[] widths)
        throws IOException {
      newPage();
      var suffix = "(continued)";
      var label = caption.isBlank() ? suffix : fit(text.clean(caption, italic), italic, 8.5f,
          WIDTH - width(" " + suffix, italic, 8.5f)) + " " + suffix;
      y -= 12;
      show(label, italic, 8.5f, MARGIN_X, y + (12 - 8.5f) / 2 + 1, MUTED);
      pageEmpty = false;
      y -= 2;
      if (header != null) {
        drawRow(header, widths, 0, maxLines(header), bold, HEADER_FILL);
      }
    }

    /** Column widths: each column's natural width if all fit, else shared by need. */
    private float[] columns(Table t) {
      int cols = t.headers().size();
      float[] natural = new float[cols];
      float[] minimum = new float[cols];
      for (int c = 0; c < cols; c++) {
        measure(t.headers().get(c), bold, natural, minimum, c);
        for (var row : t.rows()) {
          measure(row.get(c), regular, natural, minimum, c);
        }
      }
      float[] w = new float[cols];
      float sumNatural = 0;
      float sumMin = 0;
      for (int c = 0; c < cols; c++) {
        natural[c] = Math.max(natural[c], 24);
        minimum[c] = Math.min(Math.max(minimum[c], 24), WIDTH / cols * 1.6f);
        minimum[c] = Math.min(minimum[c], natural[c]);
        sumNatural += natural[c];
        sumMin += minimum[c];
      }
      if (sumNatural <= WIDTH) {
        float extra = (WIDTH - sumNatural) / cols;
        for (int c = 0; c < cols; c++) {
          w[c] = natural[c] + extra;
        }
      } else if (sumMin >= WIDTH) {
        for (int c = 0; c < cols; c++) {
          w[c] = minimum[c] * WIDTH / sumMin;
        }
      } else {
        float spare = WIDTH - sumMin;
        float want = sumNatural - sumMin;
        for (int c = 0; c < cols; c++) {
          w[c] = minimum[c] + spare * (natural[c] - minimum[c]) / want;
        }
      }
      return w;
    }

    private void measure(String raw, PDFont font, float[] natural, float[] minimum, int c) {
      for (var para : (raw == null ? "" : raw).split("\r?\n")) {
        var clean = text.clean(para, font);
        natural[c] = Math.max(natural[c], Math.min(width(clean, font, CELL_SIZE) + 2 * PAD,
            WIDTH * 0.6f));
        for (var word : clean.split(" +")) {
          minimum[c] = Math.max(minimum[c], width(word, font, CELL_SIZE) + 2 * PAD);
        }
      }
    }

    private List<List<String>> cells(List<String> row, float[] widths, PDFont font) {
      var out = new ArrayList<List<String>>();
      for (int c = 0; c < widths.length; c++) {
        out.add(wrap(row.get(c), font, CELL_SIZE, widths[c] - 2 * PAD));
      }
      return out;
    }

    private static int maxLines(List<List<String>> cells) {
      return cells.stream().mapToInt(List::size).max().orElse(1);
    }

    private float height(List<List<String>> cells) {
      return maxLines(cells) * CELL_LEADING + 2 * PAD;
    }

    private void drawRow(List<List<String>> cells, float[] widths, int from, int count,
        PDFont font, float[] shade) throws IOException {
      float h = count * CELL_LEADING + 2 * PAD;
      float top = y;
      if (shade != null) {
        fill(shade);
        cs.addRect(MARGIN_X, top - h, WIDTH, h);
        cs.fill();
      }
      float x = MARGIN_X;
      for (int c = 0; c < widths.length; c++) {
        var lines = cells.get(c);
        float baseline = top - PAD - CELL_SIZE + 0.5f;
        for (int k = from; k < Math.min(lines.size(), from + count); k++) {
          show(lines.get(k), font, CELL_SIZE, x + PAD, baseline, INK);
          baseline -= CELL_LEADING;
        }
        x += widths[c];
      }
      stroke(LINE, 0.5f);
      cs.addRect(MARGIN_X, top - h, WIDTH, h);
      cs.stroke();
      x = MARGIN_X;
      for (int c = 0; c < widths.length - 1; c++) {
        x += widths[c];
        line(x, top, x, top - h);
      }
      y -= h;
      pageEmpty = false;
    }

    // ---- charts

    private void chart(Chart chart) throws IOException {
      if (chart.kind() == Chart.Kind.LINE) {
        lineChart(chart);
      } else {
        barChart(chart);
      }
      y -= 12;
    }

    private void chartTitle(Chart chart) throws IOException {
      var title = fit(text.clean(chart.title(), bold), bold, 10, WIDTH);
      y -= 14;
      show(title, bold, 10, MARGIN_X + (WIDTH - width(title, bold, 10)) / 2, y + 2, INK);
      pageEmpty = false;
    }

    private void empty(float height) throws IOException {
      var msg = "No data yet for this chart";
      show(msg, italic, 9, MARGIN_X + (WIDTH - width(msg, italic, 9)) / 2, y - height / 2,
          MUTED);
      y -= height;
    }

    private void lineChart(Chart chart) throws IOException {
      int n = chart.labels().size();
      var labels = new ArrayList<String>();
      float longest = 0;
      for (var l : chart.labels()) {
        var clean = fit(text.clean(l, regular), regular, 7, 70);
        labels.add(clean);
        longest = Math.max(longest, width(clean, regular, 7));
      }
      float left = MARGIN_X + 42;
      float right = MARGIN_X + WIDTH - 8;
      float slot = (right - left) / Math.max(1, n);
      boolean rotate = longest > slot - 3;
      float plot = 150;
      float below = rotate ? (float) (longest * Math.sin(Math.toRadians(40))) + 14 : 18;
      keep(14 + 10 + plot + below);
      chartTitle(chart);
      if (!ChartScale.hasData(chart)) {
        empty(plot * 0.6f);
        return;
      }
      var scale = ChartScale.of(chart);
      float top = y - 12;
      float bottom = top - plot;
      for (var t : scale.ticks()) {
        float ty = bottom + (float) scale.fraction(t) * plot;
        stroke(GRID, 0.6f);
        line(left, ty, right, ty);
        var label = scale.tick(t);
        show(label, regular, 7, left - 4 - width(label, regular, 7), ty - 2.5f, MUTED);
      }
      stroke(MUTED, 0.8f);
      line(left, top, left, bottom);
      line(left, bottom, right, bottom);
      float[] xs = new float[n];
      for (int i = 0; i < n; i++) {
        xs[i] = n == 1 ? (left + right) / 2 : left + (right - left) * (i + 0.5f) / n;
      }
      // the line, broken where a value is missing
      stroke(ACCENT, 1.8f);
      boolean pen = false;
      for (int i = 0; i < n; i++) {
        var v = chart.values().get(i);
        if (v == null || !Double.isFinite(v)) {
          if (pen) {
            cs.stroke();
          }
          pen = false;
          continue;
        }
        float py = bottom + (float) scale.fraction(v) * plot;
        if (pen) {
          cs.lineTo(xs[i], py);
        } else {
          cs.moveTo(xs[i], py);
        }
        pen = true;
      }
      if (pen) {
        cs.stroke();
      }
      for (int i = 0; i < n; i++) {
        var v = chart.values().get(i);
        if (v == null || !Double.isFinite(v)) {
          var gap = "n/a";
          show(gap, italic, 6.5f, xs[i] - width(gap, italic, 6.5f) / 2, bottom + 3, MUTED);
          continue;
        }
        float py = bottom + (float) scale.fraction(v) * plot;
        fill(ACCENT);
        dot(xs[i], py, 2.4f);
        var value = scale.value(v);
        show(value, bold, 6.5f, xs[i] - width(value, bold, 6.5f) / 2, py + 5, INK);
      }
      for (int i = 0; i < n; i++) {
        var label = labels.get(i);
        var color = chart.values().get(i) == null ? MUTED : INK;
        if (rotate) {
          float w = width(label, regular, 7);
          double a = Math.toRadians(40);
          float sx = (float) (xs[i] - w * Math.cos(a));
          float sy = (float) (bottom - 9 - w * Math.sin(a));
          fill(color);
          cs.beginText();
          cs.setFont(regular, 7);
          cs.setTextMatrix(Matrix.getRotateInstance(a, sx, sy));
          cs.showText(label);
          cs.endText();
        } else {
          show(label, regular, 7, xs[i] - width(label, regular, 7) / 2, bottom - 10, color);
        }
      }
      y = bottom - below;
    }

    private void dot(float x, float y0, float r) throws IOException {
      float k = 0.552f * r;
      cs.moveTo(x + r, y0);
      cs.curveTo(x + r, y0 + k, x + k, y0 + r, x, y0 + r);
      cs.curveTo(x - k, y0 + r, x - r, y0 + k, x - r, y0);
      cs.curveTo(x - r, y0 - k, x - k, y0 - r, x, y0 - r);
      cs.curveTo(x + k, y0 - r, x + r, y0 - k, x + r, y0);
      cs.fill();
    }

    private void barChart(Chart chart) throws IOException {
      int n = chart.labels().size();
      float row = 15;
      float height = Math.max(1, n) * row + 16;
      keep(14 + 8 + Math.min(height, 400));
      chartTitle(chart);
      if (n == 0) {
        empty(40);
        return;
      }
      var scale = ChartScale.of(chart);
      float labelWidth = 160;
      float left = MARGIN_X + labelWidth + 8;
      float right = MARGIN_X + WIDTH - 56;
      float top = y - 8;
      float bottom = top - n * row;
      for (var t : scale.ticks()) {
        float x = left + (float) scale.fraction(t) * (right - left);
        stroke(GRID, 0.6f);
        line(x, top, x, bottom);
        var label = scale.tick(t);
        show(label, regular, 7, x - width(label, regular, 7) / 2, bottom - 9, MUTED);
      }
      for (int i = 0; i < n; i++) {
        var v = chart.values().get(i);
        float rowTop = top - i * row;
        var label = fit(text.clean(chart.labels().get(i), regular), regular, 8, labelWidth);
        show(label, regular, 8, MARGIN_X + labelWidth - width(label, regular, 8),
            rowTop - row / 2 - 2.5f, INK);
        float w = v == null ? 0 : (float) scale.fraction(v) * (right - left);
        if (v != null && Double.isFinite(v) && v > 0) {
          fill(ACCENT);
          cs.addRect(left, rowTop - row + 3, Math.max(1, w), row - 6);
          cs.fill();
        }
        var value = scale.value(v);
        show(value, bold, 7.5f, left + w + 4, rowTop - row / 2 - 2.5f, INK);
      }
      stroke(MUTED, 0.8f);
      line(left, top, left, bottom);
      y = bottom - 16;
    }

    // ---- drawing

    private void fill(float[] rgb) throws IOException {
      cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
    }

    private void stroke(float[] rgb, float width) throws IOException {
      cs.setStrokingColor(rgb[0], rgb[1], rgb[2]);
      cs.setLineWidth(width);
    }

    private void line(float x1, float y1, float x2, float y2) throws IOException {
      cs.moveTo(x1, y1);
      cs.lineTo(x2, y2);
      cs.stroke();
    }
  }
}
