package io.vigil.domain.collection;

import java.util.List;

/**
 * Some units of a run could not be recorded (e.g. the store kept refusing writes). The other units
 * completed and are recorded; the run is left open so that a retry of its trigger redoes only the
 * failed units.
 */
public final class UnitsFailedException extends RuntimeException {

  private final List<String> failures;

  public UnitsFailedException(List<String> failures, int units) {
    super(failures.size() + " of " + units + " unit(s) failed and will be retried with the run: "
        + String.join("; ", failures));
    this.failures = List.copyOf(failures);
  }

  /** One line per failed unit: its id and the cause. */
  public List<String> failures() {
    return failures;
  }
}
