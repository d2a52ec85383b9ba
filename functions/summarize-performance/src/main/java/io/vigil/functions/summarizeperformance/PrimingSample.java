package io.vigil.functions.summarizeperformance;

import io.vigil.domain.performance.Period;
import io.vigil.domain.performance.Report;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What the SnapStart warm-up works on: a scheduled event shaped like the weekly one and a tiny
 * report with one block of every kind (paragraph, table, line and bar charts, "no data"), so that
 * rendering it loads every renderer path, PDF fonts included. Made-up, fixed values only: nothing
 * in it is read from Vigil's records, the clock or a random source.
 */
final class PrimingSample {

  /** A Scheduler event for the weekly summary of 2000-W01. */
  static final String EVENT = """
      {"version": "0", "id": "00000000-0000-0000-0000-000000000000",
       "detail-type": "Scheduled Event", "source": "aws.scheduler", "account": "000000000000",
       "time": "2000-01-10T06:00:00Z", "region": "eu-west-1",
       "resources": ["arn:aws:scheduler:eu-west-1:000000000000:schedule/vigil/priming"],
       "detail": {"kind": "summary"}}
      """;

  private PrimingSample() {}

  /** The report of {@code period}: a few lines, every block kind, a character to escape. */
  static Report report(Period period) {
    var labels = List.of("W50", "W51", "W52", "W01");
    return new Report("performance-summary", "Performance summary " + period.id(), period,
        Instant.EPOCH,
        List.of(
            new Report.Section("status", "Status <& escaped>", List.of(
                new Report.Paragraph("Control pass rate: 75.0 % (3 of 4 checks passing)."),
                new Report.Table("Open findings", List.of("Finding", "Severity", "Due"),
                    List.of(List.of("F-priming", "high", "2000-01-31"))))),
            new Report.Section("trends", "Trends", List.of(
                new Report.Chart(Report.Chart.Kind.LINE, "Control pass rate", "%", labels,
                    Arrays.asList(70.0, null, 72.5, 75.0), 100.0),
                new Report.Chart(Report.Chart.Kind.BARS, "Findings opened", "findings", labels,
                    List.of(1.0, 0.0, 2.0, 1.0), null),
                new Report.NoData("No internal audit was due in this period.")))),
        List.of("Control pass rate: 75.0 %", "Open findings: 1"));
  }
}
