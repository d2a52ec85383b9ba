package io.vigil.reports;

import io.vigil.domain.performance.Report.Chart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The value axis of a chart, shared by the SVG and the PDF renderers so that both draw the same
 * scale: from zero to the chart's maximum (or a round number at or above the largest value), with
 * four or five evenly spaced ticks, and the text of a value in the chart's unit.
 */
final class ChartScale {

  private final double top;
  private final List<Double> ticks;
  private final String unit;

  private ChartScale(double top, List<Double> ticks, String unit) {
    this.top = top;
    this.ticks = List.copyOf(ticks);
    this.unit = unit;
  }

  static ChartScale of(Chart chart) {
    Objects.requireNonNull(chart, "chart");
    double largest = 0;
    for (var v : chart.values()) {
      if (v != null && Double.isFinite(v) && v > largest) {
        largest = v;
      }
    }
    double top;
    double step;
    if (chart.maximum() != null && chart.maximum() > 0 && chart.maximum() >= largest) {
      top = chart.maximum();
      step = niceStep(top / 4);
      if (top / step > 6) {
        step = niceStep(top / 5);
      }
    } else {
      step = niceStep(Math.max(largest, 1) / 4);
      top = Math.max(step, Math.ceil(largest / step) * step);
      if (top < largest) {
        top += step;
      }
    }
    var ticks = new ArrayList<Double>();
    for (double t = 0; t <= top + step / 1000; t += step) {
      ticks.add(t);
    }
    return new ChartScale(top, ticks, chart.unit() == null ? "" : chart.unit());
  }

  /** A step of 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}; whole for counts. */
  private static double niceStep(double raw) {
    if (raw <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= raw - 1e-12) {
        double step = m * magnitude;
        return step < 1 ? 1 : step;
      }
    }
    return 10 * magnitude;
  }

  double top() {
    return top;
  }

  List<Double> ticks() {
    return ticks;
  }

  /** Where {@code value} lies between 0 (axis) and 1 (top); values outside are clamped. */
  double fraction(double value) {
    if (!Double.isFinite(value) || value <= 0) {
      return 0;
    }
    return Math.min(1, value / top);
  }

  /** A tick's text: a whole number where it is one. */
  String tick(double value) {
    var text = Math.abs(value - Math.rint(value)) < 1e-9
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
    return "%".equals(unit) ? text + " %" : text;
  }

  /** A value's text in the chart's unit: {@code 87.5 %}, {@code 12}, {@code 3.2 days}. */
  String value(Double value) {
    return format(value, unit);
  }

  static String format(Double value, String unit) {
    if (value == null || !Double.isFinite(value)) {
      return "no data";
    }
    boolean whole = Math.abs(value - Math.rint(value)) < 1e-9;
    return switch (unit == null ? "" : unit) {
      case "%" -> String.format(Locale.ROOT, "%.1f %%", value);
      case "days" -> String.format(Locale.ROOT, "%.1f days", value);
      default -> whole ? String.format(Locale.ROOT, "%.0f", value)
          : String.format(Locale.ROOT, "%.1f", value);
    };
  }

  /** True when the chart has at least one value to draw. */
  static boolean hasData(Chart chart) {
    return chart.values().stream().anyMatch(v -> v != null && Double.isFinite(v));
  }

  /** The chart's data as text: {@code 2026-10: 81.0 %; 2026-11: no data}. */
  static String describe(Chart chart) {
    var sb = new StringBuilder();
    for (int i = 0; i < chart.labels().size(); i++) {
      if (i > 0) {
        sb.append("; ");
      }
      sb.append(chart.labels().get(i)).append(": ").append(format(chart.values().get(i),
          chart.unit()));
    }
    return sb.toString();
  }
}
