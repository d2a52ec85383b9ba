package io.vigil.bench.coldstart.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.vigil.domain.finding.FindingService;
import io.vigil.domain.notification.ActionOverdue;
import io.vigil.domain.notification.DomainEvent;
import io.vigil.domain.notification.DomainEventPublisher;
import io.vigil.domain.register.EvidenceTaskDue;
import io.vigil.domain.register.PolicyReviewDue;
import io.vigil.domain.register.RegisterService;
import io.vigil.functions.findingsapi.ColdStartAccess;
import io.vigil.functions.findingsapi.FindingsApi;
import io.vigil.functions.findingsapi.FindingsApiSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain-Java baseline of {@code FindingsApiHandler}: the same settings (read from the environment
 * by hand), the same object graph (the factory's composition method, called directly), the same
 * routing in {@link #handleRequest}; no Micronaut context, no dependency injection.
 */
public final class FindingsApiBaseline
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(FindingsApiBaseline.class);

  private final FindingsApi api;
  private final FindingService findings;
  private final RegisterService registers;
  private final DomainEventPublisher publisher;

  /**
   * INIT: the settings, read from the environment by hand, and the object graph built by the
   * function's own composition method ({@code FindingsApiFactory#components}, plain Java) without
   * a Micronaut context.
   */
  public FindingsApiBaseline() {
    var settings = new FindingsApiSettings(
        Env.get(FindingsApiSettings.TABLE_NAME, "vigil"),
        Env.get(FindingsApiSettings.EVENT_BUS_NAME, "vigil"),
        Env.get(FindingsApiSettings.EVIDENCE_BUCKET, ""),
        Env.get("vigil.aws.endpoint-url", ""), Env.get("vigil.aws.region", ""),
        Env.get("vigil.aws.access-key-id", ""), Env.get("vigil.aws.secret-access-key", ""));
    var components = ColdStartAccess.components(settings);
    this.api = components.api();
    this.findings = components.findings();
    this.registers = components.registers();
    this.publisher = components.publisher();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    if (event != null && event.get("requestContext") instanceof Map<?, ?> ctx
        && ctx.get("http") != null) {
      return api.handle(event);
    }
    if (event != null && "Scheduled Event".equals(event.get("detail-type"))) {
      return sweep();
    }
    throw new IllegalArgumentException("findings-api accepts API Gateway HTTP API (payload 2.0)"
        + " events and EventBridge 'Scheduled Event's; this event is neither");
  }

  private Map<String, Object> sweep() {
    var overdue = findings.sweepOverdue(publisher);
    var notices = registers.sweep(publisher);
    var out = new LinkedHashMap<String, Object>();
    out.put("overdue", overdue.size());
    out.put("actions", overdue.stream().map(ActionOverdue::idempotencyKey).toList());
    out.put("policyReviewsDue", notices.stream().filter(PolicyReviewDue.class::isInstance)
        .count());
    out.put("evidenceTasksDue", notices.stream().filter(EvidenceTaskDue.class::isInstance)
        .count());
    out.put("notices", notices.stream().map(DomainEvent::idempotencyKey).toList());
    LOG.info("daily sweep: {} action(s) overdue, {} policy review(s) and {} evidence task(s) due"
        + " notified", out.get("overdue"), out.get("policyReviewsDue"),
        out.get("evidenceTasksDue"));
    return out;
  }
}
