package io.vigil.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One figure of the benchmark suite: an element of a results file ({@code bench/results/*.json}).
 *
 * <p>{@code met} is true when the value meets the target, false when it misses it or when there
 * is no value (the part did not run, or failed). A figure the issue asks to report without a
 * target ({@link #reported}) has no target and counts as met: nothing was missed. A part that did
 * not run is one figure without a value, {@code met} false and a detail starting with
 * {@code "not run: "} ({@link #notRun}) — never silently left out.
 *
 * @param name dotted, stable name, e.g. {@code collection.run2.dynamodb_writes_per_result}
 * @param value the measurement in {@code unit}; null when there is none
 * @param unit e.g. {@code s}, {@code ms/op}, {@code MiB}, {@code %}
 * @param target what the value must achieve; null when the figure has none
 * @param met see above
 * @param detail how it was measured, the error or spread, and where the target comes from
 */
public record Figure(String name, Double value, String unit, Target target, boolean met,
    String detail) {

  public Figure {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a figure has a name");
    }
    unit = unit == null ? "" : unit;
    detail = detail == null ? "" : detail;
  }

  /** A measured figure with a target; {@code met} follows from the value. */
  public static Figure measured(String name, double value, String unit, Target target,
      String detail) {
    Objects.requireNonNull(target, "target");
    return new Figure(name, value, unit, target, target.isMetBy(value), detail);
  }

  /**
   * A measured figure with a target, judged on the exact value and written rounded to
   * {@code decimals} places (so that 20 MiB and one byte misses a 20 MiB limit even though it is
   * written as 20.0).
   */
  public static Figure measured(String name, double value, int decimals, String unit,
      Target target, String detail) {
    Objects.requireNonNull(target, "target");
    return new Figure(name, round(value, decimals), unit, target, target.isMetBy(value), detail);
  }

  /** A measured figure the suite reports without a target (e.g. for the cost model). */
  public static Figure reported(String name, double value, String unit, String detail) {
    return new Figure(name, value, unit, null, Double.isFinite(value), detail);
  }

  /** {@link #reported} with the value rounded to {@code decimals} places. */
  public static Figure reported(String name, double value, int decimals, String unit,
      String detail) {
    return reported(name, round(value, decimals), unit, detail);
  }

  /** The row of a part that produced no figures. */
  public static Figure notRun(String name, String reason) {
    return new Figure(name, null, "", null, false, "not run: " + reason);
  }

  /** {@code value} rounded half-up to {@code decimals} places (for readable result files). */
  public static double round(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return value;
    }
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }

  /** The element as written: name, value, unit, target, met, detail, in that order. */
  public Map<String, Object> toMap() {
    var m = new LinkedHashMap<String, Object>();
    m.put("name", name);
    m.put("value", value);
    m.put("unit", unit);
    m.put("target", target == null ? null : target.toString());
    m.put("met", met);
    m.put("detail", detail);
    return m;
  }
}
