package io.vigil.domain.check;

/**
 * Outcome of one check on one resource. ERROR means no evidence could be gathered (API call failed,
 * access denied, check bug): it is never counted as a pass.
 */
public enum CheckStatus {
  PASS,
  FAIL,
  ERROR,
  NOT_APPLICABLE
}
