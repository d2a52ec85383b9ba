package io.vigil.functions.notify;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Secrets Manager {@code GetSecretValue}, cached per name for a short TTL. A secret's value is
 * either the plain value (the webhook URL) or a JSON object with a {@code url} (or
 * {@code webhookUrl}) field. Every value read is registered with {@link Redaction}.
 */
public final class CachedSecrets implements SecretSource {

  private record Entry(String value, Instant expires) {}

  private final SecretsManagerClient client;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  public CachedSecrets(SecretsManagerClient client, Duration ttl, Clock clock) {
    this.client = client;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public String value(String name) throws DeliveryException {
    var now = clock.instant();
    var e = cache.get(name);
    if (e != null && now.isBefore(e.expires())) {
      return e.value();
    }
    String raw;
    try {
      raw = client.getSecretValue(b -> b.secretId(name)).secretString();
    } catch (ResourceNotFoundException ex) {
      throw DeliveryException.permanent("secret '" + name + "' not found in Secrets Manager");
    } catch (SecretsManagerException ex) {
      int status = ex.statusCode();
      var reason = "could not read secret '" + name + "': " + ex.awsErrorDetails().errorCode();
      if (status == 429 || status >= 500) {
        throw DeliveryException.retryable(reason);
      }
      throw DeliveryException.permanent(reason);
    } catch (SdkException ex) {
      throw DeliveryException.retryable("could not read secret '" + name + "': "
          + Redaction.describe(ex));
    }
    if (raw == null || raw.isBlank()) {
      throw DeliveryException.permanent("secret '" + name + "' has no string value");
    }
    Redaction.register(raw);
    var value = unwrap(raw.strip());
    registerWithParts(value);
    cache.put(name, new Entry(value, now.plus(ttl)));
    return value;
  }

  /**
   * Registers the value and, for a URL, its path and each long path segment (a webhook's token
   * echoed on its own, e.g. in an error body, is redacted too).
   */
  static void registerWithParts(String value) {
    Redaction.register(value);
    try {
      var path = java.net.URI.create(value).getRawPath();
      if (path != null) {
        Redaction.register(path);
        for (var segment : path.split("/")) {
          Redaction.register(segment);
        }
      }
    } catch (IllegalArgumentException ignored) {
      // not a URL: the whole value is registered
    }
  }

  private static String unwrap(String raw) throws DeliveryException {
    if (!raw.startsWith("{")) {
      return raw;
    }
    try {
      if (Json.parse(raw) instanceof Map<?, ?> m) {
        for (var key : new String[] {"url", "webhookUrl", "webhook_url"}) {
          if (m.get(key) instanceof String s && !s.isBlank()) {
            return s.strip();
          }
        }
      }
    } catch (IOException ignored) {
      // not JSON after all: the message below never includes the value
    }
    throw DeliveryException.permanent("secret value is a JSON object without a 'url' field");
  }
}
