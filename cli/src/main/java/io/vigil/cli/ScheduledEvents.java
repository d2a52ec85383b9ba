package io.vigil.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the EventBridge "Scheduled Event" the CLI hands to collect-evidence, shaped exactly like
 * {@code events/collect-evidence/scheduled-run.json}. The run id derives from the rule ARN and the
 * scheduled time, and the time is the current minute: two runs of the same command in the same
 * minute are the same run (the second changes nothing), as two deliveries of one event would be.
 */
final class ScheduledEvents {

  private ScheduledEvents() {}

  /**
   * The event of rule {@code ruleName} in {@code account}/{@code region} fired at {@code now}
   * (to the minute, as EventBridge schedules fire).
   */
  static Map<String, Object> of(String account, String region, String ruleName, Instant now) {
    return at(account, region, ruleName, now.truncatedTo(ChronoUnit.MINUTES));
  }

  /** The event fired at exactly {@code time}: a manual run, distinct from every other. */
  static Map<String, Object> at(String account, String region, String ruleName, Instant time) {
    var event = new LinkedHashMap<String, Object>();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", "Scheduled Event");
    event.put("source", "aws.events");
    event.put("account", account);
    event.put("time", time.toString());
    event.put("region", region);
    event.put("resources", List.of(ruleArn(account, region, ruleName)));
    event.put("detail", Map.of());
    return event;
  }

  static String ruleArn(String account, String region, String ruleName) {
    return "arn:aws:events:" + region + ":" + account + ":rule/" + ruleName;
  }
}
