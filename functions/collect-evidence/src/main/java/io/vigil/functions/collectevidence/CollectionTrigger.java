package io.vigil.functions.collectevidence;

import io.vigil.domain.collection.ChangeScope;
import io.vigil.domain.collection.RunIds;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What started a collection run, read from the EventBridge event that invoked the function. The
 * event is validated field by field before anything is written, and every error names the field and
 * what was expected. Three shapes are accepted:
 *
 * <ul>
 *   <li>{@code "Scheduled Event"} (EventBridge Scheduler or a scheduled rule): a full collection.
 *       Its {@code resources[0]} (schedule ARN) and {@code time} (scheduled time) identify the run,
 *       so a re-delivery lands on the same run.
 *   <li>{@code "Configuration Item Change Notification"} (AWS Config): re-evaluates the checks of the
 *       changed resource's type for that resource only.
 *   <li>{@code "AWS API Call via CloudTrail"}: re-evaluates the checks of the called service for the
 *       resource named in the request (or the whole service when none can be named). Read-only and
 *       failed calls change nothing and are ignored.
 * </ul>
 *
 * Change events are identified by their EventBridge {@code id}, which re-deliveries keep.
 *
 * @param kind what kind of event it was
 * @param runSource with {@code time}, the identity of the run (schedule ARN or change event id)
 * @param change the changed resource, null for a full collection
 * @param ignored why nothing needs to be collected (e.g. a read-only API call), else null
 */
public record CollectionTrigger(
    Kind kind, String eventId, String source, String account, String region, Instant time,
    String runSource, ChangeScope change, String ignored) {

  /** The accepted event kinds. */
  public enum Kind {
    SCHEDULED,
    CONFIG_CHANGE,
    API_CALL
  }

  public static final String SCHEDULED_EVENT = "Scheduled Event";
  public static final String CONFIG_CHANGE = "Configuration Item Change Notification";
  public static final String API_CALL = "AWS API Call via CloudTrail";
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

  public CollectionTrigger {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(time, "time");
  }

  /** Parses and validates an EventBridge event given as decoded JSON. */
  public static CollectionTrigger parse(Map<String, Object> event) {
    if (event == null || event.isEmpty()) {
      throw new InvalidEventException("the event is empty: expected an EventBridge \"Scheduled Event\""
          + " (see events/collect-evidence/scheduled-run.json)");
    }
    var detailType = Fields.requireString(event, "detail-type");
    var source = Fields.requireString(event, "source");
    var id = Fields.requireString(event, "id");
    var account = Fields.requireString(event, "account");
    if (!ACCOUNT.matcher(account).matches()) {
      throw new InvalidEventException("field 'account' must be a 12-digit AWS account id, got '"
          + account + "'");
    }
    var region = Fields.requireString(event, "region");
    if (!REGION.matcher(region).matches()) {
      throw new InvalidEventException("field 'region' must be an AWS region such as eu-west-1, got '"
          + region + "'");
    }
    var time = parseTime(Fields.requireString(event, "time"));
    return switch (detailType) {
      case SCHEDULED_EVENT -> scheduled(event, id, source, account, region, time);
      case CONFIG_CHANGE -> ConfigChange.parse(event, id, source, time);
      case API_CALL -> ApiCall.parse(event, id, source, account, region, time);
      default -> throw new InvalidEventException("field 'detail-type' is '" + detailType
          + "': this function accepts '" + SCHEDULED_EVENT + "', '" + CONFIG_CHANGE + "' and '"
          + API_CALL + "' events");
    };
  }

  private static CollectionTrigger scheduled(Map<String, Object> event, String id, String source,
      String account, String region, Instant time) {
    if (!source.equals("aws.events") && !source.equals("aws.scheduler")) {
      throw new InvalidEventException("field 'source' is '" + source
          + "': expected 'aws.events' or 'aws.scheduler'");
    }
    var resources = event.get("resources");
    if (resources == null) {
      throw new InvalidEventException("field 'resources' is missing: expected an array holding the"
          + " schedule or rule ARN");
    }
    if (!(resources instanceof List<?> list)) {
      throw new InvalidEventException("field 'resources' must be an array of strings, got "
          + Fields.typeName(resources));
    }
    if (list.isEmpty() || !(list.get(0) instanceof String arn) || !arn.startsWith("arn:")) {
      throw new InvalidEventException("field 'resources[0]' must be the ARN (a string starting with"
          + " 'arn:') of the schedule or rule that fired");
    }
    var detail = event.get("detail");
    if (detail != null && !(detail instanceof Map<?, ?>) && !(detail instanceof String)) {
      throw new InvalidEventException("field 'detail' must be an object (or a JSON string, as"
          + " EventBridge Scheduler sends it), got " + Fields.typeName(detail));
    }
    return new CollectionTrigger(Kind.SCHEDULED, id, source, account, region, time, arn, null, null);
  }

  static Instant parseTime(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidEventException("field 'time' must be an ISO-8601 UTC timestamp such as"
          + " 2026-11-28T06:00:00Z, got '" + text + "'");
    }
  }

  /** The run this trigger starts; a re-delivery of the same event gives the same id. */
  public String runId() {
    return RunIds.of(runSource, time);
  }

  /** The schedule or rule ARN of a scheduled trigger. */
  public String scheduleArn() {
    return kind == Kind.SCHEDULED ? runSource : null;
  }

  /** Human-readable description of the trigger, stored with the run. */
  public String describe() {
    return switch (kind) {
      case SCHEDULED -> "schedule " + runSource + " at " + time;
      case CONFIG_CHANGE -> "AWS Config change of " + change + " in " + account + "/" + region
          + " at " + time;
      case API_CALL -> "CloudTrail " + runSource.substring(runSource.lastIndexOf(':') + 1) + " on "
          + (change == null ? "-" : change.toString()) + " in " + account + "/" + region + " at "
          + time;
    };
  }
}
