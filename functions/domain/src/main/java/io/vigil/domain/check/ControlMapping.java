package io.vigil.domain.check;

import io.vigil.domain.control.ControlId;
import java.util.Objects;

/**
 * Links a check to an Annex A control. A PRIMARY check on its own gives evidence that the control
 * operates; a SUPPORTING check contributes but is not sufficient.
 */
public record ControlMapping(ControlId control, Relevance relevance) {

  public enum Relevance {
    PRIMARY,
    SUPPORTING
  }

  public ControlMapping {
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(relevance, "relevance");
  }

  public static ControlMapping primary(String control) {
    return new ControlMapping(ControlId.parse(control), Relevance.PRIMARY);
  }

  public static ControlMapping supporting(String control) {
    return new ControlMapping(ControlId.parse(control), Relevance.SUPPORTING);
  }

  public boolean isPrimary() {
    return relevance == Relevance.PRIMARY;
  }
}
