package io.vigil.functions.notify;

import io.micronaut.context.env.Environment;
import io.vigil.aws.AwsSettings;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
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
    var props = new HashMap<String, String>();
    for (var key : List.of(AwsSettings.ENDPOINT_URL, AwsSettings.REGION,
        AwsSettings.ACCESS_KEY_ID, AwsSettings.SECRET_ACCESS_KEY)) {
      Optional<String> v = env.getProperty(key, String.class);
      props.put(key, v.orElse(""));
    }
    this.aws = AwsSettings.fromProperties(props);
  }

  public NotifyConfig config() {
    return config;
  }

  public AwsSettings aws() {
    return aws;
  }
}
