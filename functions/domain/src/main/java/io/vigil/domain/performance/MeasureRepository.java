package io.vigil.domain.performance;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Port: measure results stored per period, so that trends can be drawn. */
public interface MeasureRepository {

  /** Stores (or replaces) the results of one period; saving the same results again is a no-op. */
  void save(List<MeasureResult> results);

  /**
   * The results of {@code measure} for the periods of the same kind as {@code upTo}, the last
   * {@code count} of them up to and including {@code upTo}, oldest first (periods without a
   * stored result are left out).
   */
  List<MeasureResult> trend(Measure measure, Period upTo, int count);

  /**
   * The trends of several measures up to {@code upTo}: for each measure of {@code counts}, what
   * {@link #trend} answers for its count. A store that can read them all in one round trip
   * overrides this (the Vigil table: one {@code BatchGetItem}); by default, one {@link #trend}
   * per measure.
   */
  default Map<Measure, List<MeasureResult>> trends(Map<Measure, Integer> counts, Period upTo) {
    var out = new EnumMap<Measure, List<MeasureResult>>(Measure.class);
    counts.forEach((measure, count) -> out.put(measure, trend(measure, upTo, count)));
    return out;
  }
}
