package io.vigil.functions.notify;

import io.micronaut.context.env.Environment;
import io.vigil.aws.AwsSettings;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The function's configuration from Micronaut properties or environment variables
 * ({@code VIGIL_NOTIFY_ROUTES} is {@code vigil.notify.routes}); see {@link NotifyConfig} for the
 * keys and the README section "Notifications".
 */
@Singleton
public final class NotifySettings {

  private final NotifyConfig config;
  private final AwsSettings aws;

  public NotifySettings(Environment env) {
    this.config = NotifyConfig.parse(k -> env.getProperty(k, String.class));
    this.aws = AwsSettings.fromLookup(key -> env.getProperty(key, String.class));
  }

  public NotifyConfig config() {
    return config;
  }

  public AwsSettings aws() {
    return aws;
  }
}
