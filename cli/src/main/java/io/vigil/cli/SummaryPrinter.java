package io.vigil.cli;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.control.Theme;
import io.vigil.domain.finding.Finding;
import io.vigil.functions.collectevidence.CollectionResponse;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The readable summary of a collection run: results per Annex A theme and status, then the open
 * findings about the run's failures, each with type, severity, check, resource and due date.
 */
final class SummaryPrinter {

  private final PrintWriter out;

  SummaryPrinter(PrintWriter out) {
    this.out = out;
  }

  /** Prints the run header, the theme table and the findings. */
  void print(CollectionResponse run, List<CheckResult> results, List<Finding> findings,
      List<CheckMetadata> catalogue) {
    var accounts = results.stream().map(r -> r.accountId() + "/" + r.region())
        .collect(Collectors.toCollection(TreeSet::new));
    var checks = results.stream().map(CheckResult::checkId).distinct().count();
    out.println("Evidence run " + run.runId() + (run.duplicate() ? " (already done)" : ""));
    out.println("  " + results.size() + " results from " + checks + " checks in "
        + String.join(", ", accounts) + ": " + run.pass() + " pass, " + run.fail() + " fail, "
        + run.error() + " error, " + run.notApplicable() + " not applicable");
    out.println();
    printThemes(results);
    out.println();
    printFindings(run, findings, catalogue);
    out.flush();
  }

  /** One line per roll-up status with the number of Annex A controls, then the failing ones. */
  static void printControls(PrintWriter out, List<CheckMetadata> catalogue,
      List<CheckResult> results) {
    var coverage = new io.vigil.domain.coverage.ControlCoverage(
        io.vigil.domain.control.AnnexACatalogue.standard(), catalogue);
    var rows = io.vigil.domain.coverage.ControlRollup.of(coverage, results);
    var byStatus = new java.util.EnumMap<io.vigil.domain.coverage.ControlRollup.Status, Integer>(
        io.vigil.domain.coverage.ControlRollup.Status.class);
    rows.forEach(r -> byStatus.merge(r.status(), 1, Integer::sum));
    out.println();
    out.println("Annex A controls (93): " + java.util.Arrays.stream(
            io.vigil.domain.coverage.ControlRollup.Status.values())
        .map(s -> byStatus.getOrDefault(s, 0) + " " + s.name())
        .collect(Collectors.joining(", ")));
    out.println("  (PASS: every primary check passed; MANUAL: needs evidence from people;"
        + " see 'vigil controls')");
    rows.stream().filter(r -> r.status() == io.vigil.domain.coverage.ControlRollup.Status.FAIL)
        .forEach(r -> out.println("  FAIL  " + r.control().id() + " " + r.control().title()
            + ": " + r.failingChecks().stream().map(Object::toString)
                .collect(Collectors.joining(", "))));
    out.flush();
  }

  /** Counts per theme: a result counts once under each theme its controls belong to. */
  static Map<Theme, Map<CheckStatus, Integer>> byTheme(List<CheckResult> results) {
    var table = new EnumMap<Theme, Map<CheckStatus, Integer>>(Theme.class);
    for (var theme : Theme.values()) {
      table.put(theme, new EnumMap<>(CheckStatus.class));
    }
    for (var r : results) {
      Set<Theme> themes = r.controls().stream().map(ControlId::theme).map(Theme::ofNumber)
          .collect(Collectors.toSet());
      for (var theme : themes) {
        table.get(theme).merge(r.status(), 1, Integer::sum);
      }
    }
    return table;
  }

  private void printThemes(List<CheckResult> results) {
    var table = byTheme(results);
    out.println("Results by Annex A theme");
    out.printf("  %-20s %6s %6s %6s %6s%n", "theme", "PASS", "FAIL", "ERROR", "N/A");
    for (var e : table.entrySet()) {
      var c = e.getValue();
      out.printf("  %-20s %6d %6d %6d %6d%n", "A." + e.getKey().number() + " "
          + e.getKey().label(), c.getOrDefault(CheckStatus.PASS, 0),
          c.getOrDefault(CheckStatus.FAIL, 0), c.getOrDefault(CheckStatus.ERROR, 0),
          c.getOrDefault(CheckStatus.NOT_APPLICABLE, 0));
    }
    out.println("  (a result counts under each theme of the controls its check maps to)");
  }

  private void printFindings(CollectionResponse run, List<Finding> findings,
      List<CheckMetadata> catalogue) {
    var titles = new HashMap<CheckId, String>();
    catalogue.forEach(m -> titles.put(m.id(), m.title()));
    out.println("Findings (" + findings.size() + " open for this run's failures, "
        + run.findingsOpened() + " opened by this run)");
    if (findings.isEmpty()) {
      out.println("  none");
      return;
    }
    var sorted = findings.stream()
        .sorted(Comparator.comparing(Finding::severity)
            .thenComparing(f -> String.valueOf(f.checkId()))
            .thenComparing(f -> String.valueOf(f.resourceArn())))
        .toList();
    for (var f : sorted) {
      var title = titles.getOrDefault(f.checkId(), f.title());
      out.printf("  %-8s %-20s %s  due %s%n", f.severity().name(),
          f.type().name().toLowerCase(Locale.ROOT).replace('_', ' '), f.checkId(),
          f.dueDate() == null ? "-" : f.dueDate());
      out.println("           " + title);
      out.println("           " + f.resourceArn());
    }
  }

  /** Open findings whose subject failed in {@code results}: the findings about this run. */
  static List<Finding> aboutRun(List<Finding> open, List<CheckResult> results) {
    var failing = results.stream().filter(r -> r.status() == CheckStatus.FAIL)
        .map(CheckResult::subjectKey).collect(Collectors.toSet());
    return open.stream().filter(f -> f.subjectKey() != null && failing.contains(f.subjectKey()))
        .toList();
  }
}
