package io.vigil.functions.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts a Block Kit payload to a Slack incoming webhook whose URL is read from Secrets Manager.
 * 2xx is success; 429 and 5xx (and I/O errors) are retryable, honouring {@code Retry-After}
 * seconds; any other status is permanent. The URL never appears in a message or exception.
 */
public final class SlackChannel implements Channel {

  private final HttpClient http;
  private final SecretSource secrets;
  private final Duration timeout;

  public SlackChannel(SecretSource secrets, Duration timeout) {
    this(HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER).build(), secrets, timeout);
  }

  public SlackChannel(HttpClient http, SecretSource secrets, Duration timeout) {
    this.http = http;
    this.secrets = secrets;
    this.timeout = timeout;
  }

  @Override
  public void send(Message message, Target target) throws DeliveryException {
    var secret = target.slackSecret().orElseThrow();
    var url = secrets.value(secret);
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw DeliveryException.permanent("secret '" + secret + "' does not hold a URL");
    }
    if (uri.getScheme() == null || !(uri.getScheme().equals("https")
        || uri.getScheme().equals("http")) || uri.getHost() == null) {
      throw DeliveryException.permanent("secret '" + secret + "' does not hold an http(s) URL");
    }
    var request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(SlackFormat.json(message),
            StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      // the JDK puts the URI into some I/O messages: describe() redacts it
      throw DeliveryException.retryable("Slack webhook (secret '" + secret + "') unreachable: "
          + Redaction.describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.permanent("interrupted while posting to Slack");
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    var body = MessageRenderer.truncate(String.valueOf(response.body()).strip(), 200);
    var reason = "Slack webhook (secret '" + secret + "') answered HTTP " + status
        + (body.isEmpty() ? "" : " (" + body + ")");
    if (status == 429 || status >= 500) {
      throw new DeliveryException(reason, true, retryAfter(response));
    }
    throw DeliveryException.permanent(reason);
  }

  /** {@code Retry-After} in seconds (Slack sends seconds), empty when absent or not a number. */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(v -> {
      try {
        long s = Long.parseLong(v.trim());
        return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }
}
