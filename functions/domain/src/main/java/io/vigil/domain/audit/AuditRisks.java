package io.vigil.domain.audit;

import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The planner's risk inputs from Vigil's records: per control and clause id, the open automated
 * findings (failing evidence), open nonconformities and major ones, and the people implementing
 * their outstanding corrective actions (who may not audit the item). Risk level from a risk
 * register is not known here and is 0.
 */
public final class AuditRisks {

  private AuditRisks() {}

  /**
   * @param actions the corrective actions of a finding (a caller that cannot read them passes
   *     {@code id -> List.of()}: no implementers are then known)
   */
  public static Map<String, ItemRisk> fromOpenFindings(List<Finding> open,
      Function<FindingId, List<CorrectiveAction>> actions) {
    var failing = new TreeMap<String, Integer>();
    var nonconformities = new TreeMap<String, Integer>();
    var major = new TreeMap<String, Integer>();
    var implementers = new TreeMap<String, Set<String>>();
    for (var f : open) {
      var items = new HashSet<String>();
      f.controls().forEach(c -> items.add(c.toString()));
      f.clauses().forEach(c -> items.add(c.toString()));
      if (f.checkId() != null) {
        items.forEach(i -> failing.merge(i, 1, Integer::sum));
      }
      if (!f.type().isNonconformity()) {
        continue;
      }
      items.forEach(i -> nonconformities.merge(i, 1, Integer::sum));
      if (f.type() == FindingType.MAJOR_NONCONFORMITY) {
        items.forEach(i -> major.merge(i, 1, Integer::sum));
      }
      for (var action : actions.apply(f.id())) {
        if (!action.status().isOutstanding()) {
          continue;
        }
        var who = action.implementedBy() != null && !action.implementedBy().isBlank()
            ? action.implementedBy() : action.owner();
        if (who != null && !who.isBlank()) {
          items.forEach(i -> implementers.computeIfAbsent(i, k -> new HashSet<>()).add(who));
        }
      }
    }
    var keys = new HashSet<String>();
    keys.addAll(failing.keySet());
    keys.addAll(nonconformities.keySet());
    keys.addAll(implementers.keySet());
    var all = new TreeMap<String, ItemRisk>();
    for (var item : keys) {
      all.put(item, new ItemRisk(item, failing.getOrDefault(item, 0),
          nonconformities.getOrDefault(item, 0), major.getOrDefault(item, 0), 0,
          implementers.getOrDefault(item, Set.of())));
    }
    return all;
  }
}
