package io.vigil.domain.audit;

import io.vigil.domain.finding.FindingType;
import java.util.Optional;

/**
 * The auditor's conclusion on one audited item. Every conclusion but {@link #CONFORMING} is raised
 * as a finding of the same type in the findings workflow (clause 10.2), so that nonconformities get
 * a root cause and corrective actions, and observations and opportunities for improvement feed the
 * management review (9.3.2 g).
 */
public enum Conclusion {
  CONFORMING(null),
  MAJOR_NONCONFORMITY(FindingType.MAJOR_NONCONFORMITY),
  MINOR_NONCONFORMITY(FindingType.MINOR_NONCONFORMITY),
  OBSERVATION(FindingType.OBSERVATION),
  OPPORTUNITY_FOR_IMPROVEMENT(FindingType.OPPORTUNITY_FOR_IMPROVEMENT);

  private final FindingType findingType;

  Conclusion(FindingType findingType) {
    this.findingType = findingType;
  }

  /** The type of the finding this conclusion raises; empty for a conforming item. */
  public Optional<FindingType> findingType() {
    return Optional.ofNullable(findingType);
  }

  /** Human form: "major nonconformity". */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
