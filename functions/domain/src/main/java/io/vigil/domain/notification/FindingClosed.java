package io.vigil.domain.notification;

import io.vigil.domain.finding.Finding;
import java.util.Map;

/** A finding was closed (or declined) by a person (event {@code Finding Closed}). */
public record FindingClosed(Finding finding, String by) implements DomainEvent {

  @Override
  public String detailType() {
    return "Finding Closed";
  }

  @Override
  public Map<String, Object> detail() {
    var d = Details.finding(finding);
    d.put("closedBy", by);
    Details.putIfPresent(d, "effectivenessReview", finding.treatment().effectivenessReview());
    Details.putIfPresent(d, "ismsChange", finding.treatment().ismsChange());
    Details.putIfPresent(d, "decisionReason", finding.treatment().decisionReason());
    return d;
  }

  @Override
  public String idempotencyKey() {
    return "finding-closed:" + finding.id() + ":" + finding.version();
  }
}
