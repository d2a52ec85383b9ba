package io.vigil.cli;

import io.vigil.domain.audit.ItemRisk;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The planner's risk inputs from the open findings Vigil stores: per control and clause id, an open
 * automated finding counts as failing evidence, an open nonconformity (and a major one) counts as
 * such. Risk levels and the implementers of corrective actions are not known here (0, none).
 */
final class AuditRisks {

  private AuditRisks() {}

  /** Risk inputs per item id ("A.8.24", "9.2") of the items the open findings name. */
  static Map<String, ItemRisk> fromFindings(List<Finding> open) {
    var counts = new TreeMap<String, int[]>();
    for (var f : open) {
      var ids = new ArrayList<String>();
      f.controls().forEach(c -> ids.add(c.toString()));
      f.clauses().forEach(c -> ids.add(c.toString()));
      for (var id : ids) {
        var c = counts.computeIfAbsent(id, k -> new int[3]);
        if (f.source() == FindingSource.AUTOMATED_CHECK) {
          c[0]++;
        }
        if (f.type().isNonconformity()) {
          c[1]++;
        }
        if (f.type() == FindingType.MAJOR_NONCONFORMITY) {
          c[2]++;
        }
      }
    }
    var risks = new TreeMap<String, ItemRisk>();
    counts.forEach((id, c) -> risks.put(id, new ItemRisk(id, c[0], c[1], c[2], 0, Set.of())));
    return risks;
  }
}
