package io.vigil.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.vigil.aws.AwsClientFactory;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.collection.EvidenceCollector;
import io.vigil.domain.collection.ProgressListener;
import io.vigil.domain.collection.ResultRepository;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.functions.collectevidence.CollectEvidenceHandler;
import io.vigil.functions.collectevidence.CollectionResponse;
import io.vigil.functions.collectevidence.StorageSetup;
import io.vigil.functions.collectevidence.VigilSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The collect-evidence function running in-process for one target: its handler, built with the
 * target's properties exactly as Lambda would build it, plus read access to what it stored.
 */
final class CollectionSession implements AutoCloseable {

  private final CollectEvidenceHandler handler;
  private final ApplicationContext context;

  private CollectionSession(CollectEvidenceHandler handler) {
    this.handler = handler;
    this.context = handler.getApplicationContext();
  }

  /** Starts the function's application context for {@code target}. */
  static CollectionSession open(AwsTarget target) {
    return new CollectionSession(new CollectEvidenceHandler(
        ApplicationContext.builder().properties(target.properties())));
  }

  /** Creates the table and bucket if absent; one line per resource saying what was done. */
  List<String> initializeStorage() {
    return context.getBean(StorageSetup.class).initialize();
  }

  /** Runs the handler on an event, as Lambda would, with progress going to {@code progress}. */
  CollectionResponse run(Map<String, Object> event, ProgressListener progress) {
    return handler.run(event, progress);
  }

  /** Runs the handler and returns the response with every result collected in this process. */
  CollectEvidenceHandler.Collected collect(Map<String, Object> event, ProgressListener progress) {
    return handler.collect(event, progress);
  }

  /** Every result of a collection (empty when the event was ignored or already done). */
  static List<CheckResult> resultsOf(CollectEvidenceHandler.Collected collected) {
    return collected.outcome() == null ? List.of() : collected.outcome().results();
  }

  /** The account the function's credentials belong to, asked of STS. */
  String callerAccount() {
    return context.getBean(AwsClientFactory.class).callerAccount();
  }

  /** The region the function runs in (configured, else the SDK's region chain). */
  String region() {
    var settings = context.getBean(VigilSettings.class);
    try (var clients = new AwsClientFactory(settings.aws())) {
      return clients.defaultRegion().id();
    }
  }

  /** The results a run stored (its changes against the latest results). */
  List<CheckResult> changes(String runId) {
    return context.getBean(ResultRepository.class).findByRun(runId);
  }

  /** Verifies the evidence ledger and every object it lists. */
  io.vigil.domain.evidence.VerificationReport verifyLedger() {
    return context.getBean(io.vigil.domain.evidence.LedgerVerifier.class).verify();
  }

  List<Finding> openFindings() {
    return context.getBean(FindingRepository.class).findOpen();
  }

  List<CheckMetadata> catalogue() {
    return context.getBean(EvidenceCollector.class).catalogue();
  }

  /** The response as a plain JSON tree, serialized the way the Lambda runtime would. */
  Object toJsonTree(Object response) throws IOException {
    var mapper = context.getBean(JsonMapper.class);
    return Json.parse(new String(mapper.writeValueAsBytes(response), StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    handler.close();
  }
}
