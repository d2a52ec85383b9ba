package io.vigil.domain.check;

import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The recorded outcome of one check on one resource in one collection run. */
public record CheckResult(
    String runId,
    CheckId checkId,
    CheckStatus status,
    String accountId,
    String region,
    String resourceArn,
    String resourceType,
    List<ControlId> controls,
    Severity severity,
    Instant observedAt,
    Sha256 evidenceSha256,
    String reason) {

  public CheckResult {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(checkId, "checkId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(resourceArn, "resourceArn");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(evidenceSha256, "evidenceSha256");
    controls = List.copyOf(controls);
    reason = reason == null ? "" : reason;
  }

  /** Identity of the (account, check, resource) this result is about, stable across runs. */
  public String subjectKey() {
    return accountId + "#" + checkId + "#" + resourceArn;
  }
}
