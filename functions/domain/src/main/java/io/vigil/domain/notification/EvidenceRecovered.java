package io.vigil.domain.notification;

import io.vigil.domain.check.CheckResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A check that had failed on a resource passed again: its open finding's evidence recovered and
 * awaits an effectiveness review (event {@code Evidence Recovered}).
 */
public record EvidenceRecovered(CheckResult result) implements DomainEvent {

  @Override
  public String detailType() {
    return "Evidence Recovered";
  }

  @Override
  public Map<String, Object> detail() {
    var d = new LinkedHashMap<String, Object>();
    d.put("schemaVersion", 1);
    d.put("checkId", result.checkId().value());
    d.put("accountId", result.accountId());
    d.put("region", result.region());
    d.put("resourceArn", result.resourceArn());
    d.put("severity", result.severity().label());
    d.put("observedAt", result.observedAt().toString());
    d.put("runId", result.runId());
    d.put("reason", result.reason());
    return d;
  }

  @Override
  public String idempotencyKey() {
    return "evidence-recovered:" + result.subjectKey() + ":" + result.runId();
  }
}
