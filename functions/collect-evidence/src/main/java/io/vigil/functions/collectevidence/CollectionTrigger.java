package io.vigil.functions.collectevidence;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What started a collection run, read from the EventBridge event that invoked the function. The
 * event is validated field by field before anything is written, and every error names the field and
 * what was expected.
 *
 * <p>Accepted today: the EventBridge Scheduler / scheduled-rule event ({@code "detail-type":
 * "Scheduled Event"}, {@code "source": "aws.events"} or {@code "aws.scheduler"}). Its
 * {@code resources[0]} (the schedule or rule ARN) and {@code time} (the scheduled time) identify the
 * trigger: a re-delivery of the same event carries both unchanged and so maps to the same run.
 */
public record CollectionTrigger(
    String eventId, String source, String account, String region, Instant time, String scheduleArn) {

  public static final String SCHEDULED_EVENT = "Scheduled Event";
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

  public CollectionTrigger {
    Objects.requireNonNull(time, "time");
  }

  /** Parses and validates an EventBridge scheduled event given as decoded JSON. */
  public static CollectionTrigger parse(Map<String, Object> event) {
    if (event == null || event.isEmpty()) {
      throw new InvalidEventException("the event is empty: expected an EventBridge \"Scheduled Event\""
          + " (see events/collect-evidence/scheduled-run.json)");
    }
    var detailType = requireString(event, "detail-type");
    if (!SCHEDULED_EVENT.equals(detailType)) {
      throw new InvalidEventException("field 'detail-type' is '" + detailType + "': this function"
          + " accepts '" + SCHEDULED_EVENT + "' events");
    }
    var source = requireString(event, "source");
    if (!source.equals("aws.events") && !source.equals("aws.scheduler")) {
      throw new InvalidEventException("field 'source' is '" + source
          + "': expected 'aws.events' or 'aws.scheduler'");
    }
    var id = requireString(event, "id");
    var account = requireString(event, "account");
    if (!ACCOUNT.matcher(account).matches()) {
      throw new InvalidEventException("field 'account' must be a 12-digit AWS account id, got '"
          + account + "'");
    }
    var region = requireString(event, "region");
    if (!REGION.matcher(region).matches()) {
      throw new InvalidEventException("field 'region' must be an AWS region such as eu-west-1, got '"
          + region + "'");
    }
    var timeText = requireString(event, "time");
    Instant time;
    try {
      time = Instant.parse(timeText);
    } catch (DateTimeParseException e) {
      throw new InvalidEventException("field 'time' must be an ISO-8601 UTC timestamp such as"
          + " 2026-11-28T06:00:00Z, got '" + timeText + "'");
    }
    var resources = event.get("resources");
    if (resources == null) {
      throw new InvalidEventException("field 'resources' is missing: expected an array holding the"
          + " schedule or rule ARN");
    }
    if (!(resources instanceof List<?> list)) {
      throw new InvalidEventException("field 'resources' must be an array of strings, got "
          + typeName(resources));
    }
    if (list.isEmpty() || !(list.get(0) instanceof String arn) || !arn.startsWith("arn:")) {
      throw new InvalidEventException("field 'resources[0]' must be the ARN (a string starting with"
          + " 'arn:') of the schedule or rule that fired");
    }
    var detail = event.get("detail");
    if (detail != null && !(detail instanceof Map<?, ?>) && !(detail instanceof String)) {
      throw new InvalidEventException("field 'detail' must be an object (or a JSON string, as"
          + " EventBridge Scheduler sends it), got " + typeName(detail));
    }
    return new CollectionTrigger(id, source, account, region, time, (String) list.get(0));
  }

  /** Human-readable description of the trigger, stored with the run. */
  public String describe() {
    return "schedule " + scheduleArn + " at " + time;
  }

  private static String requireString(Map<String, Object> event, String field) {
    var value = event.get(field);
    if (value == null) {
      throw new InvalidEventException("field '" + field + "' is missing");
    }
    if (!(value instanceof String s)) {
      throw new InvalidEventException("field '" + field + "' must be a string, got " + typeName(value));
    }
    if (s.isBlank()) {
      throw new InvalidEventException("field '" + field + "' must not be blank");
    }
    return s;
  }

  private static String typeName(Object value) {
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    if (value instanceof List<?>) {
      return "an array";
    }
    if (value instanceof Number) {
      return "a number (" + value + ")";
    }
    if (value instanceof Boolean) {
      return "a boolean (" + value + ")";
    }
    return "a string";
  }
}
