package io.vigil.functions.summarizeperformance;

import io.vigil.domain.performance.Measure;
import io.vigil.domain.performance.MeasureRepository;
import io.vigil.domain.performance.MeasureResult;
import io.vigil.domain.performance.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stored measure results with this session's results laid over them, never written: what
 * {@code vigil report} measures shows in its trends (the period's own point included) without
 * changing what the scheduled function stored for that period.
 */
final class UnsavedMeasures implements MeasureRepository {

  private final MeasureRepository stored;
  private final Map<String, MeasureResult> session = new HashMap<>();

  UnsavedMeasures(MeasureRepository stored) {
    this.stored = Objects.requireNonNull(stored, "stored");
  }

  private static String key(Measure m, String period) {
    return m.id() + "#" + period;
  }

  @Override
  public synchronized void save(List<MeasureResult> results) {
    for (var r : results) {
      session.put(key(r.measure(), Period.parse(r.period()).id()), r);
    }
  }

  @Override
  public synchronized List<MeasureResult> trend(Measure measure, Period upTo, int count) {
    return overlay(measure, upTo, count, stored.trend(measure, upTo, count));
  }

  /** The stored trends (one read, as the store does it), each with this session's results. */
  @Override
  public synchronized Map<Measure, List<MeasureResult>> trends(Map<Measure, Integer> counts,
      Period upTo) {
    var out = new EnumMap<Measure, List<MeasureResult>>(Measure.class);
    stored.trends(counts, upTo).forEach((measure, trend) -> out.put(measure,
        overlay(measure, upTo, counts.get(measure), trend)));
    return out;
  }

  /** {@code trend} (stored) with this session's results of the window laid over it. */
  private List<MeasureResult> overlay(Measure measure, Period upTo, int count,
      List<MeasureResult> trend) {
    var window = new ArrayList<String>();
    var p = upTo;
    for (int i = 0; i < count; i++) {
      window.add(0, p.id());
      p = p.previous();
    }
    var byPeriod = new LinkedHashMap<String, MeasureResult>();
    window.forEach(id -> byPeriod.put(id, null));
    trend.forEach(r -> byPeriod.put(r.period(), r));
    for (var id : window) {
      var own = session.get(key(measure, id));
      if (own != null) {
        byPeriod.put(id, own);
      }
    }
    return byPeriod.values().stream().filter(Objects::nonNull).toList();
  }
}
