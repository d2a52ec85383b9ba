package io.vigil.functions.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.Canaries;
import io.vigil.emulator.junit.Concurrently;
import io.vigil.emulator.junit.FakeLambdaContext;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * At-least-once delivery by EventBridge, against Slack (a loopback webhook that counts posts) and
 * SES (moto, counted through its inspection API), with the delivery log in DynamoDB: every sample
 * event of {@code events/notify/} delivered twice, and as two concurrent copies in two handler
 * instances (two Lambda execution environments) released together, sends exactly one Slack
 * message and one e-mail and leaves one SENT record per target. A copy that finds a delivery in
 * progress fails without sending (Lambda retries it; the retry reports DUPLICATE), and a claim
 * left by an invocation that crashed before sending blocks only until that invocation's deadline,
 * after which the retry sends: nothing is lost.
 */
@WithAwsEmulator
class AtLeastOnceDeliveryIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String TABLE = "notify-once-" + SUFFIX;
  private static final String SECRET = "vigil/slack-once-" + SUFFIX;
  private static final String HOOK = "/services/T0ONCE/B0ONCE/token" + SUFFIX + "XYZ";
  private static final String FROM = "vigil-once-" + SUFFIX + "@example.com";
  private static final String TO = "isms-" + SUFFIX + "@example.com";
  private static final String SLACK = "slack:" + SECRET;
  private static final String EMAIL = "email:" + TO;

  private static AwsEmulator emulator;
  private static WebhookStub slack;
  private static AwsClientFactory clients;
  private static DynamoDbClient dynamo;
  /** Two execution environments of the function. */
  private static NotifyHandler first;
  private static NotifyHandler second;

  /** Messages sent so far: Slack posts and SES e-mails from this test's sender. */
  private record Sent(int slack, long email) {
    Sent plus(int slackMessages, int emails) {
      return new Sent(slack + slackMessages, email + emails);
    }
  }

  @BeforeAll
  static void setUp(AwsEmulator aws) throws IOException {
    emulator = aws;
    slack = new WebhookStub(HOOK);
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    var region = Region.of(aws.region());
    dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, region);
    new VigilTable(TABLE).createIfAbsent(dynamo);
    clients.client(SecretsManagerClient.class, SecretsManagerClient::builder, region)
        .createSecret(b -> b.name(SECRET).secretString(slack.url()));
    clients.client(SesV2Client.class, SesV2Client::builder, region)
        .createEmailIdentity(b -> b.emailIdentity(FROM));
    first = handler();
    second = handler();
  }

  private static NotifyHandler handler() {
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", emulator.endpoint());
    props.put("vigil.aws.region", emulator.region());
    props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
    props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
    props.put("vigil.notify.table-name", TABLE);
    props.put("vigil.notify.email.from", FROM);
    props.put("vigil.notify.routes", "[{\"name\":\"chat\",\"slackWebhookSecret\":\"" + SECRET
        + "\"},{\"name\":\"mail\",\"email\":{\"to\":[\"" + TO + "\"]}}]");
    return new NotifyHandler(ApplicationContext.builder().properties(props)
        .singletons(new RecordingSleeper()));
  }

  @AfterAll
  static void tearDown() {
    for (var closeable : new AutoCloseable[] {first, second, clients, slack}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static Stream<String> samples() throws IOException {
    return NotifySamplesTest.samples();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void deliveredTwice_sendsOneMessagePerTarget_andChangesNothingTheSecondTime(String file)
      throws Exception {
    var event = sample(file, "twice");
    var before = sent();

    assertEquals(Map.of(SLACK, "SENT", EMAIL, "SENT"), statuses(first.handleRequest(event, null)));
    var afterOne = records(event);
    var again = second.handleRequest(event, null);

    assertEquals(Map.of(SLACK, "DUPLICATE", EMAIL, "DUPLICATE"), statuses(again));
    assertEquals(before.plus(1, 1), sent(), "one Slack message and one e-mail");
    assertEquals(afterOne, records(event), "the second delivery wrote nothing");
    assertEquals(oneSentRecordPerTarget(), projection(afterOne));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void twoConcurrentCopies_sendOneMessagePerTarget(String file) throws Exception {
    var event = sample(file, "concurrent");
    var before = sent();

    var outcomes = Concurrently.<Map<String, Object>>run(List.of(
        () -> first.handleRequest(event, null), () -> second.handleRequest(event, null)));

    for (int i = 0; i < outcomes.size(); i++) {
      var outcome = outcomes.get(i);
      if (outcome.error() == null) {
        assertTrue(statuses(outcome.value()).values().stream()
            .allMatch(s -> s.equals("SENT") || s.equals("DUPLICATE")), outcome.toString());
        continue;
      }
      // a copy that found the other one delivering failed on purpose: Lambda retries it
      assertTrue(outcome.error() instanceof DeliveryFailedException
          && outcome.error().getMessage().contains("being delivered by another invocation"),
          String.valueOf(outcome.error()));
      var retry = (i == 0 ? first : second).handleRequest(event, null);
      assertEquals(Map.of(SLACK, "DUPLICATE", EMAIL, "DUPLICATE"), statuses(retry));
    }
    assertEquals(before.plus(1, 1), sent(), "one Slack message and one e-mail: " + outcomes);
    assertEquals(oneSentRecordPerTarget(), projection(records(event)));
    System.out.println("concurrent copies of " + file + ": " + outcomes.stream()
        .map(o -> o.error() == null ? statuses(o.value()).values().toString()
            : "failed (in progress elsewhere)").toList());
  }

  @Test
  void concurrentClaimsOfOneDelivery_exactlyOneWins() throws Exception {
    var log = log();
    var lease = Instant.now().plus(Duration.ofMinutes(2));
    for (int round = 0; round < 50; round++) {
      var id = "race-" + round + "-" + SUFFIX;
      var outcomes = Concurrently.run(Collections.nCopies(4,
          (Callable<DeliveryLog.Claim>) () -> log.claim(id, SLACK, lease)));
      var claims = outcomes.stream().map(Concurrently.Outcome::value).toList();
      assertEquals(1, claims.stream().filter(c -> c == DeliveryLog.Claim.CLAIMED).count(),
          "round " + round + ": " + outcomes);
      assertEquals(3, claims.stream().filter(c -> c == DeliveryLog.Claim.IN_PROGRESS).count(),
          "round " + round + ": " + outcomes);
    }
  }

  @Test
  void aCopyArrivingWhileTheFirstIsPosting_sendsNothingToThatTarget_andFails()
      throws Exception {
    var event = sample("finding-opened.json", "in-flight");
    var before = sent();
    var arrived = slack.holdNext();
    var pool = Executors.newSingleThreadExecutor();
    try {
      var firstCopy = pool.submit(() -> first.handleRequest(event, null));
      assertTrue(arrived.await(1, TimeUnit.MINUTES), "the first copy's post is in flight");

      var failed = assertThrows(DeliveryFailedException.class,
          () -> second.handleRequest(event, null));
      assertTrue(failed.getMessage().contains(SLACK + ": being delivered by another invocation"),
          failed.getMessage());
      assertEquals(before.plus(0, 1), sent(), "the second copy sent the e-mail, no Slack post");

      slack.release();
      assertEquals(Map.of(SLACK, "SENT", EMAIL, "DUPLICATE"),
          statuses(firstCopy.get(1, TimeUnit.MINUTES)));
      // Lambda's retry of the failed copy
      assertEquals(Map.of(SLACK, "DUPLICATE", EMAIL, "DUPLICATE"),
          statuses(second.handleRequest(event, null)));
      assertEquals(before.plus(1, 1), sent());
      assertEquals(oneSentRecordPerTarget(), projection(records(event)));
    } finally {
      slack.release();
      pool.shutdownNow();
    }
  }

  @Test
  void aClaimLeftByACrashedInvocation_holdsUntilItsDeadline_thenTheRetrySends()
      throws Exception {
    var event = sample("finding-opened.json", "crashed");
    var id = (String) event.get("id");
    // an invocation claimed the Slack delivery (its deadline two minutes away) and died
    assertEquals(DeliveryLog.Claim.CLAIMED, log().claim(id, SLACK,
        Instant.now().plus(Duration.ofMinutes(2))));
    var before = sent();

    // Lambda's first retry, while the dead invocation's lease lasts
    var failed = assertThrows(DeliveryFailedException.class,
        () -> first.handleRequest(event, null));
    assertTrue(failed.getMessage().contains(SLACK + ": being delivered by another invocation"),
        failed.getMessage());
    assertEquals(before.plus(0, 1), sent(), "no Slack post yet; the e-mail went out");

    // the dead invocation's deadline passes; Lambda's second retry
    dynamo.updateItem(b -> b.tableName(TABLE)
        .key(Map.of("PK", AttributeValue.fromS(DynamoDbDeliveryLog.pk(id)),
            "SK", AttributeValue.fromS(SLACK)))
        .updateExpression("SET leaseUntil = :past")
        .expressionAttributeValues(Map.of(":past",
            AttributeValue.fromN(Long.toString(Instant.now().toEpochMilli() - 1)))));
    var retried = first.handleRequest(event, null);

    assertEquals(Map.of(SLACK, "SENT", EMAIL, "DUPLICATE"), statuses(retried));
    assertEquals(before.plus(1, 1), sent(), "the Slack message was not lost, nor sent twice");
    assertEquals(oneSentRecordPerTarget(), projection(records(event)));
  }

  @Test
  void theClaimRules() {
    var log = log();
    var id = "claims-" + SUFFIX;
    var now = Instant.now();
    var later = now.plus(Duration.ofMinutes(2));

    assertEquals(DeliveryLog.Claim.CLAIMED, log.claim(id, "a", later));
    assertEquals(DeliveryLog.Claim.IN_PROGRESS, log.claim(id, "a", later), "a live claim");
    log.markSent(id, "a", 1);
    assertEquals(DeliveryLog.Claim.DUPLICATE, log.claim(id, "a", later), "sent");

    assertEquals(DeliveryLog.Claim.CLAIMED, log.claim(id, "b", now.minusMillis(1)));
    assertEquals(DeliveryLog.Claim.CLAIMED, log.claim(id, "b", later),
        "a claim whose holder's deadline has passed is taken over");
    log.markDeadLettered(id, "b", 5);
    assertEquals(DeliveryLog.Claim.DUPLICATE, log.claim(id, "b", later), "dead-lettered");

    assertEquals(DeliveryLog.Claim.CLAIMED, log.claim(id, "c", later));
    log.release(id, "c");
    assertEquals(DeliveryLog.Claim.CLAIMED, log.claim(id, "c", later), "released: claimable");

    // claims written before leases existed carry no leaseUntil: the stale limit (10 min) applies
    legacyClaim(id, "d", now.minus(Duration.ofMinutes(1)));
    assertEquals(DeliveryLog.Claim.IN_PROGRESS, log.claim(id, "d", later));
    legacyClaim(id, "e", now.minus(Duration.ofMinutes(11)));
    assertEquals(DeliveryLog.Claim.CLAIMED, log.claim(id, "e", later));
  }

  @Test
  void eachClaimLastsUntilTheDeadlineOfItsInvocation() throws Exception {
    for (int remaining : new int[] {90_000, 30_000}) {
      var event = sample("audit-due.json", "deadline-" + remaining);
      var start = Instant.now().toEpochMilli();
      var report = first.handleRequest(event,
          new FakeLambdaContext("vigil-notify", 512, remaining));
      var end = Instant.now().toEpochMilli();

      assertEquals(Map.of(SLACK, "SENT", EMAIL, "SENT"), statuses(report));
      for (var item : records(event).values()) {
        long lease = Long.parseLong(item.get("leaseUntil").n());
        assertTrue(lease >= start + remaining && lease <= end + remaining,
            "lease " + lease + " is the deadline of the invocation (" + remaining + " ms left)");
      }
    }
  }

  private static DynamoDbDeliveryLog log() {
    return new DynamoDbDeliveryLog(dynamo, TABLE, Duration.ofMinutes(10), Duration.ofDays(7),
        Clock.systemUTC());
  }

  /** An IN_PROGRESS item as the previous version of the function wrote it (no lease). */
  private static void legacyClaim(String id, String target, Instant claimedAt) {
    dynamo.putItem(b -> b.tableName(TABLE).item(Map.of(
        "PK", AttributeValue.fromS(DynamoDbDeliveryLog.pk(id)),
        "SK", AttributeValue.fromS(target),
        "type", AttributeValue.fromS("NotifyDelivery"),
        "status", AttributeValue.fromS("IN_PROGRESS"),
        "claimedAt", AttributeValue.fromN(Long.toString(claimedAt.toEpochMilli())),
        "attempts", AttributeValue.fromN("0"))));
  }

  /** The sample {@code file} with an id of its own for this case. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> sample(String file, String copy) throws IOException {
    var event = (Map<String, Object>) Json.parse(Files.readString(
        Path.of("..", "..", "events", "notify", file)));
    var copied = new LinkedHashMap<>(event);
    copied.put("id", event.get("id") + "/" + copy + "-" + SUFFIX);
    return copied;
  }

  /** Target → status of a report. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> statuses(Map<String, Object> report) {
    var out = new TreeMap<String, String>();
    for (var d : (List<Map<String, Object>>) report.get("deliveries")) {
      out.put((String) d.get("target"), (String) d.get("status"));
    }
    return out;
  }

  /** The stored delivery records of the event, by target (every attribute). */
  private static Map<String, Map<String, AttributeValue>> records(Map<String, Object> event) {
    var out = new TreeMap<String, Map<String, AttributeValue>>();
    dynamo.queryPaginator(b -> b.tableName(TABLE).consistentRead(true)
            .keyConditionExpression("PK = :pk")
            .expressionAttributeValues(Map.of(":pk",
                AttributeValue.fromS(DynamoDbDeliveryLog.pk((String) event.get("id"))))))
        .items().forEach(i -> out.put(i.get("SK").s(), i));
    return out;
  }

  /** Target → "status/attempts" of stored records (times left out). */
  private static Map<String, String> projection(Map<String, Map<String, AttributeValue>> records) {
    var out = new TreeMap<String, String>();
    records.forEach((target, item) -> out.put(target, item.get("status").s() + "/"
        + item.get("attempts").n()));
    return out;
  }

  private static Map<String, String> oneSentRecordPerTarget() {
    return Map.of(EMAIL, "SENT/1", SLACK, "SENT/1");
  }

  private static Sent sent() throws Exception {
    return new Sent(slack.posts(), MotoSes.sentFrom(emulator, FROM));
  }
}
