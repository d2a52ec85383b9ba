package io.vigil.bench.coldstart.baseline;

import io.vigil.adapters.dynamodb.DynamoDbFindingRepository;
import io.vigil.adapters.dynamodb.DynamoDbLedgerRepository;
import io.vigil.adapters.dynamodb.DynamoDbRegisterRepository;
import io.vigil.adapters.dynamodb.DynamoDbResultRepository;
import io.vigil.adapters.dynamodb.DynamoDbRunRepository;
import io.vigil.adapters.eventbridge.EventBridgeEventPublisher;
import io.vigil.adapters.s3.S3EvidenceVault;
import io.vigil.adapters.sqs.SqsUnitDispatcher;
import io.vigil.aws.AwsClientFactory;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.collection.CollectionService;
import io.vigil.domain.collection.CollectionUnit;
import io.vigil.domain.collection.EvidenceCollector;
import io.vigil.domain.collection.FindingPolicy;
import io.vigil.domain.collection.LocalUnitDispatcher;
import io.vigil.domain.collection.ProgressListener;
import io.vigil.domain.collection.UnitDispatcher;
import io.vigil.domain.evidence.EvidenceLedger;
import io.vigil.domain.notification.DomainEventPublisher;
import io.vigil.domain.time.Clock;
import io.vigil.functions.collectevidence.ScanScope;
import io.vigil.functions.collectevidence.VigilSettings;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The collect-evidence object graph without a framework: what {@code CollectEvidenceFactory} and
 * {@code LedgerFactory} wire (settings, SDK clients, repositories, vault, ledger, catalogue, use
 * case, scope, event publisher, dispatchers), built eagerly in the same order as the function's
 * handlers get them injected. Shared by both collect-evidence baselines.
 */
final class CollectEvidenceWiring {

  private static final Logger LOG = LoggerFactory.getLogger(CollectEvidenceWiring.class);

  final VigilSettings settings;
  final AwsClientFactory clients;
  final CollectionService collection;
  final ScanScope scope;
  final DomainEventPublisher events;

  CollectEvidenceWiring() {
    settings = new VigilSettings(
        Env.get(VigilSettings.TABLE_NAME, "vigil"), Env.get(VigilSettings.EVIDENCE_BUCKET, ""),
        Env.get(VigilSettings.REGIONS, ""), Env.get(VigilSettings.ACCOUNTS, ""),
        Env.get(VigilSettings.FAN_OUT_QUEUE_URL, ""), Env.get(VigilSettings.FAN_OUT_QUEUES, ""),
        Env.get(VigilSettings.SERVICE_GROUPS, ""), Env.get(VigilSettings.CONCURRENCY, "4"),
        Env.get(VigilSettings.EVENT_BUS_NAME, ""), Env.get("vigil.member-role-name", ""),
        Env.get("vigil.member-external-id", ""), Env.get("vigil.aws.endpoint-url", ""),
        Env.get("vigil.aws.region", ""), Env.get("vigil.aws.access-key-id", ""),
        Env.get("vigil.aws.secret-access-key", ""));
    clients = new AwsClientFactory(settings.aws());
    var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder,
        clients.defaultRegion());
    var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    boolean emulator = clients.settings().endpointUrl().isPresent();
    var s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(emulator),
        clients.defaultRegion());
    var table = settings.tableName();
    var vault = new S3EvidenceVault(s3, settings.evidenceBucket());
    var ledger = new EvidenceLedger(new DynamoDbLedgerRepository(enhanced, table), vault,
        Clock.system());
    var catalogue = new Catalogue(clients);
    var groups = settings.serviceGroups();
    var collector = new EvidenceCollector(catalogue.checks(), catalogue.loaders())
        .restrictedTo(service -> groups.stream().anyMatch(g -> g.covers(service)));
    var collectors = new LinkedHashMap<String, EvidenceCollector>();
    collectors.put(CollectionUnit.ALL_GROUPS, collector);
    for (var group : groups) {
      collectors.put(group.id(), collector.restrictedTo(group::covers));
    }
    collection = new CollectionService(collectors, vault,
        new DynamoDbResultRepository(enhanced, table),
        new DynamoDbFindingRepository(enhanced, table), new DynamoDbRunRepository(enhanced, table),
        FindingPolicy.defaults(), ledger, Clock.system());
    scope = new ScanScope(clients, settings.regions(), settings.accounts(),
        new DynamoDbRegisterRepository(enhanced, table));
    if (settings.eventBusName().isEmpty()) {
      events = list -> LOG.info("no event bus configured ({}): {} event(s) not published",
          VigilSettings.EVENT_BUS_NAME, list.size());
    } else {
      var bus = settings.eventBusName().get();
      events = list -> new EventBridgeEventPublisher(clients.client(EventBridgeClient.class,
          EventBridgeClient::builder, clients.defaultRegion()), bus).publish(list);
    }
  }

  /** The service groups a scheduled run is split into (as the function's dispatchers). */
  List<String> serviceGroups() {
    var perGroup = settings.fanOutQueues();
    return perGroup.isEmpty() ? List.of(CollectionUnit.ALL_GROUPS)
        : List.copyOf(perGroup.keySet());
  }

  /** The dispatcher of a scheduled run: SQS fan-out when configured, else in-process. */
  UnitDispatcher forRun(ProgressListener progress) {
    var perGroup = settings.fanOutQueues();
    if (!perGroup.isEmpty()) {
      return new SqsUnitDispatcher(sqs(), perGroup);
    }
    return settings.fanOutQueueUrl().<UnitDispatcher>map(url -> new SqsUnitDispatcher(sqs(), url))
        .orElseGet(() -> inline(progress));
  }

  /** The dispatcher of a change-triggered run: in-process. */
  UnitDispatcher inline(ProgressListener progress) {
    return new LocalUnitDispatcher(collection, settings.concurrency(), progress);
  }

  private SqsClient sqs() {
    return clients.client(SqsClient.class, SqsClient::builder, clients.defaultRegion());
  }

  /** Progress to the log, as the function's. */
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
