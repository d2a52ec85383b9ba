package io.vigil.functions.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micronaut.context.ApplicationContext;
import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.Canaries;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The notify handler against WireMock standing in for Slack, with the webhook URL in Secrets
 * Manager, idempotency in DynamoDB and the dead-letter queue in SQS (all on moto).
 */
@WithAwsEmulator
class SlackDeliveryIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String TABLE = "notify-it-" + SUFFIX;
  private static final String SECRET = "vigil/slack-" + SUFFIX;
  private static final String HOOK = "/services/T0VIGIL/B0VIGIL/" + SUFFIX + "tokenXYZ";

  private static WireMockServer slack;
  private static AwsClientFactory clients;
  private static SqsClient sqs;
  private static String dlqUrl;
  private static NotifyHandler handler;
  private static final RecordingSleeper SLEEPER = new RecordingSleeper();

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    slack = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    slack.start();
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    var region = Region.of(aws.region());
    new VigilTable(TABLE).createIfAbsent(
        clients.client(DynamoDbClient.class, DynamoDbClient::builder, region));
    clients.client(SecretsManagerClient.class, SecretsManagerClient::builder, region)
        .createSecret(b -> b.name(SECRET).secretString(slack.baseUrl() + HOOK));
    sqs = clients.client(SqsClient.class, SqsClient::builder, region);
    dlqUrl = sqs.createQueue(b -> b.queueName("notify-dlq-" + SUFFIX)).queueUrl();
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", aws.endpoint());
    props.put("vigil.aws.region", aws.region());
    props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
    props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
    props.put("vigil.notify.table-name", TABLE);
    props.put("vigil.notify.slack.webhook-secret", SECRET);
    props.put("vigil.notify.dead-letter-queue-url", dlqUrl);
    props.put("vigil.notify.retry.max-attempts", "4");
    handler = new NotifyHandler(ApplicationContext.builder().properties(props)
        .singletons(SLEEPER));
  }

  @AfterAll
  static void tearDown() {
    if (handler != null) {
      handler.close();
    }
    if (clients != null) {
      clients.close();
    }
    if (slack != null) {
      slack.stop();
    }
  }

  @BeforeEach
  void reset() {
    slack.resetAll();
    SLEEPER.waits.clear();
  }

  @Test
  void postsABlockKitMessage() {
    slack.stubFor(post(HOOK).willReturn(aResponse().withStatus(200).withBody("ok")));
    var event = Events.findingOpened("S3 bucket customer-data is public", "high");
    var report = handler.handleRequest(event, null);
    assertEquals(event.get("id"), report.get("eventId"));
    assertEquals(List.of(Map.of("target", "slack:" + SECRET, "status", "SENT", "attempts", 1)),
        report.get("deliveries"));
    slack.verify(1, postRequestedFor(urlEqualTo(HOOK))
        .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
        .withRequestBody(matchingJsonPath("$.blocks[0].type", equalTo("header")))
        .withRequestBody(matchingJsonPath("$.blocks[0].text.text",
            equalTo("Finding Opened: S3 bucket customer-data is public")))
        .withRequestBody(matchingJsonPath("$.blocks[1].fields[0].text",
            equalTo("*Severity*\nhigh")))
        .withRequestBody(matchingJsonPath("$.blocks[2].elements[0].url",
            equalTo("https://console.aws.amazon.com/go/view?arn=arn%3Aaws%3As3%3A%3A%3Acustomer-data"))));
    assertEquals(List.of(), SLEEPER.waits);
  }

  @Test
  void honoursRetryAfterOn429() {
    slack.stubFor(post(HOOK).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
            .withBody("rate_limited"))
        .willSetStateTo("ok"));
    slack.stubFor(post(HOOK).inScenario("429").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withBody("ok")));
    var report = handler.handleRequest(Events.findingOpened("t", "low"), null);
    assertEquals("SENT", delivery(report).get("status"));
    assertEquals(2, delivery(report).get("attempts"));
    assertEquals(List.of(Duration.ofSeconds(7)), SLEEPER.waits, "waited what Slack asked");
    slack.verify(2, postRequestedFor(urlEqualTo(HOOK)));
  }

  @Test
  void retries5xxWithBackoff() {
    slack.stubFor(post(HOOK).inScenario("500").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
    slack.stubFor(post(HOOK).inScenario("500").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withBody("ok")));
    var report = handler.handleRequest(Events.findingOpened("t", "low"), null);
    assertEquals("SENT", delivery(report).get("status"));
    assertEquals(2, delivery(report).get("attempts"));
    assertEquals(1, SLEEPER.waits.size());
    var wait = SLEEPER.waits.get(0).toMillis();
    assertTrue(wait >= 250 && wait <= 500, "first backoff is 250..500 ms, was " + wait);
  }

  @Test
  void permanentFailureGoesToTheDeadLetterQueue() throws Exception {
    slack.stubFor(post(HOOK).willReturn(aResponse().withStatus(404).withBody("no_service")));
    var event = Events.findingOpened("dead letter me", "critical");
    var report = handler.handleRequest(event, null);
    assertEquals("DEAD_LETTERED", delivery(report).get("status"));
    assertEquals(1, delivery(report).get("attempts"), "a 404 is not retried");
    slack.verify(1, postRequestedFor(urlEqualTo(HOOK)));
    var letter = deadLetter((String) event.get("id"));
    assertTrue(letter.contains("\"reason\":\"permanent failure: Slack webhook (secret '" + SECRET
        + "') answered HTTP 404 (no_service)\""), letter);
    assertTrue(letter.contains("\"target\":\"slack:" + SECRET + "\""), letter);
    @SuppressWarnings("unchecked")
    var original = (Map<String, Object>) ((Map<String, Object>) Json.parse(letter)).get("event");
    assertEquals(event, original, "the original event is in the dead letter");
    assertTrue(!letter.contains(HOOK) && !letter.contains(slack.baseUrl()), letter);
  }

  @Test
  void exhaustedRetriesGoToTheDeadLetterQueue() throws Exception {
    slack.stubFor(post(HOOK).willReturn(aResponse().withStatus(503)));
    var event = Events.findingOpened("always down", "high");
    var report = handler.handleRequest(event, null);
    assertEquals("DEAD_LETTERED", delivery(report).get("status"));
    assertEquals(4, delivery(report).get("attempts"));
    assertEquals(3, SLEEPER.waits.size());
    slack.verify(4, postRequestedFor(urlEqualTo(HOOK)));
    assertTrue(deadLetter((String) event.get("id")).contains("retries exhausted after 4"));
  }

  @Test
  void theSameEventTwiceSendsOnePost() {
    slack.stubFor(post(HOOK).willReturn(aResponse().withStatus(200).withBody("ok")));
    var event = Events.findingOpened("only once", "medium");
    assertEquals("SENT", delivery(handler.handleRequest(event, null)).get("status"));
    var again = handler.handleRequest(event, null);
    assertEquals(Map.of("target", "slack:" + SECRET, "status", "DUPLICATE", "attempts", 0),
        delivery(again));
    slack.verify(1, postRequestedFor(urlEqualTo(HOOK)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> delivery(Map<String, Object> report) {
    var list = (List<Map<String, Object>>) report.get("deliveries");
    assertEquals(1, list.size(), String.valueOf(report));
    return list.get(0);
  }

  /** Reads the DLQ until the dead letter of {@code eventId} appears. */
  private static String deadLetter(String eventId) {
    for (int i = 0; i < 5; i++) {
      for (Message m : sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(1)).messages()) {
        sqs.deleteMessage(b -> b.queueUrl(dlqUrl).receiptHandle(m.receiptHandle()));
        if (m.body().contains(eventId)) {
          return m.body();
        }
      }
    }
    throw new AssertionError("no dead letter for " + eventId);
  }
}
