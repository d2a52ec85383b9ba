package io.vigil.domain.finding;

/** Life cycle of a finding, following ISO/IEC 27001:2022 clause 10.2 a) to e). */
public enum FindingStatus {
  /** Raised, not yet reacted to. */
  OPEN,
  /** Correction and containment done, causes being evaluated and actions implemented. */
  IN_TREATMENT,
  /** Actions implemented, effectiveness being verified. */
  PENDING_VERIFICATION,
  /** Effectiveness verified and recorded. */
  CLOSED;

  public boolean isOpen() {
    return this != CLOSED;
  }
}
