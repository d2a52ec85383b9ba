package io.vigil.functions.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.aws.Priming;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.Canaries;
import io.vigil.emulator.junit.SdkCallRecorder;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SnapStart warm-up of notify, against the emulator with the function fully configured
 * (Slack webhook secret, e-mail route, dead-letter queue) and state in place: it succeeds, the only
 * AWS requests it sends are DynamoDB {@code GetItem}s on Vigil's table (no Secrets Manager read —
 * the webhook URL must be fetched after restore so that rotation applies — no SES, no SQS, no STS),
 * nothing reaches Slack, and the table, the sent e-mails and the queue are unchanged. The same
 * check is shown to catch a warm-up that writes or reads the secret.
 */
@WithAwsEmulator
class NotifyPrimingIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String TABLE = "notify-priming-" + SUFFIX;
  private static final String SECRET = "vigil/slack-priming-" + SUFFIX;
  private static final String FROM = "vigil-priming-" + SUFFIX + "@example.com";

  private static AwsEmulator emulator;
  private static WebhookStub slack;
  private static AwsClientFactory clients;
  private static DynamoDbClient dynamo;
  private static SqsClient sqs;
  private static String dlqUrl;
  private static NotifyHandler handler;

  @BeforeAll
  static void setUp(AwsEmulator aws) throws Exception {
    emulator = aws;
    slack = new WebhookStub("/services/T0PRIME/B0PRIME/token" + SUFFIX + "XYZ");
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    var region = Region.of(aws.region());
    dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, region);
    new VigilTable(TABLE).createIfAbsent(dynamo);
    clients.client(SecretsManagerClient.class, SecretsManagerClient::builder, region)
        .createSecret(b -> b.name(SECRET).secretString(slack.url()));
    clients.client(SesV2Client.class, SesV2Client::builder, region)
        .createEmailIdentity(b -> b.emailIdentity(FROM));
    sqs = clients.client(SqsClient.class, SqsClient::builder, region);
    dlqUrl = sqs.createQueue(b -> b.queueName("notify-priming-dlq-" + SUFFIX)).queueUrl();
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", aws.endpoint());
    props.put("vigil.aws.region", aws.region());
    props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
    props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
    props.put("vigil.notify.table-name", TABLE);
    props.put("vigil.notify.slack.webhook-secret", SECRET);
    props.put("vigil.notify.email.from", FROM);
    props.put("vigil.notify.dead-letter-queue-url", dlqUrl);
    props.put("vigil.notify.routes", "[{\"name\":\"mail\",\"email\":{\"to\":"
        + "[\"isms@example.com\"]}}]");
    handler = new NotifyHandler(ApplicationContext.builder().properties(props)
        .singletons(new RecordingSleeper()));
    // state to keep: delivery records, a sent e-mail, a Slack post
    var seeded = handler.handleRequest(Events.findingOpened("seeded " + SUFFIX, "high"), null);
    assertEquals(2, ((List<?>) seeded.get("deliveries")).size(), String.valueOf(seeded));
  }

  @AfterAll
  static void tearDown() {
    for (var closeable : new AutoCloseable[] {handler, clients, slack}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void primingReadsOnlyVigilsTable_andChangesNothing() throws Exception {
    var table = items();
    var mails = MotoSes.sent(emulator).size();
    var posts = slack.posts();
    var queued = queued();

    long start = System.nanoTime();
    var calls = SdkCallRecorder.record(() -> assertTrue(handler.priming().prime(),
        "the warm-up succeeds"));
    var millis = (System.nanoTime() - start) / 1_000_000;

    assertHarmless(calls);
    assertTrue(calls.stream().anyMatch(c -> c.request() instanceof GetItemRequest),
        "the warm-up reads the table: " + calls);
    assertEquals(table, items(), "the table is unchanged");
    assertEquals(mails, MotoSes.sent(emulator).size(), "no e-mail");
    assertEquals(posts, slack.posts(), "no Slack post");
    assertEquals(queued, queued(), "no dead letter");
    System.out.println("notify priming: " + calls + " in " + millis + " ms");
  }

  @Test
  void primingWithoutRoutes_sendsNoRequestAtAll() {
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", emulator.endpoint());
    props.put("vigil.aws.region", emulator.region());
    try (var unconfigured = new NotifyHandler(ApplicationContext.builder().properties(props))) {
      var calls = SdkCallRecorder.record(() -> assertTrue(unconfigured.priming().prime()));
      assertEquals(List.of(), calls);
    }
  }

  @Test
  void theCheckCatchesAWarmUpThatWritesOrReadsTheSecret() {
    var table = items();
    var writes = Priming.register("writes", () -> dynamo.putItem(b -> b.tableName(TABLE)
        .item(Map.of("PK", AttributeValue.fromS("PRIMING#"),
            "SK", AttributeValue.fromS("PRIMING#")))));
    var calls = SdkCallRecorder.record(() -> assertTrue(writes.prime()));
    assertThrows(AssertionFailedError.class, () -> assertHarmless(calls));
    assertNotEquals(table, items(), "and the table comparison sees the write");
    dynamo.deleteItem(b -> b.tableName(TABLE).key(Map.of("PK", AttributeValue.fromS("PRIMING#"),
        "SK", AttributeValue.fromS("PRIMING#"))));

    var readsSecret = Priming.register("reads-secret", () -> clients.client(
            SecretsManagerClient.class, SecretsManagerClient::builder,
            Region.of(emulator.region())).getSecretValue(b -> b.secretId(SECRET)));
    var secretCalls = SdkCallRecorder.record(() -> assertTrue(readsSecret.prime()));
    assertThrows(AssertionFailedError.class, () -> assertHarmless(secretCalls));
  }

  /**
   * Only DynamoDB {@code GetItem}s on Vigil's table (the allow-list); in particular no Secrets
   * Manager, SES, SQS or STS request.
   */
  private static void assertHarmless(List<SdkCallRecorder.Call> calls) {
    for (var call : calls) {
      var type = call.request().getClass().getName();
      assertFalse(type.startsWith("software.amazon.awssdk.services.sts."), "STS: " + call);
      assertFalse(type.startsWith("software.amazon.awssdk.services.secretsmanager."),
          "the webhook secret must be read after restore: " + call);
      assertFalse(type.startsWith("software.amazon.awssdk.services.sesv2."), "SES: " + call);
      assertFalse(type.startsWith("software.amazon.awssdk.services.sqs."), "SQS: " + call);
      assertTrue(call.request() instanceof GetItemRequest get && TABLE.equals(get.tableName()),
          "not on the allow-list (DynamoDB GetItem on Vigil's table): " + call);
    }
  }

  /** Every item of the table, every attribute. */
  private static Map<String, Map<String, AttributeValue>> items() {
    var out = new TreeMap<String, Map<String, AttributeValue>>();
    dynamo.scanPaginator(b -> b.tableName(TABLE).consistentRead(true)).items()
        .forEach(i -> out.put(i.get("PK").s() + "|" + i.get("SK").s(), i));
    return out;
  }

  private static String queued() {
    return String.valueOf(sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl)
        .attributeNamesWithStrings("ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings());
  }
}
