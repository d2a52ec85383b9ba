package io.vigil.adapters.dynamodb.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Time codecs of the table. Instants are ISO-8601 in UTC with exactly nine fraction digits
 * ({@code 2026-11-28T06:00:00.000000000Z}): fixed width, so that string order is time order in
 * sort keys and in conditions such as "not newer". Dates are {@code yyyy-MM-dd}.
 */
public final class Times {

  private static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
      .appendLiteral('Z')
      .toFormatter(Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private Times() {}

  public static String format(Instant instant) {
    return instant == null ? null : INSTANT.format(instant);
  }

  public static Instant parseInstant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  public static String format(LocalDate date) {
    return date == null ? null : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
  }

  public static LocalDate parseDate(String text) {
    return text == null ? null : LocalDate.parse(text);
  }
}
