package io.vigil.functions.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the function did with one event: one entry per target. */
public record NotifyReport(String eventId, List<Delivery> deliveries) {

  /** A delivery's final status. */
  public enum Status { SENT, DUPLICATE, DEAD_LETTERED }

  /** One target's outcome; {@code reason} only for dead letters (redacted). */
  public record Delivery(String target, Status status, int attempts, String reason) {}

  public NotifyReport {
    deliveries = List.copyOf(deliveries);
  }

  /** The JSON response: {@code {eventId, deliveries: [{target, status, attempts, reason?}]}}. */
  public Map<String, Object> toMap() {
    var list = new ArrayList<Object>();
    for (var d : deliveries) {
      var m = new LinkedHashMap<String, Object>();
      m.put("target", Redaction.redact(d.target()));
      m.put("status", d.status().name());
      m.put("attempts", d.attempts());
      if (d.reason() != null) {
        m.put("reason", Redaction.redact(d.reason()));
      }
      list.add(m);
    }
    var out = new LinkedHashMap<String, Object>();
    out.put("eventId", eventId);
    out.put("deliveries", list);
    return out;
  }
}
