package io.vigil.functions.summarizeperformance;

import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.performance.EvidenceStats;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The Annex A controls with automated checks, rolled up from the latest results' counts by the
 * rules of {@code vigil controls} ({@link io.vigil.domain.coverage.ControlRollup}): FAIL when any
 * result of a mapped check (primary or supporting) fails; otherwise ERROR when any is an error;
 * PASS when the control has primary checks and each of them has a passing result; controls with
 * supporting checks only need a person's conclusion, and the rest have no data yet.
 */
public record ControlCounts(int passing, int failing, int errors, int noData) {

  /** Rolls {@code counts} up over the controls of {@code checks}. */
  public static ControlCounts of(List<EvidenceStats.CheckCount> counts, CheckIndex checks) {
    var byCheck = new HashMap<String, long[]>();
    for (var c : counts) {
      var sum = byCheck.computeIfAbsent(c.checkId(), k -> new long[3]);
      sum[0] += c.passed();
      sum[1] += c.failed();
      sum[2] += c.errors();
    }
    var primary = new HashMap<ControlId, List<String>>();
    var mapped = new HashMap<ControlId, LinkedHashSet<String>>();
    for (var entry : checks.all()) {
      for (var control : entry.primary()) {
        primary.computeIfAbsent(control, k -> new java.util.ArrayList<>()).add(entry.id());
      }
      for (var control : entry.controls()) {
        mapped.computeIfAbsent(control, k -> new LinkedHashSet<>()).add(entry.id());
      }
    }
    int passing = 0;
    int failing = 0;
    int errors = 0;
    int noData = 0;
    for (Map.Entry<ControlId, LinkedHashSet<String>> e : mapped.entrySet()) {
      long failed = 0;
      long errored = 0;
      for (var check : e.getValue()) {
        var sum = byCheck.getOrDefault(check, new long[3]);
        failed += sum[1];
        errored += sum[2];
      }
      var primaries = primary.getOrDefault(e.getKey(), List.of());
      if (failed > 0) {
        failing++;
      } else if (errored > 0) {
        errors++;
      } else if (primaries.isEmpty()) {
        continue; // supporting evidence only: a person concludes (MANUAL)
      } else if (primaries.stream().allMatch(
          check -> byCheck.getOrDefault(check, new long[3])[0] > 0)) {
        passing++;
      } else {
        noData++;
      }
    }
    return new ControlCounts(passing, failing, errors, noData);
  }
}
