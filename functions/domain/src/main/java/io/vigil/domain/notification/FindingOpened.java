package io.vigil.domain.notification;

import io.vigil.domain.finding.Finding;
import java.util.Map;

/** A finding was raised, by a check ({@code runId} set) or by a person (event {@code Finding Opened}). */
public record FindingOpened(Finding finding, String runId) implements DomainEvent {

  @Override
  public String detailType() {
    return "Finding Opened";
  }

  @Override
  public Map<String, Object> detail() {
    var d = Details.finding(finding);
    Details.putIfPresent(d, "runId", runId);
    Details.putIfPresent(d, "relatedFindingId",
        finding.relatedFindingId() == null ? null : finding.relatedFindingId().value());
    return d;
  }

  @Override
  public String idempotencyKey() {
    return "finding-opened:" + finding.id();
  }
}
