package io.vigil.reports;

import io.vigil.domain.performance.Report.Chart;
import io.vigil.domain.report.Html;
import java.util.Locale;

/**
 * A {@link Chart} as inline SVG: accessible (role img, a {@code <title>} and a {@code <desc>} that
 * lists every value), no scripts, no external references, every text escaped and valid XML
 * ({@link #text}). A LINE chart is a trend with gaps where a period has no value; BARS are
 * horizontal bars, one per label, so long labels (themes, accounts) stay readable.
 */
final class SvgChart {

  static final int WIDTH = 720;
  private static final int LABEL_LIMIT = 36;

  private SvgChart() {}

  /** The chart's SVG; {@code id} makes its element ids unique in the page. */
  static String render(Chart chart, String id) {
    return chart.kind() == Chart.Kind.LINE ? line(chart, id) : bars(chart, id);
  }

  private static String open(StringBuilder sb, Chart chart, String id, int height) {
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-")
        .append(chart.kind().name().toLowerCase(Locale.ROOT)).append("\" role=\"img\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" aria-labelledby=\"").append(id)
        .append("-title ").append(id).append("-desc\" data-chart-kind=\"")
        .append(chart.kind().name()).append("\">");
    sb.append("<title id=\"").append(id).append("-title\">").append(text(chart.title()))
        .append("</title>");
    sb.append("<desc id=\"").append(id).append("-desc\">")
        .append(text((chart.kind() == Chart.Kind.LINE ? "Trend" : "Bar chart") + " in "
            + unitName(chart.unit()) + ". " + ChartScale.describe(chart)))
        .append("</desc>");
    sb.append("<text class=\"chart-title\" x=\"").append(WIDTH / 2)
        .append("\" y=\"20\" text-anchor=\"middle\">").append(text(chart.title()))
        .append("</text>");
    return sb.toString();
  }

  private static String unitName(String unit) {
    return unit == null || unit.isBlank() ? "values" : "%".equals(unit) ? "percent" : unit;
  }

  private static String noData(StringBuilder sb, int height) {
    sb.append("<text class=\"chart-empty\" x=\"").append(WIDTH / 2).append("\" y=\"")
        .append(height / 2 + 10).append("\" text-anchor=\"middle\">No data yet for this chart"
            + "</text></svg>");
    return sb.toString();
  }

