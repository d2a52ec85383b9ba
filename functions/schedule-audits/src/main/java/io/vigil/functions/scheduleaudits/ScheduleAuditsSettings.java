package io.vigil.functions.scheduleaudits;

import io.micronaut.context.env.Environment;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.audit.ProgrammeConfig;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The function's configuration, from Micronaut properties or the matching environment variables
 * ({@code VIGIL_AUDITS_CONFIG} is {@code vigil.audits.config}).
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><td>vigil.table-name</td><td>DynamoDB table (default {@code vigil})</td></tr>
 *   <tr><td>vigil.audits.config</td><td>the programme configuration as a JSON string (see
 *       {@link ProgrammeConfigJson})</td></tr>
 *   <tr><td>vigil.audits.config-file</td><td>or: path of the configuration file</td></tr>
 *   <tr><td>vigil.audits.schedule-group</td><td>EventBridge Scheduler group of the reminders
 *       (default {@code vigil-audits})</td></tr>
 *   <tr><td>vigil.audits.reminder-target-arn</td><td>what the reminders invoke: the Vigil event
 *       bus (the notify path) or the notify function; no reminders when empty</td></tr>
 *   <tr><td>vigil.audits.reminder-role-arn</td><td>role the Scheduler assumes to invoke
 *       it</td></tr>
 *   <tr><td>vigil.audits.reminder-dead-letter-arn</td><td>SQS queue for reminders the target
 *       still refuses after 3 retries (optional)</td></tr>
 *   <tr><td>vigil.audits.timezone</td><td>time zone of the reminders (default UTC)</td></tr>
 *   <tr><td>vigil.audits.reminder-time</td><td>time of day of the reminders (default
 *       09:00)</td></tr>
 *   <tr><td>vigil.aws.*</td><td>endpoint-url, region, access-key-id, secret-access-key</td></tr>
 * </table>
 */
@Singleton
public final class ScheduleAuditsSettings {

  public static final String TABLE_NAME = "vigil.table-name";
  public static final String CONFIG = "vigil.audits.config";
  public static final String CONFIG_FILE = "vigil.audits.config-file";
  public static final String SCHEDULE_GROUP = "vigil.audits.schedule-group";
  public static final String TARGET_ARN = "vigil.audits.reminder-target-arn";
  public static final String ROLE_ARN = "vigil.audits.reminder-role-arn";
  public static final String DEAD_LETTER_ARN = "vigil.audits.reminder-dead-letter-arn";
  public static final String TIMEZONE = "vigil.audits.timezone";
  public static final String REMINDER_TIME = "vigil.audits.reminder-time";

  private final String tableName;
  private final String deadLetterArn;
  private final ProgrammeConfig programme;
  private final String scheduleGroup;
  private final Optional<String> targetArn;
  private final String roleArn;
  private final ZoneId zone;
  private final LocalTime reminderTime;
  private final AwsSettings aws;

  public ScheduleAuditsSettings(Environment env) {
    this.tableName = get(env, TABLE_NAME).orElse("vigil");
    var inline = get(env, CONFIG);
    var file = get(env, CONFIG_FILE);
    if (inline.isPresent() && file.isPresent()) {
      throw new IllegalStateException("set " + CONFIG + " or " + CONFIG_FILE + ", not both");
    }
    if (inline.isPresent()) {
      this.programme = ProgrammeConfigJson.parse(inline.get());
    } else if (file.isPresent()) {
      this.programme = ProgrammeConfigJson.read(Path.of(file.get()));
    } else {
      throw new IllegalStateException("no audit programme configuration: set " + CONFIG
          + " (JSON) or " + CONFIG_FILE + " (path)");
    }
    this.scheduleGroup = get(env, SCHEDULE_GROUP).orElse("vigil-audits");
    this.targetArn = get(env, TARGET_ARN);
    this.deadLetterArn = get(env, DEAD_LETTER_ARN).orElse(null);
    this.roleArn = get(env, ROLE_ARN).orElse("");
    if (targetArn.isPresent() && roleArn.isEmpty()) {
      throw new IllegalStateException(ROLE_ARN + " is required with " + TARGET_ARN);
    }
    try {
      this.zone = ZoneId.of(get(env, TIMEZONE).orElse("UTC"));
    } catch (DateTimeException e) {
      throw new IllegalStateException(TIMEZONE + ": " + e.getMessage(), e);
    }
    try {
      this.reminderTime = LocalTime.parse(get(env, REMINDER_TIME).orElse("09:00"));
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(REMINDER_TIME + " must be HH:mm", e);
    }
    this.aws = AwsSettings.fromLookup(key -> get(env, key));
  }

  private static Optional<String> get(Environment env, String key) {
    return env.getProperty(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
  }

  public String tableName() {
    return tableName;
  }

  public ProgrammeConfig programme() {
    return programme;
  }

  public String scheduleGroup() {
    return scheduleGroup;
  }

  /** The reminders' target; empty: reminders are not managed. */
  public Optional<String> targetArn() {
    return targetArn;
  }

  public String roleArn() {
    return roleArn;
  }

  /** Dead-letter queue of the reminders' target; null when none is configured. */
  public String deadLetterArn() {
    return deadLetterArn;
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalTime reminderTime() {
    return reminderTime;
  }

  public AwsSettings aws() {
    return aws;
  }
}
