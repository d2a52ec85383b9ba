package io.vigil.domain.finding;

/**
 * Life cycle of a finding, following ISO/IEC 27001:2022 clause 10.2 a) to e):
 * OPEN → CORRECTED (a: correction and containment) → ANALYSED (b: root cause, similar
 * nonconformities) → ACTION_PLANNED (c: actions with owner and due date) → IMPLEMENTED →
 * EFFECTIVE (d: effectiveness reviewed) → CLOSED (e: ISMS changes recorded). REOPENED returns a
 * finding to treatment; observations and opportunities for improvement may instead be ACCEPTED
 * or DECLINED. See {@link FindingWorkflow} for the allowed moves and what each requires.
 */
public enum FindingStatus {
  OPEN,
  CORRECTED,
  ANALYSED,
  ACTION_PLANNED,
  IMPLEMENTED,
  EFFECTIVE,
  CLOSED,
  REOPENED,
  ACCEPTED,
  DECLINED;

  /** Open findings need attention; CLOSED and DECLINED ones are done. */
  public boolean isOpen() {
    return this != CLOSED && this != DECLINED;
  }
}
