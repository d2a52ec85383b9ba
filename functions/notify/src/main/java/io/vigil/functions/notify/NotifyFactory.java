package io.vigil.functions.notify;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.vigil.aws.AwsClientFactory;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Composition root of the notify function. The {@link Notifier} exists only when a route is
 * configured; a {@link Sleeper} singleton (tests) replaces the real one. The AWS client factory is
 * owned by the holder, not a bean of its own: the CLI runs every function on one class path, and
 * another function's {@code AwsClientFactory} bean must not collide with this one.
 */
@Factory
public class NotifyFactory {

  @Singleton
  @Bean(preDestroy = "close")
  NotifierHolder notifier(NotifySettings settings, Optional<Sleeper> sleeper) {
    var config = settings.config();
    if (!config.configured()) {
      return new NotifierHolder(Optional.empty(), Optional.empty());
    }
    var clients = new AwsClientFactory(settings.aws());
    return new NotifierHolder(Optional.of(NotifyComponents.notifier(config, clients,
        sleeper.orElseGet(Sleeper::system))), Optional.of(clients));
  }

  /** The notifier, absent when nothing is configured, and the AWS clients it uses. */
  public record NotifierHolder(Optional<Notifier> notifier, Optional<AwsClientFactory> clients)
      implements AutoCloseable {

    @Override
    public void close() {
      clients.ifPresent(AwsClientFactory::close);
    }
  }
}
