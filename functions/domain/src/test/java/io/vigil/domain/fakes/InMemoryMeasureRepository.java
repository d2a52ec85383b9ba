package io.vigil.domain.fakes;

import io.vigil.domain.performance.Measure;
import io.vigil.domain.performance.MeasureRepository;
import io.vigil.domain.performance.MeasureResult;
import io.vigil.domain.performance.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** In-memory {@link MeasureRepository}: results keyed by (measure, period). */
public class InMemoryMeasureRepository implements MeasureRepository {

  private final Map<String, MeasureResult> results = new TreeMap<>();

  @Override
  public synchronized void save(List<MeasureResult> list) {
    list.forEach(r -> results.put(r.measure().id() + "#" + r.period(), r));
  }

  @Override
  public synchronized List<MeasureResult> trend(Measure measure, Period upTo, int count) {
    var periods = new ArrayList<String>();
    var p = upTo;
    for (int i = 0; i < count; i++) {
      periods.add(0, p.id());
      p = p.previous();
    }
    var out = new ArrayList<MeasureResult>();
    for (var id : periods) {
      var r = results.get(measure.id() + "#" + id);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }
}
