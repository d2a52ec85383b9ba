package io.vigil.domain.finding;

import java.time.Instant;

/**
 * What was done about a finding, step by step (clause 10.2): the correction and containment, the
 * evaluation of causes and of similar nonconformities elsewhere, when the actions were implemented,
 * the effectiveness review and who made it, the ISMS changes made, and for observations and
 * opportunities the reason they were accepted or declined. Unset steps are null.
 */
public record Treatment(
    String correction,
    String similarNonconformities,
    Instant implementedAt,
    String effectivenessReview,
    String reviewedBy,
    Instant reviewedAt,
    String ismsChange,
    String decisionReason) {

  private static final Treatment NONE = new Treatment(null, null, null, null, null, null, null, null);

  public static Treatment none() {
    return NONE;
  }

  public Treatment withCorrection(String text) {
    return new Treatment(text, similarNonconformities, implementedAt, effectivenessReview,
        reviewedBy, reviewedAt, ismsChange, decisionReason);
  }

  public Treatment withSimilarNonconformities(String text) {
    return new Treatment(correction, text, implementedAt, effectivenessReview, reviewedBy,
        reviewedAt, ismsChange, decisionReason);
  }

  public Treatment withImplementedAt(Instant at) {
    return new Treatment(correction, similarNonconformities, at, effectivenessReview, reviewedBy,
        reviewedAt, ismsChange, decisionReason);
  }

  public Treatment withReview(String text, String reviewer, Instant at) {
    return new Treatment(correction, similarNonconformities, implementedAt, text, reviewer, at,
        ismsChange, decisionReason);
  }

  public Treatment withIsmsChange(String text) {
    return new Treatment(correction, similarNonconformities, implementedAt, effectivenessReview,
        reviewedBy, reviewedAt, text, decisionReason);
  }

  public Treatment withDecisionReason(String text) {
    return new Treatment(correction, similarNonconformities, implementedAt, effectivenessReview,
        reviewedBy, reviewedAt, ismsChange, text);
  }
}
