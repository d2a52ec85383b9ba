package io.vigil.functions.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.Canaries;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * E-mail through SES v2 on moto, verified through moto's inspection API: {@code GET
 * /moto-api/data.json} lists every tracked model instance, including the SES backend's sent
 * {@code RawMessage}s ({@code source}, {@code destinations}, {@code raw_data}). (moto 5.2.1 keeps
 * only the HTML part of a "Simple" SES v2 message, which is one more reason the function sends a
 * raw MIME message: moto stores it whole, so both parts can be checked.)
 */
@WithAwsEmulator
class EmailDeliveryIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String TABLE = "notify-mail-" + SUFFIX;
  private static final String FROM = "vigil-" + SUFFIX + "@example.com";

  private static AwsEmulator emulator;
  private static AwsClientFactory clients;
  private static NotifyHandler handler;

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    emulator = aws;
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    var region = Region.of(aws.region());
    new VigilTable(TABLE).createIfAbsent(
        clients.client(DynamoDbClient.class, DynamoDbClient::builder, region));
    clients.client(SesV2Client.class, SesV2Client::builder, region)
        .createEmailIdentity(b -> b.emailIdentity(FROM));
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", aws.endpoint());
    props.put("vigil.aws.region", aws.region());
    props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
    props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
    props.put("vigil.notify.table-name", TABLE);
    props.put("vigil.notify.email.from", FROM);
    props.put("vigil.notify.routes", "[{\"name\":\"isms\",\"email\":{\"to\":"
        + "[\"isms@example.com\",\"ciso@example.com\"]}}]");
    handler = new NotifyHandler(ApplicationContext.builder().properties(props));
  }

  @AfterAll
  static void tearDown() {
    if (handler != null) {
      handler.close();
    }
    if (clients != null) {
      clients.close();
    }
  }

  @Test
  void sendsTextAndHtmlPartsToTheRecipients() throws Exception {
    var title = "Bucket <b>" + SUFFIX + "</b> is public & unencrypted";
    var event = Events.findingOpened(title, "high");
    var report = handler.handleRequest(event, null);
    @SuppressWarnings("unchecked")
    var deliveries = (List<Map<String, Object>>) report.get("deliveries");
    assertEquals(List.of(Map.of("target", "email:ciso@example.com,isms@example.com",
        "status", "SENT", "attempts", 1)), deliveries);

    var sent = sentRawMessages().stream()
        .filter(m -> FROM.equals(m.get("source"))).toList();
    assertEquals(1, sent.size(), String.valueOf(sent));
    var message = sent.get(0);
    @SuppressWarnings("unchecked")
    var destinations = (List<String>) message.get("destinations");
    assertTrue(destinations.contains("isms@example.com")
        && destinations.contains("ciso@example.com"), String.valueOf(destinations));
    var raw = (String) message.get("raw_data");
    var mime = Mime.parse(raw);
    assertEquals("[Vigil] Finding Opened: " + title, mime.header("Subject"));
    assertEquals(FROM, mime.header("From"));
    assertEquals("isms@example.com, ciso@example.com", mime.header("To"));
    var text = mime.part("text/plain");
    var html = mime.part("text/html");
    assertTrue(text.startsWith("Finding Opened: " + title + "\n"), text);
    assertTrue(text.contains("Severity: high\n") && text.contains("Controls: A.8.24, A.5.15\n"),
        text);
    assertTrue(html.contains("<h2>Finding Opened: Bucket &lt;b&gt;" + SUFFIX
        + "&lt;/b&gt; is public &amp; unencrypted</h2>"), html);
    assertTrue(html.contains("<th align=\"left\">Severity</th><td>high</td>"), html);
    assertTrue(html.contains("href=\"https://console.aws.amazon.com/go/view?arn="), html);
  }

  @Test
  @SuppressWarnings("unchecked")
  void readsTheSenderIdentityFromSecretsManager() throws Exception {
    var region = Region.of(emulator.region());
    var sender = "vigil-secret-" + SUFFIX + "@example.com";
    clients.client(SesV2Client.class, SesV2Client::builder, region)
        .createEmailIdentity(b -> b.emailIdentity(sender));
    clients.client(software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.class,
        software.amazon.awssdk.services.secretsmanager.SecretsManagerClient::builder, region)
        .createSecret(b -> b.name("vigil/notify/sender-" + SUFFIX).secretString(sender));
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", emulator.endpoint());
    props.put("vigil.aws.region", emulator.region());
    props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
    props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
    props.put("vigil.notify.table-name", TABLE);
    props.put("vigil.notify.email.from-secret", "vigil/notify/sender-" + SUFFIX);
    props.put("vigil.notify.routes", "[{\"name\":\"isms\",\"email\":{\"to\":"
        + "[\"isms@example.com\"]}}]");
    try (var fromSecret = new NotifyHandler(ApplicationContext.builder().properties(props))) {
      var report = fromSecret.handleRequest(Events.findingOpened("sender " + SUFFIX, "high"), null);

      assertEquals("SENT", ((List<Map<String, Object>>) report.get("deliveries")).get(0)
          .get("status"), String.valueOf(report));
      assertEquals(1, sentRawMessages().stream().filter(m -> sender.equals(m.get("source")))
          .count(), "sent from the address held in the secret");
    }
  }

  /** moto's inspection API: the SES backend's sent raw messages. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> sentRawMessages() throws Exception {
    try (var http = new Closing(HttpClient.newHttpClient())) {
      var response = http.client.send(HttpRequest.newBuilder(
              URI.create(emulator.endpoint() + "/moto-api/data.json")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      var data = (Map<String, Object>) Json.parse(response.body());
      var ses = (Map<String, Object>) data.get("ses");
      return (List<Map<String, Object>>) ses.getOrDefault("RawMessage", List.of());
    }
  }

  private record Closing(HttpClient client) implements AutoCloseable {
    @Override
    public void close() {}
  }

  /** Just enough MIME to read back what {@link EmailFormat#mime} wrote. */
  private record Mime(Map<String, String> headers, Map<String, String> parts) {

    static Mime parse(String raw) {
      var split = raw.indexOf("\r\n\r\n");
      var headers = new HashMap<String, String>();
      for (var line : raw.substring(0, split).split("\r\n")) {
        var colon = line.indexOf(':');
        headers.put(line.substring(0, colon), line.substring(colon + 1).trim());
      }
      var contentType = headers.get("Content-Type");
      var boundary = contentType.substring(contentType.indexOf("boundary=\"") + 10,
          contentType.length() - 1);
      var parts = new HashMap<String, String>();
      var chunks = new ArrayList<>(List.of(raw.substring(split + 4).split("--" + boundary)));
      for (var chunk : chunks) {
        var body = chunk.indexOf("\r\n\r\n");
        if (body < 0) {
          continue;
        }
        var head = chunk.substring(0, body);
        var type = head.contains("text/html") ? "text/html" : "text/plain";
        var b64 = chunk.substring(body + 4).replaceAll("\\s", "");
        parts.put(type, new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
      }
      return new Mime(headers, parts);
    }

    String header(String name) {
      return headers.get(name);
    }

    String part(String type) {
      return parts.get(type);
    }
  }
}
