package io.vigil.functions.collectevidence;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.vigil.adapters.VigilStorage;
import io.vigil.adapters.dynamodb.DynamoDbFindingRepository;
import io.vigil.adapters.dynamodb.DynamoDbRegisterRepository;
import io.vigil.adapters.dynamodb.DynamoDbResultRepository;
import io.vigil.adapters.dynamodb.DynamoDbRunRepository;
import io.vigil.adapters.eventbridge.EventBridgeEventPublisher;
import io.vigil.adapters.s3.S3EvidenceVault;
import io.vigil.adapters.sqs.SqsUnitDispatcher;
import io.vigil.aws.AwsClientFactory;
import io.vigil.checks.ServiceGroup;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.SnapshotLoader;
import io.vigil.domain.collection.CollectionService;
import io.vigil.domain.collection.CollectionUnit;
import io.vigil.domain.collection.EvidenceCollector;
import io.vigil.domain.collection.FindingPolicy;
import io.vigil.domain.collection.LocalUnitDispatcher;
import io.vigil.domain.collection.ProgressListener;
import io.vigil.domain.collection.ResultRepository;
import io.vigil.domain.collection.RunRepository;
import io.vigil.domain.collection.UnitDispatcher;
import io.vigil.domain.evidence.EvidenceLedger;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.notification.DomainEventPublisher;
import io.vigil.domain.time.Clock;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Composition root of collect-evidence: wires the domain's use case to the adapters and the check
 * catalogue. The only place that knows which adapter implements which port. SDK clients are built
 * by {@link AwsClientFactory} (shared HTTP client, retries) and only when first used.
 */
@Factory
public class CollectEvidenceFactory {

  @Singleton
  @Bean(preDestroy = "close")
  AwsClientFactory awsClients(VigilSettings settings) {
    return new AwsClientFactory(settings.aws());
  }

  @Singleton
  DynamoDbClient dynamoDb(AwsClientFactory clients) {
    return clients.client(DynamoDbClient.class, DynamoDbClient::builder, clients.defaultRegion());
  }

  @Singleton
  DynamoDbEnhancedClient enhancedDynamoDb(DynamoDbClient dynamoDb) {
    return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
  }

