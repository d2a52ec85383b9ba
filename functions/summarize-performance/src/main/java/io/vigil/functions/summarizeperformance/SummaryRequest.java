package io.vigil.functions.summarizeperformance;

import io.vigil.domain.evidence.JsonReader;
import io.vigil.domain.performance.Period;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one invocation is asked for: the kind and the period, read from an EventBridge Scheduler
 * event ({@code {"detail-type": "Scheduled Event", "time": "...", "detail": {"kind": "summary",
 * "period": "2026-W48"}}}). Without a period it is the one that ended last before the event's
 * {@code time} (in the configured time zone; else now): the previous ISO week for a summary, the
 * previous month or quarter (setting {@code vigil.reports.review-period}) for a management review.
 * Only ended periods are accepted, so that a stored result is never a partial one.
 *
 * @param today the day the request was made on, in the configured zone
 */
public record SummaryRequest(SummaryKind kind, Period period, LocalDate today) {

  private static final Set<String> DETAIL_FIELDS = Set.of("kind", "period");

  public SummaryRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(today, "today");
  }

  /**
   * Reads and checks the event; nothing is written for a bad one.
   *
   * @param reviewKind the management review's default period: MONTH or QUARTER
   * @param now today in {@code zone} when the event has no {@code time}
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public static SummaryRequest fromEvent(Map<String, Object> event, ZoneId zone,
      Period.Kind reviewKind, LocalDate now) {
    if (event == null) {
      throw new IllegalArgumentException("field 'detail' is required: the event is empty");
    }
    var today = today(event.get("time"), zone, now);
    var detailValue = event.get("detail");
    if (detailValue instanceof String text && text.strip().startsWith("{")) {
      // EventBridge Scheduler may pass the detail as JSON text
      try {
        detailValue = JsonReader.read(text.getBytes(StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("field 'detail' is not a JSON object: "
            + e.getMessage(), e);
      }
    }
    if (!(detailValue instanceof Map<?, ?> detail)) {
      throw new IllegalArgumentException("field 'detail' must be an object with 'kind' ("
          + String.join(" or ", SummaryKind.ids()) + ") and optionally 'period', got "
          + (detailValue == null ? "nothing" : describe(detailValue)));
    }
    for (var key : detail.keySet()) {
      if (!DETAIL_FIELDS.contains(String.valueOf(key))) {
        throw new IllegalArgumentException("field 'detail." + key + "': unknown field (expected"
            + " one of " + List.of("kind", "period") + ")");
      }
    }
    var kindValue = detail.get("kind");
    if (kindValue != null && !(kindValue instanceof String)) {
      throw new IllegalArgumentException("field 'detail.kind' must be a string, got "
          + describe(kindValue));
    }
    var kind = SummaryKind.parse((String) kindValue, "detail.kind");
    var periodValue = detail.get("period");
    Period period;
    if (periodValue == null) {
      period = defaultPeriod(kind, reviewKind, today);
    } else if (periodValue instanceof String text) {
      try {
        period = Period.parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("field 'detail.period': " + e.getMessage(), e);
      }
    } else {
      throw new IllegalArgumentException("field 'detail.period' must be a string such as"
          + " 2026-W48, 2026-11 or 2026-Q4, got " + describe(periodValue));
    }
    return of(kind, period, today);
  }

  /**
   * A request for {@code period}, checked.
   *
   * @throws IllegalArgumentException if a management review is asked for a week, or the period
   *     has not ended on {@code today}
   */
  public static SummaryRequest of(SummaryKind kind, Period period, LocalDate today) {
    if (kind == SummaryKind.MANAGEMENT_REVIEW && period.kind() == Period.Kind.WEEK) {
      throw new IllegalArgumentException("field 'detail.period': a management review covers a"
          + " month or a quarter, not the week " + period.id());
    }
    if (period.end().isAfter(today)) {
      throw new IllegalArgumentException("field 'detail.period': " + period.id() + " has not"
          + " ended yet (it ends on " + period.lastDay() + "); only ended periods are reported");
    }
    return new SummaryRequest(kind, period, today);
  }

  /** The period that ended last before {@code today}. */
  public static Period defaultPeriod(SummaryKind kind, Period.Kind reviewKind, LocalDate today) {
    var granularity = kind == SummaryKind.SUMMARY ? Period.Kind.WEEK : reviewKind;
    return Period.containing(granularity, today).previous();
  }

  private static LocalDate today(Object time, ZoneId zone, LocalDate now) {
    if (time == null) {
      return now;
    }
    if (time instanceof String s && !s.isBlank()) {
      try {
        return OffsetDateTime.parse(s.strip()).atZoneSameInstant(zone).toLocalDate();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("field 'time' is not an ISO-8601 time such as"
            + " 2026-12-07T06:00:00Z: '" + s + "'", e);
      }
    }
    throw new IllegalArgumentException("field 'time' must be an ISO-8601 time string, got "
        + describe(time));
  }

  private static String describe(Object value) {
    return value instanceof String s ? "'" + s + "'"
        : value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + value;
  }
}
