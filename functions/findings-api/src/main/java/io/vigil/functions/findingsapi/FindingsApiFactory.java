package io.vigil.functions.findingsapi;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.vigil.adapters.dynamodb.DynamoDbAuditRepository;
import io.vigil.adapters.dynamodb.DynamoDbFindingRepository;
import io.vigil.adapters.dynamodb.DynamoDbRegisterRepository;
import io.vigil.adapters.dynamodb.DynamoDbResultRepository;
import io.vigil.adapters.eventbridge.EventBridgeEventPublisher;
import io.vigil.adapters.s3.S3EvidenceVault;
import io.vigil.aws.AwsClientFactory;
import io.vigil.domain.audit.AuditService;
import io.vigil.domain.audit.CheckResultsEvidence;
import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.finding.FindingService;
import io.vigil.domain.notification.DomainEventPublisher;
import io.vigil.domain.register.LiveKpis;
import io.vigil.domain.register.RegisterService;
import io.vigil.domain.register.SoaService;
import io.vigil.domain.time.Clock;
import io.vigil.domain.time.IdGenerator;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Composition root of findings-api: the only place that knows which adapter implements which
 * port (findings, audit records, register records, SoA versions, check results and the API's
 * idempotency keys in DynamoDB, events on EventBridge, audit reports, manual evidence files and
 * approved SoA versions in the S3 evidence vault when {@code vigil.evidence-bucket} is set). SDK
 * clients are built by {@link AwsClientFactory}; the EventBridge client only when the sweep first
 * publishes, the S3 client only when an audit's report is first stored.
 *
 * <p>Everything is wired here in code and exposed as one {@link FindingsApiComponents} bean rather
 * than as beans of shared types ({@code AwsClientFactory}, {@code DynamoDbClient},
 * {@code FindingRepository}): collect-evidence defines beans of those types too, and the CLI runs
 * both functions from one classpath, where two candidates for one type would fail injection.
 */
@Factory
public class FindingsApiFactory {

  @Singleton
  @Bean(preDestroy = "close")
  FindingsApiComponents components(FindingsApiSettings settings) {
    var clients = new AwsClientFactory(settings.aws());
    try {
      var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder,
          clients.defaultRegion());
      var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
      var repository = new DynamoDbFindingRepository(enhanced, settings.tableName());
      var clock = Clock.system();
      Supplier<DomainEventPublisher> eventBridge = memoize(() -> new EventBridgeEventPublisher(
          clients.client(EventBridgeClient.class, EventBridgeClient::builder,
              clients.defaultRegion()), settings.eventBusName()));
      DomainEventPublisher publisher = events -> eventBridge.get().publish(events);
      var ids = IdGenerator.random();
      var service = new FindingService(repository, clock, ids, publisher);
      var results = new DynamoDbResultRepository(enhanced, settings.tableName());
      var checks = CheckIndex.bundled();
      var vault = vault(clients, settings);
      // documents stored in the vault (audit reports, SoA versions, manual evidence) are chained
      // into the evidence ledger like the collected evidence
      Optional<io.vigil.domain.evidence.EvidenceLedger> ledger = vault.map(v ->
          new io.vigil.domain.evidence.EvidenceLedger(
              new io.vigil.adapters.dynamodb.DynamoDbLedgerRepository(enhanced,
                  settings.tableName()), v, clock));
      var audits = new AuditService(new DynamoDbAuditRepository(enhanced, settings.tableName()),
          service, new CheckResultsEvidence(results, checks), vault, ledger, clock);
      var registerRepository = new DynamoDbRegisterRepository(enhanced, settings.tableName());
      var registers = new RegisterService(registerRepository, repository,
          new LiveKpis(results, checks, repository, registerRepository), vault, ledger, clock,
          ids);
      var soa = new SoaService(registerRepository, repository, results, checks, vault, ledger,
          clock);
      var idempotencyKeys = new DynamoDbIdempotencyStore(dynamo, settings.tableName());
      return new FindingsApiComponents(new FindingsApi(service, audits, registers, soa,
          vault.isPresent(), idempotencyKeys, clock), service, registers, soa, publisher,
          clients);
    } catch (RuntimeException e) {
      clients.close();
      throw e;
    }
  }

  /** The S3 evidence vault of {@code vigil.evidence-bucket}, its client built on first use. */
  private static Optional<EvidenceVault> vault(AwsClientFactory clients,
      FindingsApiSettings settings) {
    return settings.evidenceBucket().map(bucket -> {
      boolean emulator = clients.settings().endpointUrl().isPresent();
      Supplier<EvidenceVault> s3 = memoize(() -> new S3EvidenceVault(clients.client(
          S3Client.class, () -> S3Client.builder().forcePathStyle(emulator),
          clients.defaultRegion()), bucket));
      return new EvidenceVault() {
        @Override
        public Sha256 put(byte[] canonicalJson) {
          return s3.get().put(canonicalJson);
        }

        @Override
        public Optional<byte[]> get(Sha256 address) {
          return s3.get().get(address);
        }

        @Override
        public boolean contains(Sha256 address) {
          return s3.get().contains(address);
        }
      };
    });
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
