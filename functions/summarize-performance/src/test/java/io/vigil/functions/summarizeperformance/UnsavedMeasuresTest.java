package io.vigil.functions.summarizeperformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.fakes.InMemoryMeasureRepository;
import io.vigil.domain.performance.Measure;
import io.vigil.domain.performance.MeasureResult;
import io.vigil.domain.performance.Period;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI's measures: stored ones with the session's laid over them, nothing written. */
class UnsavedMeasuresTest {

  private static final Instant T = Instant.parse("2026-11-28T06:00:00Z");

  private static MeasureResult r(String period, double value) {
    return new MeasureResult(Measure.OPEN_FINDINGS, period, value, Map.of(), "", T);
  }

  @Test
  void theSessionsResultsShowInTrendsButAreNotStored() {
    var stored = new InMemoryMeasureRepository();
    stored.save(List.of(r("2026-09", 5), r("2026-10", 4), r("2026-11", 9)));
    var unsaved = new UnsavedMeasures(stored);

    unsaved.save(List.of(r("2026-11", 3), r("2026-12", 2)));

    assertEquals(List.of(r("2026-10", 4), r("2026-11", 3), r("2026-12", 2)),
        unsaved.trend(Measure.OPEN_FINDINGS, Period.parse("2026-12"), 3));
    assertEquals(List.of(r("2026-10", 4), r("2026-11", 9)),
        stored.trend(Measure.OPEN_FINDINGS, Period.parse("2026-12"), 3), "nothing written");
    assertEquals(List.of(), unsaved.trend(Measure.OVERDUE_ACTIONS, Period.parse("2026-12"), 3));
    // several trends at once (the report's one read) are each the same as its own
    assertEquals(Map.of(Measure.OPEN_FINDINGS, List.of(r("2026-11", 3), r("2026-12", 2)),
            Measure.OVERDUE_ACTIONS, List.of()),
        unsaved.trends(Map.of(Measure.OPEN_FINDINGS, 2, Measure.OVERDUE_ACTIONS, 3),
            Period.parse("2026-12")));
  }
}
