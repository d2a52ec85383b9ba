package io.vigil.domain.finding;

/** Life cycle of a corrective action (clause 10.2 c): planned, under way, done, or dropped. */
public enum ActionStatus {
  PLANNED,
  IN_PROGRESS,
  IMPLEMENTED,
  CANCELLED;

  /** Still to be done. */
  public boolean isOutstanding() {
    return this == PLANNED || this == IN_PROGRESS;
  }
}
