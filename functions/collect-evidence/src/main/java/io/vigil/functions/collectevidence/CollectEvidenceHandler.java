package io.vigil.functions.collectevidence;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import io.vigil.aws.Priming;
import io.vigil.checks.ServiceGroup;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.collection.ChangeScope;
import io.vigil.domain.collection.CollectionRequest;
import io.vigil.domain.collection.CollectionService;
import io.vigil.domain.collection.CollectionUnit;
import io.vigil.domain.collection.ProgressListener;
import io.vigil.domain.collection.RunInProgressException;
import io.vigil.domain.collection.RunRepository;
import io.vigil.domain.notification.DomainEventPublisher;
import io.vigil.domain.notification.RunEvents;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda handler of the collect-evidence function for EventBridge events: a schedule starts a full
 * collection of every account × region in scope; an AWS Config change or a CloudTrail write call
 * re-evaluates the changed resource. A scheduled run is split into units (account × region, or
 * account × region × service group with {@code vigil.fan-out-queues}) that are collected in-process
 * or sent to SQS (see {@link CollectEvidenceQueueHandler}). A change event is collected in-process
 * with the checks of the service groups this function has; a change of a service of another group
 * is acknowledged as ignored (the infrastructure routes it to that group's function, see
 * {@link ServiceGroup}). A re-delivered event maps to the same run id and changes nothing; a
 * malformed event is refused before anything is written.
 *
 * <p>The run (and each unit collected in-process) is claimed until this invocation's deadline
 * ({@link InvocationDeadline}). A copy of the event that arrives while another invocation holds
 * the claim fails with {@link RunInProgressException} before it writes, sends or publishes
 * anything, so that EventBridge or Scheduler retries it: the retry finds the run completed (a
 * duplicate, nothing sent) or, if the holder crashed, its claim passed (it takes the run over).
 *
 * <p>SnapStart: the handler registers a warm-up ({@link Priming}, {@link CollectEvidencePriming})
 * that runs before the snapshot: it parses every event shape and reads one never-stored item of
 * Vigil's table — no check, no write, no STS. Run ids and times are taken per invocation; the
 * credentials the read resolves are dropped on restore ({@code AwsClientFactory}).
 *
 * <p>Lambda handler string: {@code io.vigil.functions.collectevidence.CollectEvidenceHandler}.
 */
public class CollectEvidenceHandler
    extends MicronautRequestHandler<Map<String, Object>, CollectionResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(CollectEvidenceHandler.class);

  @Inject CollectionService collection;
  @Inject ScanScope scope;
  @Inject Dispatchers dispatchers;
  @Inject DomainEventPublisher events;
  @Inject VigilSettings settings;
  @Inject RunRepository runs;
  @Inject JsonMapper json;

  /** Held here: the CRaC context may keep its resources only weakly. */
  private final Priming priming;

  /** Used by the Lambda runtime. */
  public CollectEvidenceHandler() {
    priming = Priming.register("collect-evidence",
        () -> CollectEvidencePriming.eventHandler(runs, json));
  }

  /** Used by tests and the CLI to pass configuration (endpoint, table, bucket, regions). */
  public CollectEvidenceHandler(ApplicationContextBuilder builder) {
    super(builder);
    priming = Priming.register("collect-evidence",
        () -> CollectEvidencePriming.eventHandler(runs, json));
  }

  /** The SnapStart warm-up, for tests: {@link Priming#prime()} runs it now. */
  Priming priming() {
    return priming;
  }

  @Override
  public CollectionResponse execute(Map<String, Object> event) {
    return run(event, new LoggingProgress());
  }

  /** Runs with a caller-supplied progress listener (the CLI prints progress). */
  public CollectionResponse run(Map<String, Object> event, ProgressListener progress) {
    return collect(event, progress).response();
  }

  /** A run's response together with every result collected in this process. */
  public record Collected(CollectionResponse response, CollectionService.RunOutcome outcome) {}

  /**
   * Runs and returns the results too (the CLI writes them out).
   *
   * @throws RunInProgressException if another invocation is collecting the same run
   */
  public Collected collect(Map<String, Object> event, ProgressListener progress) {
    var trigger = CollectionTrigger.parse(event);
    if (trigger.ignored() != null) {
      LOG.info("nothing to collect: {}", trigger.ignored());
      return new Collected(CollectionResponse.ignored(trigger), null);
    }
    var change = trigger.change();
    if (change != null) {
      var elsewhere = otherGroup(change);
      if (elsewhere != null) {
        LOG.warn("change event {} not collected: {}", trigger.eventId(), elsewhere);
        return new Collected(CollectionResponse.ignored(trigger, elsewhere), null);
      }
    }
    var targets = change == null
        ? scope.targets()
        : List.of(new ScanTarget(trigger.account(), trigger.region()));
    var groups = change == null ? dispatchers.serviceGroups() : List.of(CollectionUnit.ALL_GROUPS);
    var request = new CollectionRequest(trigger.runId(), trigger.describe(), targets, change,
        groups);
    LOG.info("collection run {} for {} target(s) x service groups {}, trigger: {}",
        request.runId(), targets.size(), groups, trigger.describe());
    var claimedUntil = InvocationDeadline.of(getApplicationContext());
    var dispatcher = change == null ? dispatchers.forRun(progress, claimedUntil)
        : dispatchers.inline(progress, claimedUntil);
    CollectionService.RunOutcome outcome;
    try {
      outcome = collection.run(request, dispatcher, claimedUntil);
    } catch (RunInProgressException e) {
      LOG.warn("run {} not collected: {}", request.runId(), e.getMessage());
      throw e;
    }
    // Finding Opened, Evidence Recovered, Run Completed; a failure to publish fails the
    // invocation (logged, retried by the trigger) rather than passing unnoticed
    events.publish(RunEvents.of(outcome));
    var response = CollectionResponse.of(outcome);
    if (outcome.duplicate()) {
      LOG.info("run {} had already completed; nothing written", request.runId());
    } else {
      LOG.info("run {}: {} unit(s) dispatched, {} pass, {} fail, {} error, {} findings opened",
          request.runId(), response.dispatched(), response.pass(), response.fail(),
          response.error(), response.findingsOpened());
    }
    return new Collected(response, outcome);
  }

  /**
   * Why a change is not collected here: its service belongs to a service group this function does
   * not evaluate; null when it does (or when the service is in no group).
   */
  private String otherGroup(ChangeScope change) {
    var group = change.resourceType() != null
        ? ServiceGroup.forConfigResourceType(change.resourceType())
        : ServiceGroup.forService(change.service());
    if (group.isEmpty() || settings.serviceGroups().contains(group.get())) {
      return null;
    }
    return "the change of " + change + " belongs to service group '" + group.get().id()
        + "', which this function does not evaluate (it evaluates " + settings.serviceGroups()
        + "): route it to the " + group.get().id() + " function";
  }

  /** Progress to the function log. */
  static final class LoggingProgress implements ProgressListener {
    @Override
    public void snapshotFailed(ScanTarget target, String service, String error) {
      LOG.warn("{}: could not read {}: {}", target, service, error);
    }

    @Override
    public void checkEvaluated(ScanTarget target, CheckId check, int results) {
      LOG.debug("{}: {} -> {} result(s)", target, check, results);
    }
  }
}
