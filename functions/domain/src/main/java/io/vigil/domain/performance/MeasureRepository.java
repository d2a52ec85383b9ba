package io.vigil.domain.performance;

import java.util.List;

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
}
