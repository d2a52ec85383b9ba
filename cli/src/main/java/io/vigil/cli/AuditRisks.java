package io.vigil.cli;

import io.vigil.domain.audit.ItemRisk;
import io.vigil.domain.finding.Finding;
import java.util.List;
import java.util.Map;

/**
 * The planner's risk inputs from the open findings Vigil stores: per control and clause id, an open
 * automated finding counts as failing evidence, an open nonconformity (and a major one) counts as
 * such. Risk levels and the implementers of corrective actions are not known here (0, none).
 */
final class AuditRisks {

  private AuditRisks() {}

  /**
   * Risk inputs per item id ("A.8.24", "9.2") of the items the open findings name — the domain's
   * rule; the CLI reads no corrective actions, so no implementers are known.
   */
  static Map<String, ItemRisk> fromFindings(List<Finding> open) {
    return io.vigil.domain.audit.AuditRisks.fromOpenFindings(open, id -> List.of());
  }
}
