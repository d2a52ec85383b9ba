package io.vigil.domain.finding;

/** Where a finding came from. */
public enum FindingSource {
  AUTOMATED_CHECK,
  INTERNAL_AUDIT,
  EXTERNAL_AUDIT,
  INCIDENT,
  MANAGEMENT_REVIEW
}
