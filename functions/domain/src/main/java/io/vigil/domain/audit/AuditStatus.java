package io.vigil.domain.audit;

/**
 * Life cycle of an internal audit: planned by the programme, started by its auditor, completed
 * with a conclusion on every item (and a stored report), or cancelled before it started (its items
 * go back into the plan).
 */
public enum AuditStatus {
  PLANNED,
  IN_PROGRESS,
  COMPLETED,
  CANCELLED
}
