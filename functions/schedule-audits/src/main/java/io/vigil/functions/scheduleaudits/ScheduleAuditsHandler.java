package io.vigil.functions.scheduleaudits;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda handler of schedule-audits, run daily by an EventBridge Scheduler "Scheduled Event":
 * plans the internal audit programme from today (the event's {@code time} in the configured time
 * zone, else now), saves the plan and syncs the reminders. Answers {@code {from, audits, added,
 * changed, removed, unassigned, reminders}}; a second run with the same records changes nothing.
 *
 * <p>Lambda handler string: {@code io.vigil.functions.scheduleaudits.ScheduleAuditsHandler}.
 */
public class ScheduleAuditsHandler
    extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduleAuditsHandler.class);

  @Inject ScheduleAuditsComponents components;

  /** Used by the Lambda runtime. */
  public ScheduleAuditsHandler() {}

  /** Used by tests and the CLI to pass configuration. */
  public ScheduleAuditsHandler(ApplicationContextBuilder builder) {
    super(builder);
  }

  @Override
  public Map<String, Object> execute(Map<String, Object> event) {
    var today = today(event);
    var result = components.scheduling().run(today);
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
        return OffsetDateTime.parse(s).atZoneSameInstant(components.zone()).toLocalDate();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("field 'time' is not an ISO-8601 time: '" + s + "'",
            e);
      }
    }
    return LocalDate.now(components.zone());
  }
}
