package io.vigil.cli;

import io.vigil.domain.check.CheckResult;
import io.vigil.domain.control.ControlId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documented JSON form of check results written by {@code vigil collect}: an array of objects
 * with checkId, status, resourceArn, resourceType, accountId, region, controls ("A.8.24"),
 * severity, evidenceSha256, observedAt (ISO-8601), reason and runId.
 */
final class ResultsJson {

  private ResultsJson() {}

  /** The results as a JSON array, sorted by check id and resource ARN. */
  static String write(List<CheckResult> results) {
    var sorted = results.stream()
        .sorted(Comparator.comparing((CheckResult r) -> r.checkId().value())
            .thenComparing(CheckResult::resourceArn))
        .map(ResultsJson::element)
        .toList();
    return Json.write(sorted);
  }

  static Map<String, Object> element(CheckResult r) {
    var m = new LinkedHashMap<String, Object>();
    m.put("checkId", r.checkId().value());
    m.put("status", r.status().name());
    m.put("resourceArn", r.resourceArn());
    m.put("resourceType", r.resourceType());
    m.put("accountId", r.accountId());
    m.put("region", r.region());
    m.put("controls", r.controls().stream().map(ControlId::toString).toList());
    m.put("severity", r.severity().label());
    m.put("evidenceSha256", r.evidenceSha256().hex());
    m.put("observedAt", r.observedAt().toString());
    m.put("reason", r.reason());
    m.put("runId", r.runId());
    return m;
  }
}
