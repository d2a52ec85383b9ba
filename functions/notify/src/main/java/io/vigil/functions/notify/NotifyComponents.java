package io.vigil.functions.notify;

import io.vigil.aws.AwsClientFactory;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds a {@link Notifier} from the configuration and AWS clients (used by the Micronaut factory
 * and by tests). Clients are only built when a route needs them.
 */
public final class NotifyComponents {

  private NotifyComponents() {}

  /** The notifier for {@code config}; {@code sleeper} waits between retries. */
  public static Notifier notifier(NotifyConfig config, AwsClientFactory clients,
      Sleeper sleeper) {
    var region = clients.defaultRegion();
    var clock = Clock.systemUTC();
    var secrets = new CachedSecrets(
        clients.client(SecretsManagerClient.class, SecretsManagerClient::builder, region),
        config.secretTtl(), clock);
    var needsEmail = config.routes().stream().anyMatch(r -> r.email().isPresent());
    Channel email = needsEmail
        ? new EmailChannel(clients.client(SesV2Client.class, SesV2Client::builder, region), secrets)
        : (m, t) -> {
          throw DeliveryException.permanent("no e-mail channel configured");
        };
    var log = new DynamoDbDeliveryLog(
        clients.client(DynamoDbClient.class, DynamoDbClient::builder, region),
        config.tableName(), config.staleClaim(), config.idempotencyTtl(), clock);
    Optional<DeadLetters> dlq = config.deadLetterQueueUrl().map(url -> new SqsDeadLetters(
        clients.client(SqsClient.class, SqsClient::builder, region), url, clock));
    return new Notifier(new Router(config.routes()),
        new SlackChannel(secrets, config.httpTimeout()), email, log, dlq,
        new Retrier(config.retry(), sleeper, () -> ThreadLocalRandom.current().nextDouble()),
        clock, config.staleClaim());
  }
}
