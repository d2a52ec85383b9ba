package io.vigil.domain.check;

import java.util.Map;
import java.util.Objects;

/**
 * What a check saw on one resource: the verdict, a human-readable reason, and the configuration
 * evidence it judged (canonical-JSON-able values: maps, lists, strings, numbers, booleans, null).
 */
public record Observation(
    String resourceArn, CheckStatus status, String reason, Map<String, Object> evidence) {

  public Observation {
    if (resourceArn == null || resourceArn.isBlank()) {
      throw new IllegalArgumentException("an observation names its resource ARN");
    }
    Objects.requireNonNull(status, "status");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an observation of " + resourceArn + " states its reason");
    }
    evidence = evidence == null ? Map.of() : evidence;
  }

  public static Observation pass(String arn, String reason, Map<String, Object> evidence) {
    return new Observation(arn, CheckStatus.PASS, reason, evidence);
  }

  public static Observation fail(String arn, String reason, Map<String, Object> evidence) {
    return new Observation(arn, CheckStatus.FAIL, reason, evidence);
  }

  public static Observation notApplicable(String arn, String reason) {
    return new Observation(arn, CheckStatus.NOT_APPLICABLE, reason, Map.of());
  }

  /** PASS or FAIL as the condition says, with one reason for each outcome. */
  public static Observation of(
      boolean compliant,
      String arn,
      String passReason,
      String failReason,
      Map<String, Object> evidence) {
    return compliant ? pass(arn, passReason, evidence) : fail(arn, failReason, evidence);
  }
}
