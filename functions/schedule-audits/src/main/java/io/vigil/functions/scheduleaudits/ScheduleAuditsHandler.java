package io.vigil.functions.scheduleaudits;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import io.vigil.aws.Priming;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * <p>SnapStart: the handler registers a warm-up ({@link Priming}) that runs before the snapshot:
 * it reads the shape of the Scheduler's event, plans in memory from nothing, renders the answer
 * and reads one audit that never exists — no write, no Scheduler call; "today" and every time are
 * taken per invocation.
 *
 * <p>Lambda handler string: {@code io.vigil.functions.scheduleaudits.ScheduleAuditsHandler}.
 */
public class ScheduleAuditsHandler
    extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduleAuditsHandler.class);

  /** The shape of the event EventBridge Scheduler sends (its ids and time are samples). */
  private static final Map<String, Object> PRIMING_EVENT = Map.of(
      "version", "0",
      "id", "priming",
      "detail-type", "Scheduled Event",
      "source", "aws.scheduler",
      "time", "2026-11-29T05:30:00Z",
      "resources", List.of("arn:aws:scheduler:eu-west-1:123456789012:schedule/vigil/priming"),
      "detail", Map.of());

  @Inject ScheduleAuditsComponents components;
  @Inject JsonMapper json;

  /** Held here: the CRaC context may keep its resources only weakly. */
  private final Priming priming;

  /** Used by the Lambda runtime. */
  public ScheduleAuditsHandler() {
    priming = Priming.register("schedule-audits", this::warmUp);
  }

  /** Used by tests and the CLI to pass configuration. */
  public ScheduleAuditsHandler(ApplicationContextBuilder builder) {
    super(builder);
    priming = Priming.register("schedule-audits", this::warmUp);
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

  /** The warm-up run before a SnapStart snapshot (see the class comment). */
  private void warmUp() {
    var answer = components.scheduling().prime(today(PRIMING_EVENT));
    try {
      json.writeValueAsString(answer);
    } catch (IOException e) {
      throw new UncheckedIOException("the warm-up answer could not be written as JSON", e);
    }
  }

  /** The SnapStart warm-up, for tests: {@link Priming#prime()} runs it now. */
  Priming priming() {
    return priming;
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