  private static String line(Chart chart, String id) {
    int height = 300;
    var sb = new StringBuilder(4096);
    open(sb, chart, id, height);
    if (!ChartScale.hasData(chart)) {
      return noData(sb, height);
    }
    var scale = ChartScale.of(chart);
    int n = chart.labels().size();
    double left = 64;
    double right = WIDTH - 24;
    double top = 44;
    int longest = chart.labels().stream().mapToInt(String::length).max().orElse(0);
    double slot = (right - left) / Math.max(1, n);
    boolean rotate = longest * 6.6 > slot - 4;
    double bottom = height - (rotate ? 70 : 44);
    grid(sb, scale, left, right, top, bottom);
    // x labels
    for (int i = 0; i < n; i++) {
      double x = xAt(i, n, left, right);
      var label = shorten(chart.labels().get(i));
      boolean gap = chart.values().get(i) == null;
      if (rotate) {
        sb.append("<text class=\"axis-label").append(gap ? " gap" : "").append("\" x=\"")
            .append(num(x)).append("\" y=\"").append(num(bottom + 14))
            .append("\" text-anchor=\"end\" transform=\"rotate(-40 ").append(num(x)).append(' ')
            .append(num(bottom + 14)).append(")\">").append(text(label)).append("</text>");
      } else {
        sb.append("<text class=\"axis-label").append(gap ? " gap" : "").append("\" x=\"")
            .append(num(x)).append("\" y=\"").append(num(bottom + 18))
            .append("\" text-anchor=\"middle\">").append(text(label)).append("</text>");
      }
    }
    // the line, broken where a value is missing
    var path = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < n; i++) {
      var v = chart.values().get(i);
      if (v == null || !Double.isFinite(v)) {
        pen = false;
        continue;
      }
      double x = xAt(i, n, left, right);
      double y = bottom - scale.fraction(v) * (bottom - top);
      path.append(pen ? " L" : (path.length() == 0 ? "M" : " M")).append(num(x)).append(' ')
          .append(num(y));
      pen = true;
    }
    sb.append("<path class=\"series\" d=\"").append(path).append("\" fill=\"none\"/>");
    for (int i = 0; i < n; i++) {
      var v = chart.values().get(i);
      double x = xAt(i, n, left, right);
      if (v == null || !Double.isFinite(v)) {
        sb.append("<text class=\"gap-mark\" x=\"").append(num(x)).append("\" y=\"")
            .append(num(bottom - 6)).append("\" text-anchor=\"middle\">&#8211;<title>")
            .append(text(chart.labels().get(i))).append(": no data</title></text>");
        continue;
      }
      double y = bottom - scale.fraction(v) * (bottom - top);
      sb.append("<g class=\"point\"><circle cx=\"").append(num(x)).append("\" cy=\"")
          .append(num(y)).append("\" r=\"3.5\"><title>").append(text(chart.labels().get(i)
              + ": " + scale.value(v))).append("</title></circle><text class=\"value-label\" x=\"")
          .append(num(x)).append("\" y=\"").append(num(y - 8))
          .append("\" text-anchor=\"middle\">").append(text(scale.value(v)))
          .append("</text></g>");
    }
    sb.append("</svg>");
    return sb.toString();
  }

  private static double xAt(int i, int n, double left, double right) {
    return n == 1 ? (left + right) / 2 : left + (right - left) * (i + 0.5) / n;
  }

  private static void grid(StringBuilder sb, ChartScale scale, double left, double right,
      double top, double bottom) {
    for (var t : scale.ticks()) {
      double y = bottom - scale.fraction(t) * (bottom - top);
      sb.append("<line class=\"grid\" x1=\"").append(num(left)).append("\" x2=\"")
          .append(num(right)).append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y))
          .append("\"/><text class=\"axis-label\" x=\"").append(num(left - 6)).append("\" y=\"")
          .append(num(y + 4)).append("\" text-anchor=\"end\">").append(text(scale.tick(t)))
          .append("</text>");
    }
    sb.append("<line class=\"axis\" x1=\"").append(num(left)).append("\" x2=\"")
        .append(num(left)).append("\" y1=\"").append(num(top)).append("\" y2=\"")
        .append(num(bottom)).append("\"/>");
    sb.append("<line class=\"axis\" x1=\"").append(num(left)).append("\" x2=\"")
        .append(num(right)).append("\" y1=\"").append(num(bottom)).append("\" y2=\"")
        .append(num(bottom)).append("\"/>");
  }

  private static String bars(Chart chart, String id) {
    int n = chart.labels().size();
    int row = 26;
    int top = 36;
    int height = top + Math.max(1, n) * row + 30;
    var sb = new StringBuilder(4096);
    open(sb, chart, id, height);
    if (n == 0) {
      return noData(sb, height);
    }
    var scale = ChartScale.of(chart);
    double labelWidth = 230;
    double left = labelWidth + 10;
    double right = WIDTH - 80;
    double bottom = top + n * row;
    for (var t : scale.ticks()) {
      double x = left + scale.fraction(t) * (right - left);
      sb.append("<line class=\"grid\" x1=\"").append(num(x)).append("\" x2=\"").append(num(x))
          .append("\" y1=\"").append(top).append("\" y2=\"").append(num(bottom))
          .append("\"/><text class=\"axis-label\" x=\"").append(num(x)).append("\" y=\"")
          .append(num(bottom + 16)).append("\" text-anchor=\"middle\">")
          .append(text(scale.tick(t))).append("</text>");
    }
    for (int i = 0; i < n; i++) {
      var label = chart.labels().get(i);
      var v = chart.values().get(i);
      double y = top + i * row;
      sb.append("<g class=\"bar\"><title>").append(text(label + ": " + scale.value(v)))
          .append("</title><text class=\"bar-label\" x=\"").append(num(labelWidth))
          .append("\" y=\"").append(num(y + row / 2.0 + 4)).append("\" text-anchor=\"end\">")
          .append(text(shorten(label))).append("</text>");
      double w = v == null ? 0 : scale.fraction(v) * (right - left);
      if (v != null && Double.isFinite(v) && v > 0) {
        sb.append("<rect x=\"").append(num(left)).append("\" y=\"").append(num(y + 4))
            .append("\" width=\"").append(num(Math.max(1, w))).append("\" height=\"")
            .append(row - 8).append("\"/>");
      }
      sb.append("<text class=\"value-label\" x=\"").append(num(left + w + 6)).append("\" y=\"")
          .append(num(y + row / 2.0 + 4)).append("\">").append(text(scale.value(v)))
          .append("</text></g>");
    }
    sb.append("<line class=\"axis\" x1=\"").append(num(left)).append("\" x2=\"").append(num(left))
        .append("\" y1=\"").append(top).append("\" y2=\"").append(num(bottom)).append("\"/>");
    sb.append("</svg>");
    return sb.toString();
  }

  /**
   * Recorded text for the SVG: escaped, and well-formed XML 1.0 even when the text is not valid
   * UTF-16: a lone surrogate and the noncharacters U+FFFE and U+FFFF (which XML forbids) become
   * U+FFFD, the replacement character. Control characters become spaces ({@code Html.escape}).
   */
  static String text(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder safe = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1));
      boolean bad = !pair && (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF');
      if (bad && safe == null) {
        safe = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (safe != null) {
        safe.append(bad ? '\uFFFD' : c);
        if (pair) {
          safe.append(s.charAt(i + 1));
        }
      }
      if (pair) {
        i++;
      }
    }
    return Html.escape(safe == null ? s : safe.toString());
  }

  static String shorten(String label) {
    if (label == null) {
      return "";
    }
    if (label.codePointCount(0, label.length()) <= LABEL_LIMIT) {
      return label;
    }
    int end = label.offsetByCodePoints(0, LABEL_LIMIT - 1);
    return label.substring(0, end).stripTrailing() + "\u2026";
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
