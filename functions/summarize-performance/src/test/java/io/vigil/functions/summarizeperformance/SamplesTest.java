package io.vigil.functions.summarizeperformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.evidence.JsonReader;
import io.vigil.domain.performance.Period;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The sample events: events/summarize-performance reads as documented, and
 * events/notify/summary-ready.json carries exactly the detail fields {@link SummaryReady} emits.
 */
class SamplesTest {

  private static final Path EVENTS = Path.of("..", "..", "events");
  private static final LocalDate NOW = LocalDate.parse("2027-06-30");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> sample(String path) throws IOException {
    return (Map<String, Object>) JsonReader.read(Files.readAllBytes(EVENTS.resolve(path)));
  }

  private static SummaryRequest read(String file) throws IOException {
    return SummaryRequest.fromEvent(sample("summarize-performance/" + file), ZoneOffset.UTC,
        Period.Kind.QUARTER, NOW);
  }

  @Test
  void theSchedulerSamplesReadAsTheirNamesSay() throws IOException {
    var weekly = read("weekly-summary.json");
    assertEquals(SummaryKind.SUMMARY, weekly.kind());
    assertEquals("2026-W49", weekly.period().id());
    assertEquals("2026-Q4", read("management-review.json").period().id());
    assertEquals("2026-11", read("management-review-month.json").period().id());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> read("bad-period.json"))
        .getMessage().contains("field 'detail.period'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> read("unknown-kind.json"))
        .getMessage().contains("field 'detail.kind'"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSummaryReadySampleHasTheFieldsTheCodeEmits() throws IOException {
    var sample = sample("notify/summary-ready.json");
    var event = new SummaryReady("management-review-2026-Q4", "2026-Q4", "management-review",
        "https://example", 1, 2, 3, 4, "ab");
    assertEquals(event.detailType(), sample.get("detail-type"));
    assertEquals("vigil", sample.get("source"));
    var detail = (Map<String, Object>) sample.get("detail");
    assertEquals(new TreeSet<>(event.detail().keySet()), new TreeSet<>(detail.keySet()));
    assertEquals(SummaryReady.idOf(SummaryKind.parse((String) detail.get("kind"), "kind"),
        (String) detail.get("period")), detail.get("summaryId"));
  }
}
