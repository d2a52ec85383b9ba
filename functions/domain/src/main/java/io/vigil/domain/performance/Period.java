package io.vigil.domain.performance;

import io.vigil.domain.finding.MissingFieldException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reporting period: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}) or an ISO week
 * ({@code 2026-W48}), from {@code start} (included) to {@code end} (excluded).
 */
public record Period(String id, Kind kind, LocalDate start, LocalDate end) {

  /** Granularity. */
  public enum Kind {
    WEEK, MONTH, QUARTER
  }

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(0[1-9]|[1-4]\\d|5[0-3])");

  public Period {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a period ends after it starts");
    }
  }

  /**
   * Parses {@code YYYY-MM}, {@code YYYY-Qn} or {@code YYYY-Www}.
   *
   * @throws MissingFieldException naming {@code period} otherwise
   */
  public static Period parse(String text) {
    var s = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
    var m = MONTH.matcher(s);
    if (m.matches()) {
      return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }
    m = QUARTER.matcher(s);
    if (m.matches()) {
      return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    m = WEEK.matcher(s);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(1));
      int week = Integer.parseInt(m.group(2));
      var monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      if (monday.get(IsoFields.WEEK_BASED_YEAR) != year) {
        throw new MissingFieldException("period", "'" + text + "': " + year + " has no week "
            + week);
      }
      return new Period(s, Kind.WEEK, monday, monday.plusWeeks(1));
    }
    throw new MissingFieldException("period", "'" + text + "' is not a period: use YYYY-MM"
        + " (month), YYYY-Qn (quarter) or YYYY-Www (ISO week)");
  }

  public static Period month(YearMonth month) {
    return new Period(month.toString(), Kind.MONTH, month.atDay(1),
        month.plusMonths(1).atDay(1));
  }

  public static Period quarter(int year, int quarter) {
    var start = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
    return new Period(year + "-Q" + quarter, Kind.QUARTER, start, start.plusMonths(3));
  }

  /** The period of the same kind that contains {@code day}. */
  public static Period containing(Kind kind, LocalDate day) {
    return switch (kind) {
      case MONTH -> month(YearMonth.from(day));
      case QUARTER -> quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
      case WEEK -> parse(String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
          day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    };
  }

  /** The period of the same kind just before this one. */
  public Period previous() {
    return containing(kind, start.minusDays(1));
  }

  /** The last day of the period. */
  public LocalDate lastDay() {
    return end.minusDays(1);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(end);
  }

  @Override
  public String toString() {
    return id;
  }
}
