package io.vigil.functions.notify;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The notify function's configuration, parsed and validated from properties (Micronaut maps the
 * environment variable {@code VIGIL_NOTIFY_ROUTES} to {@code vigil.notify.routes}). Every error
 * names the key. See the README section "Notifications" for each key.
 */
public record NotifyConfig(List<Route> routes, Optional<String> emailFrom, String tableName,
    Optional<String> deadLetterQueueUrl, Duration secretTtl, Retry retry,
    Duration staleClaim, Duration idempotencyTtl, Duration httpTimeout) {

  public static final String SLACK_WEBHOOK_SECRET = "vigil.notify.slack.webhook-secret";
  public static final String ROUTES = "vigil.notify.routes";
  public static final String EMAIL_FROM = "vigil.notify.email.from";
  /** Secrets Manager secret whose value is the sender address (instead of {@link #EMAIL_FROM}). */
  public static final String EMAIL_FROM_SECRET = "vigil.notify.email.from-secret";
  /** Prefix of a sender that is read from Secrets Manager at delivery time. */
  public static final String SECRET_PREFIX = "secret:";
  public static final String TABLE_NAME = "vigil.notify.table-name";
  public static final String VIGIL_TABLE_NAME = "vigil.table-name";
  public static final String DEAD_LETTER_QUEUE_URL = "vigil.notify.dead-letter-queue-url";
  public static final String SECRET_CACHE_SECONDS = "vigil.notify.secret-cache-seconds";
  public static final String MAX_ATTEMPTS = "vigil.notify.retry.max-attempts";
  public static final String BASE_DELAY_MILLIS = "vigil.notify.retry.base-delay-millis";
  public static final String MAX_WAIT_SECONDS = "vigil.notify.retry.max-wait-seconds";
  public static final String STALE_CLAIM_MINUTES = "vigil.notify.stale-claim-minutes";
  public static final String IDEMPOTENCY_TTL_DAYS = "vigil.notify.idempotency-ttl-days";
  public static final String HTTP_TIMEOUT_SECONDS = "vigil.notify.http-timeout-seconds";

  /** Every key this class reads (the Micronaut settings bean copies exactly these). */
  public static final List<String> KEYS = List.of(SLACK_WEBHOOK_SECRET, ROUTES, EMAIL_FROM,
      TABLE_NAME, VIGIL_TABLE_NAME, DEAD_LETTER_QUEUE_URL, SECRET_CACHE_SECONDS, MAX_ATTEMPTS,
      BASE_DELAY_MILLIS, MAX_WAIT_SECONDS, STALE_CLAIM_MINUTES, IDEMPOTENCY_TTL_DAYS,
      HTTP_TIMEOUT_SECONDS);

  /** The route {@link #SLACK_WEBHOOK_SECRET} alone creates: every event to that webhook. */
  public static final String DEFAULT_ROUTE = "default";

  private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\",;]+@[^\\s@<>\",;]+");
  private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@:-]{1,2048}");

  /** Retry policy of one delivery: attempts, exponential base delay and the total-wait cap. */
  public record Retry(int maxAttempts, Duration baseDelay, Duration maxTotalWait) {}

  public NotifyConfig {
    routes = List.copyOf(routes);
  }

  /** True when at least one route is configured (else the function only renders). */
  public boolean configured() {
    return !routes.isEmpty();
  }

  /** Parses the settings; {@code property} answers a key's value, empty when unset. */
  public static NotifyConfig parse(Function<String, Optional<String>> property) {
    Function<String, Optional<String>> p = k -> property.apply(k).map(String::trim)
        .filter(s -> !s.isEmpty());
    var literalFrom = p.apply(EMAIL_FROM);
    var secretFrom = p.apply(EMAIL_FROM_SECRET);
    if (literalFrom.isPresent() && secretFrom.isPresent()) {
      throw new NotifyConfigException("set " + EMAIL_FROM + " or " + EMAIL_FROM_SECRET
          + ", not both");
    }
    secretFrom.ifPresent(name -> requireSecretName(name, EMAIL_FROM_SECRET));
    var emailFrom = literalFrom.or(() -> secretFrom.map(name -> SECRET_PREFIX + name));
    literalFrom.ifPresent(f -> requireAddress(f, EMAIL_FROM));
    var routes = new ArrayList<Route>();
    p.apply(SLACK_WEBHOOK_SECRET).ifPresent(secret -> {
      requireSecretName(secret, SLACK_WEBHOOK_SECRET);
      routes.add(new Route(DEFAULT_ROUTE, List.of(), Optional.empty(), List.of(),
          Optional.of(secret), Optional.empty(), false));
    });
    p.apply(ROUTES).ifPresent(json -> routes.addAll(parseRoutes(json, emailFrom)));
    var table = p.apply(TABLE_NAME).or(() -> p.apply(VIGIL_TABLE_NAME)).orElse("vigil");
    var dlq = p.apply(DEAD_LETTER_QUEUE_URL);
    dlq.ifPresent(url -> {
      if (!url.startsWith("https://") && !url.startsWith("http://")) {
        throw new NotifyConfigException(DEAD_LETTER_QUEUE_URL + " must be an SQS queue URL"
            + " (https://sqs.<region>.amazonaws.com/<account>/<name>), got '" + url + "'");
      }
    });
    var retry = new Retry(
        (int) number(p, MAX_ATTEMPTS, 5, 1, 20),
        Duration.ofMillis(number(p, BASE_DELAY_MILLIS, 500, 1, 60_000)),
        Duration.ofSeconds(number(p, MAX_WAIT_SECONDS, 30, 0, 600)));
    return new NotifyConfig(routes, emailFrom, table, dlq,
        Duration.ofSeconds(number(p, SECRET_CACHE_SECONDS, 300, 0, 86_400)), retry,
        Duration.ofMinutes(number(p, STALE_CLAIM_MINUTES, 10, 1, 1440)),
        Duration.ofDays(number(p, IDEMPOTENCY_TTL_DAYS, 7, 1, 365)),
        Duration.ofSeconds(number(p, HTTP_TIMEOUT_SECONDS, 10, 1, 120)));
  }

  /** Parses from a plain map (tests, the CLI). */
  public static NotifyConfig parse(Map<String, String> properties) {
    return parse(k -> Optional.ofNullable(properties.get(k)));
  }

  private static long number(Function<String, Optional<String>> p, String key, long def,
      long min, long max) {
    var text = p.apply(key);
    if (text.isEmpty()) {
      return def;
    }
    long v;
    try {
      v = Long.parseLong(text.get());
    } catch (NumberFormatException e) {
      throw new NotifyConfigException(key + " must be a whole number, got '" + text.get() + "'");
    }
    if (v < min || v > max) {
      throw new NotifyConfigException(key + " must be " + min + ".." + max + ", got " + v);
    }
    return v;
  }

  private static List<Route> parseRoutes(String json, Optional<String> defaultFrom) {
    Object tree;
    try {
      tree = Json.parse(json);
    } catch (IOException e) {
      throw new NotifyConfigException(ROUTES + " is not valid JSON: " + e.getMessage());
    }
    if (!(tree instanceof List<?> list)) {
      throw new NotifyConfigException(ROUTES + " must be a JSON array of route objects");
    }
    var routes = new ArrayList<Route>();
    var names = new ArrayList<String>();
    for (int i = 0; i < list.size(); i++) {
      var at = ROUTES + "[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        throw new NotifyConfigException(at + " must be an object");
      }
      for (var k : m.keySet()) {
        if (!List.of("name", "detailTypes", "minSeverity", "accounts", "slackWebhookSecret",
            "email", "digest").contains(String.valueOf(k))) {
          throw new NotifyConfigException(at + "." + k + " is not a route field; use name,"
              + " detailTypes, minSeverity, accounts, slackWebhookSecret, email, digest");
        }
      }
      var name = optText(m, "name", at).orElse("route-" + (i + 1));
      if (names.contains(name)) {
        throw new NotifyConfigException(at + ".name '" + name + "' is used twice");
      }
      names.add(name);
      var detailTypes = texts(m, "detailTypes", at);
      var minSeverity = optText(m, "minSeverity", at);
      minSeverity.ifPresent(s -> {
        if (Severities.rank(s).isEmpty()) {
          throw new NotifyConfigException(at + ".minSeverity '" + s + "' is not a severity; use "
              + String.join(", ", Severities.ORDER));
        }
      });
      var accounts = texts(m, "accounts", at);
      var slack = optText(m, "slackWebhookSecret", at);
      slack.ifPresent(s -> requireSecretName(s, at + ".slackWebhookSecret"));
      Optional<Route.Email> email = Optional.empty();
      if (m.get("email") != null) {
        if (!(m.get("email") instanceof Map<?, ?> em)) {
          throw new NotifyConfigException(at + ".email must be an object {to: [...], from}");
        }
        var to = texts(em, "to", at + ".email");
        if (to.isEmpty()) {
          throw new NotifyConfigException(at + ".email.to must list at least one address");
        }
        to.forEach(a -> requireAddress(a, at + ".email.to"));
        var from = optText(em, "from", at + ".email").or(() -> defaultFrom).orElseThrow(
            () -> new NotifyConfigException(at + ".email.from is not set and there is no"
                + " default sender: set " + EMAIL_FROM + " (VIGIL_NOTIFY_EMAIL_FROM)"));
        requireAddress(from, at + ".email.from");
        email = Optional.of(new Route.Email(to, from));
      }
      if (slack.isEmpty() && email.isEmpty()) {
        throw new NotifyConfigException(at + " ('" + name + "') has no target: set"
            + " slackWebhookSecret and/or email");
      }
      var digest = m.get("digest");
      if (digest != null && !(digest instanceof Boolean)) {
        throw new NotifyConfigException(at + ".digest must be true or false");
      }
      routes.add(new Route(name, detailTypes, minSeverity, accounts, slack, email,
          Boolean.TRUE.equals(digest)));
    }
    return routes;
  }

  private static Optional<String> optText(Map<?, ?> m, String field, String at) {
    var v = m.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw new NotifyConfigException(at + "." + field + " must be a non-empty string");
    }
    return Optional.of(s.trim());
  }

  private static List<String> texts(Map<?, ?> m, String field, String at) {
    var v = m.get(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String))) {
      throw new NotifyConfigException(at + "." + field + " must be an array of strings");
    }
    return l.stream().map(x -> ((String) x).trim()).toList();
  }

  private static void requireAddress(String address, String key) {
    if (address.startsWith(SECRET_PREFIX)) {
      requireSecretName(address.substring(SECRET_PREFIX.length()), key);
      return;
    }
    if (!EMAIL.matcher(address).matches()) {
      throw new NotifyConfigException(key + ": '" + address + "' is not an e-mail address");
    }
  }

  private static void requireSecretName(String name, String key) {
    if (name.contains("://") || !SECRET_NAME.matcher(name).matches()) {
      // never echo the value: it may be the webhook URL itself, pasted by mistake
      throw new NotifyConfigException(key + " must be the name or ARN of a Secrets Manager secret"
          + " (not the webhook URL itself)");
    }
  }
}
