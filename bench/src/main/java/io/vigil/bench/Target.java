package io.vigil.bench;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * What a figure must achieve: at most or at least a limit, in the figure's unit. Written in the
 * results file as {@code "<= 60"} or {@code ">= 83.3"}.
 *
 * @param comparison whether the figure must stay at or below the limit, or reach it
 * @param limit the limit, in the figure's unit
 */
public record Target(Comparison comparison, double limit) {

  /** How a figure is compared with its limit. */
  public enum Comparison {
    AT_MOST("<="),
    AT_LEAST(">=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    /** {@code <=} or {@code >=}. */
    public String symbol() {
      return symbol;
    }
  }

  public Target {
    Objects.requireNonNull(comparison, "comparison");
    if (!Double.isFinite(limit)) {
      throw new IllegalArgumentException("a target's limit is a finite number, got " + limit);
    }
  }

  /** The figure must be at most {@code limit}. */
  public static Target atMost(double limit) {
    return new Target(Comparison.AT_MOST, limit);
  }

  /** The figure must be at least {@code limit}. */
  public static Target atLeast(double limit) {
    return new Target(Comparison.AT_LEAST, limit);
  }

  /** Whether {@code value} meets the target; a missing or non-finite value never does. */
  public boolean isMetBy(Double value) {
    if (value == null || !Double.isFinite(value)) {
      return false;
    }
    return comparison == Comparison.AT_MOST ? value <= limit : value >= limit;
  }

  /** {@code "<= 60"}, {@code ">= 83.3"}: the limit in plain decimal notation. */
  @Override
  public String toString() {
    return comparison.symbol() + " "
        + BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
  }
}
