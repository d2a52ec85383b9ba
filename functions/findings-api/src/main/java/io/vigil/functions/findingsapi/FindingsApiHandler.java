package io.vigil.functions.findingsapi;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.vigil.aws.Priming;
import jakarta.inject.Inject;
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
 *   <li>an EventBridge {@code Scheduled Event} (the daily rule) runs the daily sweep
 *       ({@link DailySweep}): one {@code Action Overdue} event per overdue corrective action, one
 *       {@code Policy Review Due} per policy whose review is due within 30 days or overdue and one
 *       {@code Evidence Task Due} per manual evidence task coming due or overdue, each once per
 *       day; it answers {@code {overdue, actions, policyReviewsDue, evidenceTasksDue,
 *       notices}}.
 * </ul>
 *
 * Anything else is refused with an {@link IllegalArgumentException} (a failed invocation).
 *
 * <p>SnapStart: each constructor registers the {@link WarmUp} as a {@link Priming} run before the
 * snapshot is taken (harmless reads of Vigil's table only). Nothing per invocation is kept in a
 * field: the clock, ids and credentials are obtained when a request needs them.
 *
 * <p>Lambda handler string: {@code io.vigil.functions.findingsapi.FindingsApiHandler}.
 */
public class FindingsApiHandler
    extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(FindingsApiHandler.class);

  @Inject FindingsApiComponents components;

  /** Held so that the CRaC context, which may hold resources weakly, keeps it. */
  private final Priming priming;

  /** Used by the Lambda runtime. */
  public FindingsApiHandler() {
    this.priming = Priming.register("findings-api", this::warmUp);
  }

  /** Used by tests and the CLI to pass configuration (endpoint, table, event bus). */
  public FindingsApiHandler(ApplicationContextBuilder builder) {
    super(builder);
    this.priming = Priming.register("findings-api", this::warmUp);
  }

  /** The SnapStart warm-up ({@link WarmUp}), for tests: {@code prime()} runs it now. */
  Priming priming() {
    return priming;
  }

  private void warmUp() {
    WarmUp.run(components.api());
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
    var out = new DailySweep(components.findings(), components.registers(),
        components.publisher()).run();
    LOG.info("daily sweep: {} action(s) overdue, {} policy review(s) and {} evidence task(s) due"
        + " notified", out.get("overdue"), out.get("policyReviewsDue"),
        out.get("evidenceTasksDue"));
    return out;
  }
}
