package io.vigil.functions.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sample bus events for the tests. */
final class Events {

  private Events() {}

  static Map<String, Object> event(String detailType, Map<String, Object> detail) {
    var e = new LinkedHashMap<String, Object>();
    e.put("version", "0");
    e.put("id", UUID.randomUUID().toString());
    e.put("detail-type", detailType);
    e.put("source", "vigil");
    e.put("account", "123456789012");
    e.put("time", "2025-01-15T10:00:00Z");
    e.put("region", "eu-west-1");
    e.put("resources", List.of());
    var d = new LinkedHashMap<String, Object>();
    d.put("schemaVersion", 1);
    d.putAll(detail);
    e.put("detail", d);
    return e;
  }

  static Map<String, Object> findingOpened(String title, String severity) {
    var d = new LinkedHashMap<String, Object>();
    d.put("findingId", "F-" + UUID.randomUUID().toString().substring(0, 8));
    d.put("title", title);
    d.put("type", "NONCONFORMITY");
    d.put("severity", severity);
    d.put("source", "check");
    d.put("controls", List.of("A.8.24", "A.5.15"));
    d.put("accountId", "123456789012");
    d.put("region", "eu-west-1");
    d.put("resourceArn", "arn:aws:s3:::customer-data");
    d.put("checkId", "s3.bucket-encryption");
    d.put("dueDate", "2025-02-14");
    return event("Finding Opened", d);
  }

  static Map<String, Object> runCompleted(String runId, int findings) {
    var list = new ArrayList<Object>();
    for (int i = 0; i < findings; i++) {
      list.add(Map.of("findingId", "F-" + i, "title", "Bucket " + i + " is public",
          "severity", "high", "resourceArn", "arn:aws:s3:::bucket-" + i));
    }
    var d = new LinkedHashMap<String, Object>();
    d.put("runId", runId);
    d.put("trigger", "schedule");
    d.put("targets", 2);
    d.put("pass", 40);
    d.put("fail", findings);
    d.put("error", 0);
    d.put("findingsOpened", findings);
    d.put("findings", list);
    return event("Run Completed", d);
  }
}
