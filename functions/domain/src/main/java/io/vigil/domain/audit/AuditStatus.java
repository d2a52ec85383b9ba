package io.vigil.domain.audit;

/** Life cycle of an internal audit. */
public enum AuditStatus {
  PLANNED,
  IN_PROGRESS,
  REPORTED,
  CLOSED,
  CANCELLED
}
