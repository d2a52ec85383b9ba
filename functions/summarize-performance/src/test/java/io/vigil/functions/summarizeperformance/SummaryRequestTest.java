package io.vigil.functions.summarizeperformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.performance.Period;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request read from a Scheduler event: defaults, explicit periods, and refusals by field. */
class SummaryRequestTest {

  private static final LocalDate NOW = LocalDate.parse("2026-11-28");

  private static Map<String, Object> event(String time, Object detail) {
    var e = new LinkedHashMap<String, Object>();
    e.put("detail-type", "Scheduled Event");
    if (time != null) {
      e.put("time", time);
    }
    e.put("detail", detail);
    return e;
  }

  private static SummaryRequest read(Map<String, Object> event) {
    return SummaryRequest.fromEvent(event, ZoneOffset.UTC, Period.Kind.QUARTER, NOW);
  }

  private static String refusal(Map<String, Object> event) {
    return assertThrows(IllegalArgumentException.class, () -> read(event)).getMessage();
  }

  @Test
  void aSummaryCoversThePreviousIsoWeek_acrossAYearWithWeek53() {
    assertEquals(Period.parse("2026-W48"), read(event("2026-11-30T06:00:00Z",
        Map.of("kind", "summary"))).period());
    assertEquals(Period.parse("2026-W53"), read(event("2027-01-04T06:00:00Z",
        Map.of("kind", "summary"))).period(), "2026 has 53 ISO weeks");
    assertEquals(Period.parse("2026-W47"), read(event(null, Map.of("kind", "summary")))
        .period(), "no time: today (" + NOW + ")");
  }

  @Test
  void aManagementReviewCoversThePreviousQuarterOrMonth() {
    var review = Map.<String, Object>of("kind", "management-review");
    assertEquals(Period.parse("2026-Q4"), read(event("2027-01-01T06:00:00Z", review)).period());
    assertEquals(Period.parse("2026-Q3"), read(event("2026-12-31T23:00:00Z", review)).period());
    assertEquals(Period.parse("2026-12"), SummaryRequest.fromEvent(
        event("2027-01-01T06:00:00Z", review), ZoneOffset.UTC, Period.Kind.MONTH, NOW)
        .period());
    assertEquals(SummaryKind.MANAGEMENT_REVIEW, read(event("2027-01-01T06:00:00Z", review))
        .kind());
  }

  @Test
  void theTimeZoneDecidesWhichPeriodJustEnded() {
    var event = event("2026-12-31T23:30:00Z", Map.of("kind", "management-review"));
    assertEquals(Period.parse("2026-Q3"), read(event).period());
    assertEquals(Period.parse("2026-Q4"), SummaryRequest.fromEvent(event,
        ZoneId.of("Europe/Berlin"), Period.Kind.QUARTER, NOW).period());
  }

  @Test
  void anExplicitEndedPeriodIsTaken_andSchedulerTextDetailIsRead() {
    assertEquals(Period.parse("2026-10"), read(event("2026-11-23T06:00:00Z",
        Map.of("kind", "management-review", "period", "2026-10"))).period());
    assertEquals(Period.parse("2026-W01"), read(event("2026-11-23T06:00:00Z",
        Map.of("kind", "summary", "period", "2026-w01"))).period());
    assertEquals(Period.parse("2026-Q3"), read(event("2026-11-23T06:00:00Z",
        "{\"kind\": \"summary\", \"period\": \"2026-Q3\"}")).period());
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    var t = "2026-11-23T06:00:00Z";
    assertTrue(refusal(event(t, null)).contains("field 'detail'"));
    assertTrue(refusal(event(t, List.of())).contains("field 'detail'"));
    assertTrue(refusal(event(t, "{}")).contains("field 'detail.kind'"));
    assertTrue(refusal(event(t, "not json")).contains("field 'detail'"));
    assertTrue(refusal(event(t, "{\"kind\": ")).contains("field 'detail'"));
    assertTrue(refusal(event(t, Map.of("kind", "weekly"))).contains("field 'detail.kind'"));
    assertTrue(refusal(event(t, Map.of("kind", 1))).contains("field 'detail.kind'"));
    assertTrue(refusal(event(t, Map.of("kind", "summary", "period", "2026-13")))
        .contains("field 'detail.period'"));
    assertTrue(refusal(event(t, Map.of("kind", "summary", "period", 202611)))
        .contains("field 'detail.period'"));
    assertTrue(refusal(event(t, Map.of("kind", "summary", "period", "2027-W53")))
        .contains("field 'detail.period'"));
    var extra = new HashMap<String, Object>(Map.of("kind", "summary", "periode", "2026-W40"));
    assertTrue(refusal(event(t, extra)).contains("field 'detail.periode'"));
    assertTrue(refusal(event("yesterday", Map.of("kind", "summary"))).contains("field 'time'"));
    assertTrue(refusal(event(t, Map.of("kind", "management-review", "period", "2026-W40")))
        .contains("month or a quarter"));
    var ongoing = refusal(event(t, Map.of("kind", "summary", "period", "2026-11")));
    assertTrue(ongoing.contains("field 'detail.period'") && ongoing.contains("not ended"),
        ongoing);
    assertTrue(refusal(event(t, Map.of("kind", "summary", "period", "2026-W48")))
        .contains("not ended"), "the week of the event is not over");
    assertThrows(IllegalArgumentException.class, () -> SummaryRequest.fromEvent(null,
        ZoneOffset.UTC, Period.Kind.QUARTER, NOW));
  }
}
