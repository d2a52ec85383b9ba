package io.vigil.domain.finding;

import java.util.Map;
import java.util.Objects;

/**
 * A requested move of a finding to {@code to}, with the fields that state records:
 * {@code correction} (CORRECTED), {@code rootCause} and {@code similarNonconformities} (ANALYSED),
 * {@code effectivenessReview} (EFFECTIVE, REOPENED from IMPLEMENTED), {@code ismsChange} (CLOSED,
 * optional), {@code decisionReason} (ACCEPTED, DECLINED, REOPENED from CLOSED).
 */
public record Transition(FindingStatus to, Map<String, String> fields) {

  public static final String CORRECTION = "correction";
  public static final String ROOT_CAUSE = "rootCause";
  public static final String SIMILAR = "similarNonconformities";
  public static final String REVIEW = "effectivenessReview";
  public static final String ISMS_CHANGE = "ismsChange";
  public static final String DECISION_REASON = "decisionReason";

  public Transition {
    Objects.requireNonNull(to, "to");
    fields = Map.copyOf(fields == null ? Map.of() : fields);
  }

  /** The field's text, or an exception naming it when missing or blank. */
  String require(String field) {
    var v = fields.get(field);
    if (v == null || v.isBlank()) {
      throw new MissingFieldException(field, "moving a finding to " + to + " requires '" + field
          + "'");
    }
    return v.trim();
  }

  String optional(String field) {
    var v = fields.get(field);
    return v == null || v.isBlank() ? null : v.trim();
  }
}
