package io.vigil.functions.findingsapi;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.vigil.adapters.dynamodb.DynamoDbFindingRepository;
import io.vigil.adapters.eventbridge.EventBridgeEventPublisher;
import io.vigil.aws.AwsClientFactory;
import io.vigil.domain.finding.FindingService;
import io.vigil.domain.notification.DomainEventPublisher;
import io.vigil.domain.time.Clock;
import io.vigil.domain.time.IdGenerator;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Composition root of findings-api: the only place that knows which adapter implements which
 * port (findings in DynamoDB, events on EventBridge). SDK clients are built by
 * {@link AwsClientFactory}; the EventBridge client only when the sweep first publishes.
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
      var service = new FindingService(repository, clock, IdGenerator.random(), publisher);
      return new FindingsApiComponents(new FindingsApi(service, clock), service, publisher,
          clients);
    } catch (RuntimeException e) {
      clients.close();
      throw e;
    }
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
