package io.vigil.domain.notification;

import io.vigil.domain.control.ControlId;
import io.vigil.domain.finding.Finding;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared pieces of event details. */
final class Details {

  private Details() {}

  /** The facts about a finding that every finding event carries. */
  static Map<String, Object> finding(Finding f) {
    var d = new LinkedHashMap<String, Object>();
    d.put("schemaVersion", 1);
    d.put("findingId", f.id().value());
    d.put("title", f.title());
    d.put("type", f.type().name());
    d.put("severity", f.severity().label());
    d.put("source", f.source().name());
    d.put("status", f.status().name());
    d.put("controls", f.controls().stream().map(ControlId::toString).toList());
    putIfPresent(d, "owner", f.owner());
    putIfPresent(d, "dueDate", f.dueDate() == null ? null : f.dueDate().toString());
    putIfPresent(d, "checkId", f.checkId() == null ? null : f.checkId().value());
    putIfPresent(d, "accountId", f.accountId());
    putIfPresent(d, "region", f.region());
    putIfPresent(d, "resourceArn", f.resourceArn());
    return d;
  }

  static void putIfPresent(Map<String, Object> d, String key, Object value) {
    if (value != null) {
      d.put(key, value);
    }
  }
}
