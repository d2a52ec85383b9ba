package io.vigil.domain.finding;

/** Classification of a finding, as certification and internal audits grade them. */
public enum FindingType {
  /** A requirement is not fulfilled in a way that puts the ISMS's ability to achieve its results in doubt. */
  MAJOR_NONCONFORMITY,
  /** A requirement is not fulfilled, in an isolated or limited way. */
  MINOR_NONCONFORMITY,
  /** No requirement is broken yet, but one could be if nothing changes. */
  OBSERVATION,
  /** Conforming, but could be done better. */
  OPPORTUNITY_FOR_IMPROVEMENT;

  /** Nonconformities require a corrective action under clause 10.2. */
  public boolean isNonconformity() {
    return this == MAJOR_NONCONFORMITY || this == MINOR_NONCONFORMITY;
  }
}
