package io.vigil.domain.collection;

import io.vigil.domain.check.ScanTarget;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The message form of a {@link CollectionUnit}, as queued for the fan-out: a flat JSON object
 * (decoded here as a map) with a schema version. Reading refuses anything malformed with a message
 * naming the field, so a bad message fails visibly (and ends in the dead-letter queue) instead of
 * being half-processed.
 *
 * <p>Fields: {@code schemaVersion} (1), {@code runId}, {@code trigger}, {@code accountId},
 * {@code region}, {@code partition}, {@code homeRegion}, {@code serviceGroup} (added within
 * version 1: a message without it is a unit of every group, {@code all}) and, for a change,
 * {@code change} ({@code service}, {@code resourceType}, {@code resource}).
 */
public final class UnitMessage {

  /** Version of this message layout. */
  public static final int SCHEMA_VERSION = 1;

  private UnitMessage() {}

  public static Map<String, Object> toMap(CollectionUnit unit) {
    var m = new LinkedHashMap<String, Object>();
    m.put("schemaVersion", SCHEMA_VERSION);
    m.put("runId", unit.runId());
    m.put("trigger", unit.trigger());
    m.put("accountId", unit.target().accountId());
    m.put("region", unit.target().region());
    m.put("partition", unit.target().partition());
    m.put("homeRegion", unit.homeRegion());
    m.put("serviceGroup", unit.serviceGroup());
    if (unit.change() != null) {
      var c = new LinkedHashMap<String, Object>();
      c.put("service", unit.change().service());
      c.put("resourceType", unit.change().resourceType());
      c.put("resource", unit.change().resource());
      m.put("change", c);
    }
    return m;
  }

  public static CollectionUnit fromMap(Map<?, ?> m) {
    var version = m.get("schemaVersion");
    if (!(version instanceof Number n) || n.intValue() != SCHEMA_VERSION) {
      throw new IllegalArgumentException("unit message field 'schemaVersion' must be "
          + SCHEMA_VERSION + ", got " + version);
    }
    var target = new ScanTarget(text(m, "accountId"), text(m, "region"), optional(m, "partition"));
    if (!(m.get("homeRegion") instanceof Boolean home)) {
      throw new IllegalArgumentException("unit message field 'homeRegion' must be a boolean");
    }
    ChangeScope change = null;
    var c = m.get("change");
    if (c instanceof Map<?, ?> cm) {
      change = new ChangeScope(text(cm, "service"), optional(cm, "resourceType"),
          optional(cm, "resource"));
    } else if (c != null) {
      throw new IllegalArgumentException("unit message field 'change' must be an object");
    }
    var group = optional(m, "serviceGroup");
    if (group != null && !group.matches("[a-z][a-z0-9-]{0,31}")) {
      throw new IllegalArgumentException("unit message field 'serviceGroup' must be a service group"
          + " name such as 'network' (or 'all'), got '" + group + "'");
    }
    return new CollectionUnit(text(m, "runId"), text(m, "trigger"), target, home, change,
        group == null ? CollectionUnit.ALL_GROUPS : group);
  }

  private static String text(Map<?, ?> m, String field) {
    var v = m.get(field);
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("unit message field '" + field + "' must be a non-blank"
          + " string, got " + v);
    }
    return s;
  }

  private static String optional(Map<?, ?> m, String field) {
    var v = m.get(field);
    if (v != null && !(v instanceof String)) {
      throw new IllegalArgumentException("unit message field '" + field + "' must be a string");
    }
    return (String) v;
  }
}
