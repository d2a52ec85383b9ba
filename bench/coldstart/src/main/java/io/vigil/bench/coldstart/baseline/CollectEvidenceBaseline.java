package io.vigil.bench.coldstart.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.vigil.checks.ServiceGroup;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.collection.ChangeScope;
import io.vigil.domain.collection.CollectionRequest;
import io.vigil.domain.collection.CollectionUnit;
import io.vigil.domain.notification.RunEvents;
import io.vigil.functions.collectevidence.ColdStartAccess;
import io.vigil.functions.collectevidence.CollectionResponse;
import io.vigil.functions.collectevidence.CollectionTrigger;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain-Java baseline of {@code CollectEvidenceHandler}: the same object graph
 * ({@link CollectEvidenceWiring}) built in the constructor, the same steps per event in
 * {@link #handleRequest} (parse the trigger, resolve the scope, run the collection through the
 * SQS fan-out or in-process, publish the run's events, answer a {@link CollectionResponse}).
 */
public final class CollectEvidenceBaseline
    implements RequestHandler<Map<String, Object>, CollectionResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(CollectEvidenceBaseline.class);

  private final CollectEvidenceWiring wiring = new CollectEvidenceWiring();

  /** INIT: the collect-evidence object graph. */
  public CollectEvidenceBaseline() {}

  @Override
  public CollectionResponse handleRequest(Map<String, Object> event, Context context) {
    var progress = new CollectEvidenceWiring.LoggingProgress();
    var trigger = CollectionTrigger.parse(event);
    if (trigger.ignored() != null) {
      LOG.info("nothing to collect: {}", trigger.ignored());
      return ColdStartAccess.ignored(trigger);
    }
    var change = trigger.change();
    if (change != null) {
      var elsewhere = otherGroup(change);
      if (elsewhere != null) {
        LOG.warn("change event {} not collected: {}", trigger.eventId(), elsewhere);
        return ColdStartAccess.ignored(trigger, elsewhere);
      }
    }
    var targets = change == null
        ? wiring.scope.targets()
        : List.of(new ScanTarget(trigger.account(), trigger.region()));
    var groups = change == null ? wiring.serviceGroups() : List.of(CollectionUnit.ALL_GROUPS);
    var request = new CollectionRequest(trigger.runId(), trigger.describe(), targets, change,
        groups);
    LOG.info("collection run {} for {} target(s) x service groups {}, trigger: {}",
        request.runId(), targets.size(), groups, trigger.describe());
    var dispatcher = change == null ? wiring.forRun(progress) : wiring.inline(progress);
    var outcome = wiring.collection.run(request, dispatcher);
    wiring.events.publish(RunEvents.of(outcome));
    var response = ColdStartAccess.response(outcome);
    if (outcome.duplicate()) {
      LOG.info("run {} had already completed; nothing written", request.runId());
    } else {
      LOG.info("run {}: {} unit(s) dispatched, {} pass, {} fail, {} error, {} findings opened",
          request.runId(), response.dispatched(), response.pass(), response.fail(),
          response.error(), response.findingsOpened());
    }
    return response;
  }

  private String otherGroup(ChangeScope change) {
    var group = change.resourceType() != null
        ? ServiceGroup.forConfigResourceType(change.resourceType())
        : ServiceGroup.forService(change.service());
    if (group.isEmpty() || wiring.settings.serviceGroups().contains(group.get())) {
      return null;
    }
    return "the change of " + change + " belongs to service group '" + group.get().id()
        + "', which this function does not evaluate (it evaluates "
        + wiring.settings.serviceGroups() + "): route it to the " + group.get().id()
        + " function";
  }
}
