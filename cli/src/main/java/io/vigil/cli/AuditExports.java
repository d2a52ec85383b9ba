package io.vigil.cli;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code vigil audits export}: the audit plan as CSV (RFC 4180, spreadsheet-safe cells) or as an
 * iCalendar file (RFC 5545) with one all-day event per audit for the auditors' calendars.
 */
final class AuditExports {

  static final String CRLF = "\r\n";
  static final int MAX_LINE_OCTETS = 75;
  private static final List<String> CSV_COLUMNS = List.of("id", "date", "auditor", "items",
      "criteria", "scope", "method");
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private AuditExports() {}

  /** One row per audit; items separated by spaces; CRLF line ends. */
  static String csv(AuditPlanFile.Plan plan) {
    var sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append(CRLF);
    for (var a : plan.audits()) {
      var cells = List.of(a.id(), a.date().toString(), a.auditor(), String.join(" ", a.items()),
          a.criteria(), a.scope(), a.method());
      sb.append(String.join(",", cells.stream().map(ResultFormats::cell).toList())).append(CRLF);
    }
    return sb.toString();
  }

  /**
   * A VCALENDAR with one VEVENT per audit: a UID stable per audit id (re-importing an updated
   * plan updates the events), the audit day as an all-day event, the auditor as ATTENDEE when the
   * plan has their e-mail; text escaped, lines folded at 75 octets, CRLF line ends.
   */
  static String ics(AuditPlanFile.Plan plan, Instant stamp) {
    var sb = new StringBuilder();
    line(sb, "BEGIN:VCALENDAR");
    line(sb, "VERSION:2.0");
    line(sb, "PRODID:-//Vigil//Internal audit programme//EN");
    line(sb, "CALSCALE:GREGORIAN");
    line(sb, "METHOD:PUBLISH");
    line(sb, "X-WR-CALNAME:" + text("Internal audits " + plan.from() + " to " + plan.to()));
    var dtstamp = STAMP.format(stamp.truncatedTo(ChronoUnit.SECONDS));
    for (var a : plan.audits()) {
      line(sb, "BEGIN:VEVENT");
      line(sb, "UID:" + text(a.id() + "@vigil"));
      line(sb, "DTSTAMP:" + dtstamp);
      line(sb, "DTSTART;VALUE=DATE:" + DATE.format(a.date()));
      line(sb, "DTEND;VALUE=DATE:" + DATE.format(a.date().plusDays(1)));
      line(sb, "SUMMARY:" + text("Internal audit " + a.id() + ": " + String.join(", ",
          a.items())));
      var description = "Scope: " + a.scope() + "\nCriteria: " + a.criteria() + "\nMethod: "
          + a.method() + "\nItems: " + String.join(", ", a.items()) + "\nAuditor: "
          + (a.auditorName() == null ? a.auditor() : a.auditorName() + " (" + a.auditor() + ")");
      line(sb, "DESCRIPTION:" + text(description));
      if (a.auditorEmail() != null) {
        var cn = a.auditorName() == null ? a.auditor() : a.auditorName();
        line(sb, "ATTENDEE;CN=" + param(cn) + ";ROLE=REQ-PARTICIPANT:mailto:"
            + a.auditorEmail());
      }
      line(sb, "TRANSP:TRANSPARENT");
      line(sb, "END:VEVENT");
    }
    line(sb, "END:VCALENDAR");
    return sb.toString();
  }

  /** RFC 5545 3.3.11 TEXT: backslash, semicolon, comma and newlines escaped; CRs dropped. */
  static String text(String value) {
    var sb = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case ';' -> sb.append("\\;");
        case ',' -> sb.append("\\,");
        case '\n' -> sb.append("\\n");
        case '\r' -> { }
        default -> sb.append(c < 0x20 && c != '\t' ? ' ' : c);
      }
    }
    return sb.toString();
  }

  /** RFC 5545 3.2 parameter value: quoted when it holds ':', ';' or ','; DQUOTEs dropped. */
  static String param(String value) {
    var v = value.replace("\"", "").replaceAll("[\\p{Cntrl}]", " ");
    return v.matches(".*[:;,].*") ? "\"" + v + "\"" : v;
  }

  /**
   * RFC 5545 3.1 folding: lines of at most 75 octets (UTF-8), continued on lines starting with
   * one space; a multi-byte character is never split. Each line ends with CRLF.
   */
  static String fold(String line) {
    var sb = new StringBuilder();
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + n > MAX_LINE_OCTETS) {
        sb.append(CRLF).append(' ');
        octets = 1;
      }
      sb.appendCodePoint(cp);
      octets += n;
      i += Character.charCount(cp);
    }
    return sb.append(CRLF).toString();
  }

  private static void line(StringBuilder sb, String contentLine) {
    sb.append(fold(contentLine));
  }
}
