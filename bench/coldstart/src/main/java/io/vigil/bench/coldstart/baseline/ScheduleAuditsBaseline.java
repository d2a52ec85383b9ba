package io.vigil.bench.coldstart.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.vigil.adapters.dynamodb.DynamoDbAuditRepository;
import io.vigil.adapters.dynamodb.DynamoDbFindingRepository;
import io.vigil.adapters.scheduler.EventBridgeSchedulerAuditReminders;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.audit.AuditReminders;
import io.vigil.functions.scheduleaudits.AuditScheduling;
import io.vigil.functions.scheduleaudits.ProgrammeConfigJson;
import io.vigil.functions.scheduleaudits.ScheduleAuditsSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * Plain-Java baseline of {@code ScheduleAuditsHandler}: the settings of
 * {@code ScheduleAuditsSettings} read from the environment by hand (same keys, defaults and
 * parser), the wiring of {@code ScheduleAuditsFactory}, the same planning run per event. The
 * reminders go through the function's own {@link EventBridgeSchedulerAuditReminders}, so the
 * Scheduler requests are the function's, its fast path included (an unchanged plan: the group's
 * tags and listing, no {@code GetSchedule}).
 */
public final class ScheduleAuditsBaseline
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduleAuditsBaseline.class);

  private final AuditScheduling scheduling;
  private final ZoneId zone;

  /** INIT: settings, programme, SDK clients, repositories and reminders. */
  public ScheduleAuditsBaseline() {
    var table = Env.get(ScheduleAuditsSettings.TABLE_NAME, "vigil");
    var inline = Env.get(ScheduleAuditsSettings.CONFIG);
    var file = Env.get(ScheduleAuditsSettings.CONFIG_FILE);
    var programme = inline.isPresent() ? ProgrammeConfigJson.parse(inline.get())
        : ProgrammeConfigJson.read(Path.of(file.orElseThrow(() -> new IllegalStateException(
            "no audit programme configuration: set " + ScheduleAuditsSettings.CONFIG))));
    var group = Env.get(ScheduleAuditsSettings.SCHEDULE_GROUP, "vigil-audits");
    Optional<String> target = Env.get(ScheduleAuditsSettings.TARGET_ARN);
    var deadLetter = Env.get(ScheduleAuditsSettings.DEAD_LETTER_ARN).orElse(null);
    var role = Env.get(ScheduleAuditsSettings.ROLE_ARN, "");
    this.zone = ZoneId.of(Env.get(ScheduleAuditsSettings.TIMEZONE, "UTC"));
    var reminderTime = LocalTime.parse(Env.get(ScheduleAuditsSettings.REMINDER_TIME, "09:00"));
    var clients = new AwsClientFactory(AwsSettings.fromLookup(Env::get));
    var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder,
        clients.defaultRegion());
    var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    var findings = new DynamoDbFindingRepository(enhanced, table);
    var audits = new DynamoDbAuditRepository(enhanced, table);
    Function<String, String> email = id -> programme.auditors().stream()
        .filter(a -> a.id().equals(id)).map(a -> a.email()).findFirst().orElse(id);
    Optional<AuditReminders> reminders = target.map(arn ->
        new EventBridgeSchedulerAuditReminders(
            clients.client(SchedulerClient.class, SchedulerClient::builder,
                clients.defaultRegion()),
            group, arn, role, zone, reminderTime, Clock.systemUTC(), email, deadLetter));
    this.scheduling = new AuditScheduling(programme, findings, audits, reminders);
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    var today = today(event);
    var result = scheduling.run(today);
    LOG.info("audit programme from {}: {} audits, {} added, {} changed, {} removed,"
        + " {} unassigned", today, result.get("audits"), size(result.get("added")),
        size(result.get("changed")), size(result.get("removed")),
        size(result.get("unassigned")));
    return result;
  }

  private static int size(Object list) {
    return list instanceof List<?> l ? l.size() : 0;
  }

  private LocalDate today(Map<String, Object> event) {
    var time = event == null ? null : event.get("time");
    if (time instanceof String s && !s.isBlank()) {
      try {
        return OffsetDateTime.parse(s).atZoneSameInstant(zone).toLocalDate();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("field 'time' is not an ISO-8601 time: '" + s + "'",
            e);
      }
    }
    return LocalDate.now(zone);
  }
}
