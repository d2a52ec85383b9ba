package io.vigil.domain.finding;

/** Life cycle of a corrective action (clause 10.2 c and d). */
public enum ActionStatus {
  PLANNED,
  IN_PROGRESS,
  IMPLEMENTED,
  VERIFIED_EFFECTIVE,
  NOT_EFFECTIVE
}
