package io.vigil.domain.audit;

import java.util.Set;

/**
 * What makes an item riskier, from Vigil's records: failing check results on its controls, open
 * nonconformities (and how many are major), the risk level from the risk register (0 none .. 3
 * high), and who implemented its open corrective actions (they may not audit it).
 */
public record ItemRisk(String item, int failingChecks, int openNonconformities,
    int openMajorNonconformities, int riskLevel, Set<String> actionImplementers) {

  public ItemRisk {
    actionImplementers = Set.copyOf(actionImplementers == null ? Set.of() : actionImplementers);
    if (failingChecks < 0 || openNonconformities < 0 || openMajorNonconformities < 0
        || riskLevel < 0 || riskLevel > 3) {
      throw new IllegalArgumentException("risk inputs of " + item + " out of range");
    }
  }

  public static ItemRisk none(String item) {
    return new ItemRisk(item, 0, 0, 0, 0, Set.of());
  }
}
