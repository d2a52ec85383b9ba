package io.vigil.domain.performance;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The value of one measure for one period, with its breakdown (per theme, per account, per
 * type, …) — or, when its source has no data yet, no value and a note saying so.
 */
public record MeasureResult(Measure measure, String period, Double value,
    Map<String, Double> breakdown, String note, Instant measuredAt) {

  public MeasureResult {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(period, "period");
    breakdown = Collections.unmodifiableMap(new LinkedHashMap<>(
        breakdown == null ? Map.of() : breakdown));
    note = note == null ? "" : note;
    Objects.requireNonNull(measuredAt, "measuredAt");
  }

  public static MeasureResult noData(Measure measure, String period, String why,
      Instant measuredAt) {
    return new MeasureResult(measure, period, null, Map.of(), why, measuredAt);
  }

  public boolean hasValue() {
    return value != null;
  }
}
