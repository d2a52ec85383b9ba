package io.vigil.functions.findingsapi;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.vigil.domain.notification.ActionOverdue;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda handler of the findings-api function. One function serves two triggers, told apart by
 * the event's shape:
 *
 * <ul>
 *   <li>an API Gateway HTTP API event (payload format 2.0: {@code requestContext.http}) goes to
 *       {@link FindingsApi}, which answers {@code {statusCode, headers, body}};
 *   <li>an EventBridge {@code Scheduled Event} (the daily rule) runs the overdue sweep, which
 *       publishes one {@code Action Overdue} event per overdue action per day and answers
 *       {@code {overdue: n, actions: [...]}}.
 * </ul>
 *
 * Anything else is refused with an {@link IllegalArgumentException} (a failed invocation).
 *
 * <p>Lambda handler string: {@code io.vigil.functions.findingsapi.FindingsApiHandler}.
 */
public class FindingsApiHandler
    extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(FindingsApiHandler.class);

  @Inject FindingsApiComponents components;

  /** Used by the Lambda runtime. */
  public FindingsApiHandler() {}

  /** Used by tests and the CLI to pass configuration (endpoint, table, event bus). */
  public FindingsApiHandler(ApplicationContextBuilder builder) {
    super(builder);
  }

  @Override
  public Map<String, Object> execute(Map<String, Object> event) {
    if (event != null && event.get("requestContext") instanceof Map<?, ?> ctx
        && ctx.get("http") != null) {
      return components.api().handle(event);
    }
    if (event != null && "Scheduled Event".equals(event.get("detail-type"))) {
      return sweep();
    }
    throw new IllegalArgumentException("findings-api accepts API Gateway HTTP API (payload 2.0)"
        + " events and EventBridge 'Scheduled Event's; this event is neither (no"
        + " requestContext.http, detail-type " + (event == null ? null : event.get("detail-type"))
        + ")");
  }

  private Map<String, Object> sweep() {
    var events = components.findings().sweepOverdue(components.publisher());
    LOG.info("overdue sweep: {} action(s) overdue and notified", events.size());
    var out = new LinkedHashMap<String, Object>();
    out.put("overdue", events.size());
    out.put("actions", events.stream().map(ActionOverdue::idempotencyKey).toList());
    return out;
  }
}
