package io.vigil.functions.notify;

import io.vigil.emulator.junit.AwsEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The e-mails SES on moto has sent, read through moto's inspection API ({@code GET
 * /moto-api/data.json}: the SES backend's {@code RawMessage}s with {@code source},
 * {@code destinations} and {@code raw_data}).
 */
final class MotoSes {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private MotoSes() {}

  /** Every raw message sent so far. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> sent(AwsEmulator emulator) throws Exception {
    var response = HTTP.send(HttpRequest.newBuilder(
            URI.create(emulator.endpoint() + "/moto-api/data.json")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("moto-api answered HTTP " + response.statusCode());
    }
    var data = (Map<String, Object>) Json.parse(response.body());
    var ses = (Map<String, Object>) data.getOrDefault("ses", Map.of());
    return (List<Map<String, Object>>) ses.getOrDefault("RawMessage", List.of());
  }

  /** How many messages were sent from {@code sender}. */
  static long sentFrom(AwsEmulator emulator, String sender) throws Exception {
    return sent(emulator).stream().filter(m -> sender.equals(m.get("source"))).count();
  }
}
