package io.vigil.functions.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.Canaries;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Captures everything written to standard output and error (slf4j-simple logs to stderr) while
 * the handler starts, delivers, and fails (a 5xx whose body echoes the webhook URL, then a 404
 * with no dead-letter queue so the invocation throws), and asserts that neither the webhook URL
 * nor the secret's token appears anywhere: not in the logs, the report or the exception.
 */
@WithAwsEmulator
class SecretLeakIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String TOKEN = "xoxSECRETtoken" + SUFFIX;
  private static final String HOOK = "/services/T0LEAK/B0LEAK/" + TOKEN;

  @Test
  void noWebhookUrlOrSecretInAnyOutput(AwsEmulator aws) {
    var slack = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    slack.start();
    var url = slack.baseUrl() + HOOK;
    var secretName = "vigil/leak-" + SUFFIX;
    var table = "notify-leak-" + SUFFIX;
    var region = Region.of(aws.region());
    var captured = new ByteArrayOutputStream();
    var out = System.out;
    var err = System.err;
    try (var clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()))) {
      new VigilTable(table).createIfAbsent(
          clients.client(DynamoDbClient.class, DynamoDbClient::builder, region));
      clients.client(SecretsManagerClient.class, SecretsManagerClient::builder, region)
          .createSecret(b -> b.name(secretName).secretString(url));
      var tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
      System.setOut(tee);
      System.setErr(tee);
      var props = new HashMap<String, Object>();
      props.put("vigil.aws.endpoint-url", aws.endpoint());
      props.put("vigil.aws.region", aws.region());
      props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
      props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
      props.put("vigil.notify.table-name", table);
      props.put("vigil.notify.slack.webhook-secret", secretName);
      props.put("vigil.notify.retry.max-attempts", "2");
      try (var handler = new NotifyHandler(ApplicationContext.builder().properties(props)
          .singletons(new RecordingSleeper()))) {
        slack.stubFor(post(HOOK).willReturn(aResponse().withStatus(200).withBody("ok")));
        var ok = handler.handleRequest(Events.findingOpened("fine", "low"), null);
        System.out.println("report: " + ok);

        slack.resetAll();
        slack.stubFor(post(HOOK).willReturn(aResponse().withStatus(500)
            .withBody("upstream failed for " + url + " token=" + TOKEN)));
        var failed = assertThrows(DeliveryFailedException.class,
            () -> handler.handleRequest(Events.findingOpened("five hundred", "high"), null));
        failed.printStackTrace();

        slack.resetAll();
        slack.stubFor(post(HOOK).willReturn(aResponse().withStatus(404).withBody(url)));
        var notFound = assertThrows(DeliveryFailedException.class,
            () -> handler.handleRequest(Events.findingOpened("four oh four", "high"), null));
        notFound.printStackTrace();
        assertTrue(notFound.getMessage().contains("HTTP 404"), notFound.getMessage());
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
      slack.stop();
    }
    var all = captured.toString(StandardCharsets.UTF_8);
    err.println("---- captured output (" + all.length() + " chars) ----\n" + all);
    assertTrue(all.contains("sent after 1 attempt(s)"), "the run logged its deliveries");
    assertTrue(all.contains("[redacted]"), "the echoed URL was redacted, not dropped");
    assertFalse(all.contains(url), "webhook URL leaked");
    assertFalse(all.contains(TOKEN), "secret token leaked");
    assertFalse(all.contains(HOOK), "webhook path leaked");
    assertEquals(-1, all.indexOf("T0LEAK/B0LEAK"));
  }
}
