package io.vigil.functions.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Vigil bus event as EventBridge delivers it: {@code id}, {@code detail-type}, {@code source}
 * ({@code vigil}), {@code account}, {@code time}, {@code region}, {@code resources} and a
 * {@code detail} object holding {@code schemaVersion}. {@link #parse} validates and names the
 * offending field.
 *
 * @param raw the event as received (for dead letters)
 */
public record NotifyEvent(String id, String detailType, String source, String account,
    String time, String region, List<String> resources, Map<String, Object> detail,
    Map<String, Object> raw) {

  /** The event source Vigil publishes with. */
  public static final String SOURCE = "vigil";

  /** Validates a decoded EventBridge event. */
  public static NotifyEvent parse(Map<String, Object> event) {
    if (event == null) {
      throw new InvalidEventException("no event: expected an EventBridge event object");
    }
    var id = requiredText(event, "id");
    var detailType = requiredText(event, "detail-type");
    var source = requiredText(event, "source");
    if (!SOURCE.equals(source)) {
      throw new InvalidEventException("field 'source' must be '" + SOURCE + "' (a Vigil bus"
          + " event), got '" + Redaction.redact(source) + "'");
    }
    var account = optionalText(event, "account");
    var time = optionalText(event, "time");
    var region = optionalText(event, "region");
    var resources = new ArrayList<String>();
    var res = event.get("resources");
    if (res != null) {
      if (!(res instanceof List<?> list)) {
        throw new InvalidEventException("field 'resources' must be an array of strings");
      }
      for (var r : list) {
        resources.add(String.valueOf(r));
      }
    }
    var d = event.get("detail");
    if (!(d instanceof Map<?, ?> dm)) {
      throw new InvalidEventException("field 'detail' is missing or not an object");
    }
    var detail = new LinkedHashMap<String, Object>();
    dm.forEach((k, v) -> detail.put(String.valueOf(k), v));
    var version = detail.get("schemaVersion");
    if (!(version instanceof Number)) {
      throw new InvalidEventException("field 'detail.schemaVersion' is missing or not a number");
    }
    return new NotifyEvent(id, detailType, source, account, time, region, List.copyOf(resources),
        detail, event);
  }

  private static String requiredText(Map<String, Object> event, String field) {
    var v = event.get(field);
    if (v == null) {
      throw new InvalidEventException("field '" + field + "' is missing");
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw new InvalidEventException("field '" + field + "' must be a non-empty string");
    }
    return s;
  }

  private static String optionalText(Map<String, Object> event, String field) {
    var v = event.get(field);
    if (v != null && !(v instanceof String)) {
      throw new InvalidEventException("field '" + field + "' must be a string");
    }
    return (String) v;
  }

  /** A detail field as text, when present and not blank (numbers and booleans as text). */
  public Optional<String> text(String field) {
    var v = detail.get(field);
    if (v == null || v instanceof Map || v instanceof List) {
      return Optional.empty();
    }
    var s = String.valueOf(v);
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** The account the event is about: {@code detail.accountId}, else the event's account. */
  public Optional<String> subjectAccount() {
    return text("accountId").or(() -> Optional.ofNullable(account));
  }
}
