package io.vigil.domain.audit;

import io.vigil.domain.control.ControlId;
import java.time.Instant;
import java.util.List;

/** Port: the automated evidence Vigil holds for an Annex A control (check results of the period). */
@FunctionalInterface
public interface AuditEvidence {

  /**
   * The latest results of each check mapped to {@code control}, observed at or after
   * {@code since}, one {@link CheckEvidence} per check that has any (by check id).
   */
  List<CheckEvidence> forControl(ControlId control, Instant since);

  /** No automated evidence (e.g. a deployment without collection). */
  static AuditEvidence none() {
    return (control, since) -> List.of();
  }
}
