package io.vigil.functions.collectevidence;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.collection.CollectionRequest;
import io.vigil.domain.collection.CollectionService;
import io.vigil.domain.collection.ProgressListener;
import io.vigil.domain.collection.RunIds;
import jakarta.inject.Inject;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda handler of the collect-evidence function. Input: an EventBridge scheduled event (decoded
 * JSON). It evaluates the check catalogue for the configured scope, stores every result with its
 * evidence and opens one finding per failing (check, resource). A re-delivered event maps to the same
 * run id and changes nothing; a malformed event is refused before anything is written.
 *
 * <p>Lambda handler string: {@code io.vigil.functions.collectevidence.CollectEvidenceHandler}.
 */
public class CollectEvidenceHandler
    extends MicronautRequestHandler<Map<String, Object>, CollectionResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(CollectEvidenceHandler.class);

  @Inject CollectionService collection;
  @Inject ScanScope scope;

  /** Used by the Lambda runtime. */
  public CollectEvidenceHandler() {}

  /** Used by tests and the CLI to pass configuration (endpoint, table, bucket, regions). */
  public CollectEvidenceHandler(ApplicationContextBuilder builder) {
    super(builder);
  }

  @Override
  public CollectionResponse execute(Map<String, Object> event) {
    return run(event, new LoggingProgress());
  }

  /** Runs with a caller-supplied progress listener (the CLI prints progress). */
  public CollectionResponse run(Map<String, Object> event, ProgressListener progress) {
    var trigger = CollectionTrigger.parse(event);
    var runId = RunIds.of(trigger.scheduleArn(), trigger.time());
    var request = new CollectionRequest(runId, trigger.describe(), scope.targets());
    LOG.info("collection run {} for {} target(s), trigger: {}", runId, request.targets().size(),
        trigger.describe());
    var outcome = collection.run(request, progress);
    var response = CollectionResponse.of(outcome);
    if (outcome.duplicate()) {
      LOG.info("run {} had already completed; nothing written", runId);
    } else {
      LOG.info("run {} done: {} pass, {} fail, {} error, {} findings opened", runId,
          response.pass(), response.fail(), response.error(), response.findingsOpened());
    }
    return response;
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
