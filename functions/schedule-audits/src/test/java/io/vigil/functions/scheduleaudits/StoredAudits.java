package io.vigil.functions.scheduleaudits;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

/**
 * What schedule-audits left behind: every item of a Vigil table and every schedule of a reminder
 * group, for comparing runs.
 *
 * @param items each item as attribute → rendered value (type-tagged, maps sorted), sorted by key
 * @param schedules by name: every field of the schedule, its creation and modification times
 *     included
 */
record StoredAudits(List<SortedMap<String, String>> items,
    SortedMap<String, SortedMap<String, String>> schedules) {

  /** Reads the table (strongly consistent) and every schedule of the group. */
  static StoredAudits capture(DynamoDbClient dynamo, SchedulerClient scheduler, String table,
      String group) {
    var items = new ArrayList<SortedMap<String, String>>();
    dynamo.scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).build())
        .items().forEach(item -> {
          var rendered = new TreeMap<String, String>();
          item.forEach((name, value) -> rendered.put(name, render(value)));
          items.add(rendered);
        });
    items.sort((a, b) -> (a.get("PK") + "|" + a.get("SK")).compareTo(b.get("PK") + "|"
        + b.get("SK")));
    var schedules = new TreeMap<String, SortedMap<String, String>>();
    scheduler.listSchedulesPaginator(r -> r.groupName(group)).schedules().forEach(s ->
        schedules.put(s.name(), fields(scheduler.getSchedule(r -> r.groupName(group)
            .name(s.name())))));
    return new StoredAudits(List.copyOf(items), schedules);
  }

  /**
   * Without what differs between invocations doing the same work: the plan head's
   * {@code savedAt} (the "now" of its write) and the schedules' creation and modification times
   * (the Scheduler's clock). Everything else is compared as it is.
   */
  StoredAudits normalised() {
    var normalItems = items.stream().map(i -> {
      var copy = new TreeMap<>(i);
      if ("S:AuditPlan".equals(i.get("type"))) {
        copy.computeIfPresent("savedAt", (k, v) -> "<per-invocation>");
      }
      return (SortedMap<String, String>) copy;
    }).toList();
    var normalSchedules = new TreeMap<String, SortedMap<String, String>>();
    schedules.forEach((name, fields) -> {
      var copy = new TreeMap<>(fields);
      copy.remove("created");
      copy.remove("modified");
      normalSchedules.put(name, copy);
    });
    return new StoredAudits(normalItems, normalSchedules);
  }

  private static SortedMap<String, String> fields(GetScheduleResponse s) {
    var out = new TreeMap<String, String>();
    out.put("description", s.description());
    out.put("expression", s.scheduleExpression());
    out.put("timezone", s.scheduleExpressionTimezone());
    out.put("state", s.stateAsString());
    out.put("window", String.valueOf(s.flexibleTimeWindow()));
    out.put("afterCompletion", s.actionAfterCompletionAsString());
    out.put("target", String.valueOf(s.target()));
    out.put("created", String.valueOf(s.creationDate()));
    out.put("modified", String.valueOf(s.lastModificationDate()));
    return out;
  }

  private static String render(AttributeValue v) {
    if (v.s() != null) {
      return "S:" + v.s();
    }
    if (v.n() != null) {
      return "N:" + v.n();
    }
    if (v.bool() != null) {
      return "BOOL:" + v.bool();
    }
    if (v.hasL()) {
      return "L:" + v.l().stream().map(StoredAudits::render).toList();
    }
    if (v.hasM()) {
      var m = new TreeMap<String, String>();
      v.m().forEach((k, x) -> m.put(k, render(x)));
      return "M:" + m;
    }
    if (v.hasSs()) {
      return "SS:" + v.ss().stream().sorted().toList();
    }
    throw new IllegalArgumentException("unexpected attribute value " + v);
  }
}