  @Singleton
  S3Client s3(AwsClientFactory clients) {
    boolean emulator = clients.settings().endpointUrl().isPresent();
    return clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(emulator),
        clients.defaultRegion());
  }

  @Singleton
  RunRepository runs(DynamoDbEnhancedClient dynamo, VigilSettings settings) {
    return new DynamoDbRunRepository(dynamo, settings.tableName());
  }

  @Singleton
  ResultRepository results(DynamoDbEnhancedClient dynamo, VigilSettings settings) {
    return new DynamoDbResultRepository(dynamo, settings.tableName());
  }

  @Singleton
  FindingRepository findings(DynamoDbEnhancedClient dynamo, VigilSettings settings) {
    return new DynamoDbFindingRepository(dynamo, settings.tableName());
  }

  @Singleton
  EvidenceVault vault(S3Client s3, VigilSettings settings) {
    return new S3EvidenceVault(s3, settings.evidenceBucket());
  }

  @Singleton
  StorageSetup storageSetup(DynamoDbClient dynamo, S3Client s3, VigilSettings settings) {
    var storage = new VigilStorage(dynamo, s3, settings.tableName(), settings.evidenceBucket());
    return () -> {
      var done = storage.initialize();
      var lines = new ArrayList<String>();
      lines.add("table " + done.table() + ": " + (done.tableCreated() ? "created" : "already exists"));
      lines.add("bucket " + done.bucket() + ": " + (done.bucketCreated() ? "created" : "already exists"));
      return lines;
    };
  }

  /**
   * The scope of scheduled runs: the settings, unless the ISMS scope record on the Vigil table
   * names accounts or regions (or exclusions). The register repository is built here, not offered
   * as a bean: the scope is its only use in this function.
   */
  @Singleton
  ScanScope scanScope(AwsClientFactory clients, VigilSettings settings,
      DynamoDbEnhancedClient dynamo) {
    return new ScanScope(clients, settings.regions(), settings.accounts(),
        new DynamoDbRegisterRepository(dynamo, settings.tableName()));
  }

  /**
   * Where the collection's events go: the Vigil bus when one is configured; otherwise they are
   * counted in the log (local runs without a bus).
   */
  @Singleton
  DomainEventPublisher events(AwsClientFactory clients, VigilSettings settings) {
    if (settings.eventBusName().isEmpty()) {
      var log = org.slf4j.LoggerFactory.getLogger(DomainEventPublisher.class);
      return events -> log.info("no event bus configured ({}): {} event(s) not published",
          VigilSettings.EVENT_BUS_NAME, events.size());
    }
    var bus = settings.eventBusName().get();
    return events -> new EventBridgeEventPublisher(clients.client(EventBridgeClient.class,
        EventBridgeClient::builder, clients.defaultRegion()), bus).publish(events);
  }

  /**
   * How units are dispatched: SQS fan-out to one queue per service group, or to one queue for
   * units of every group, else in-process. Change events are always collected in-process.
   */
  @Singleton
  Dispatchers dispatchers(AwsClientFactory clients, VigilSettings settings,
      CollectionService collection) {
    var perGroup = settings.fanOutQueues();
    var single = settings.fanOutQueueUrl();
    return new Dispatchers() {
      @Override
      public UnitDispatcher forRun(ProgressListener progress, Instant claimedUntil) {
        if (!perGroup.isEmpty()) {
          return new SqsUnitDispatcher(sqs(), perGroup);
        }
        return single.<UnitDispatcher>map(url -> new SqsUnitDispatcher(sqs(), url))
            .orElseGet(() -> inline(progress, claimedUntil));
      }

      @Override
      public List<String> serviceGroups() {
        return perGroup.isEmpty() ? Dispatchers.super.serviceGroups()
            : List.copyOf(perGroup.keySet());
      }

      @Override
      public UnitDispatcher inline(ProgressListener progress, Instant claimedUntil) {
        return new LocalUnitDispatcher(collection, settings.concurrency(), progress,
            claimedUntil);
      }

      private SqsClient sqs() {
        return clients.client(SqsClient.class, SqsClient::builder, clients.defaultRegion());
      }
    };
  }

  /**
   * The catalogue this function evaluates: the checks and loaders of the service groups in
   * {@link VigilSettings#serviceGroups()} (by default every group whose SDK is in the package; the
   * beans of a group without its SDK are not even loaded, see {@link ServiceGroup}).
   */
  @Singleton
  EvidenceCollector collector(List<EvidenceCheck<?>> checks, List<SnapshotLoader<?>> loaders,
      VigilSettings settings) {
    var groups = settings.serviceGroups();
    return new EvidenceCollector(checks, loaders)
        .restrictedTo(service -> groups.stream().anyMatch(g -> g.covers(service)));
  }

  /**
   * The use case, with one collector per service group this function evaluates (units of that
   * group) and the whole catalogue for units of every group ({@code all}).
   */
  @Singleton
  CollectionService collectionService(
      EvidenceCollector collector,
      VigilSettings settings,
      EvidenceVault vault,
      ResultRepository results,
      FindingRepository findings,
      RunRepository runs,
      EvidenceLedger ledger) {
    var collectors = new LinkedHashMap<String, EvidenceCollector>();
    collectors.put(CollectionUnit.ALL_GROUPS, collector);
    for (var group : settings.serviceGroups()) {
      collectors.put(group.id(), collector.restrictedTo(group::covers));
    }
    return new CollectionService(collectors, vault, results, findings, runs,
        FindingPolicy.defaults(), ledger, Clock.system());
  }
}
