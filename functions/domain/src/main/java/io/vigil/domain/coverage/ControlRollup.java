package io.vigil.domain.coverage;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.control.AnnexAControl;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a run rolled up per Annex A control. The rules, strictest first:
 *
 * <ol>
 *   <li>no check maps to the control: MANUAL;
 *   <li>any result of a mapped check (primary or supporting) FAILs: FAIL;
 *   <li>any result of a mapped check is ERROR: ERROR (an error is never shown as a pass);
 *   <li>the control has primary checks and every one of them has results, all PASS: PASS;
 *   <li>only supporting checks, all passing: MANUAL (automation supports, a person must conclude);
 *   <li>otherwise (no resources to judge): NO_DATA.
 * </ol>
 */
public final class ControlRollup {

  /** The roll-up status of a control. */
  public enum Status {
    PASS,
    FAIL,
    ERROR,
    MANUAL,
    NO_DATA
  }

  /** One control's status with the counts of the results behind it. */
  public record Row(AnnexAControl control, Status status, Map<CheckStatus, Integer> counts,
      List<CheckId> failingChecks) {
    public Row {
      counts = Map.copyOf(counts);
      failingChecks = List.copyOf(failingChecks);
    }
  }

  private ControlRollup() {}

  public static List<Row> of(ControlCoverage coverage, List<CheckResult> results) {
    var byCheck = new HashMap<CheckId, List<CheckResult>>();
    results.forEach(r -> byCheck.computeIfAbsent(r.checkId(), k -> new ArrayList<>()).add(r));
    var rows = new ArrayList<Row>();
    for (var c : coverage.rows()) {
      var counts = new EnumMap<CheckStatus, Integer>(CheckStatus.class);
      var failing = new ArrayList<CheckId>();
      var mapped = new ArrayList<>(c.primary());
      mapped.addAll(c.supporting());
      for (var check : mapped) {
        for (var r : byCheck.getOrDefault(check.id(), List.of())) {
          counts.merge(r.status(), 1, Integer::sum);
          if (r.status() == CheckStatus.FAIL && !failing.contains(check.id())) {
            failing.add(check.id());
          }
        }
      }
      rows.add(new Row(c.control(), status(c, counts, byCheck), counts, failing));
    }
    return rows;
  }

  private static Status status(ControlCoverage.Row c, Map<CheckStatus, Integer> counts,
      Map<CheckId, List<CheckResult>> byCheck) {
    if (c.evidence() == ControlCoverage.Evidence.MANUAL) {
      return Status.MANUAL;
    }
    if (counts.getOrDefault(CheckStatus.FAIL, 0) > 0) {
      return Status.FAIL;
    }
    if (counts.getOrDefault(CheckStatus.ERROR, 0) > 0) {
      return Status.ERROR;
    }
    if (c.primary().isEmpty()) {
      return Status.MANUAL;
    }
    boolean everyPrimaryPasses = c.primary().stream().allMatch(check -> byCheck
        .getOrDefault(check.id(), List.of()).stream()
        .anyMatch(r -> r.status() == CheckStatus.PASS));
    return everyPrimaryPasses ? Status.PASS : Status.NO_DATA;
  }
}
