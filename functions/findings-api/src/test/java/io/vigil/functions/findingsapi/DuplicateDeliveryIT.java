package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.EmulatedHandler.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Duplicate delivery against the emulator, through the real handler (issue 11): a
 * {@code POST /findings} with an {@code Idempotency-Key} sent twice, and sent as concurrent copies,
 * raises one finding; the daily sweep's scheduled event delivered twice at once publishes each
 * notice once on the bus.
 */
@WithAwsEmulator
class DuplicateDeliveryIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String TABLE = "duplicates-it-" + SUFFIX;
  private static final String BUS = "duplicates-it-" + SUFFIX;
  private static final String BODY = """
      {"title": "Backups are not restore-tested", "type": "MAJOR_NONCONFORMITY",
       "source": "EXTERNAL_AUDIT", "controls": ["A.8.13"], "description": "%s",
       "owner": "owner@acme.test", "dueDate": "2027-01-31"}""";

  private static EmulatedHandler handler;
  private static DynamoDbClient dynamo;
  private static SqsClient sqs;
  private static String queueUrl;

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    handler = new EmulatedHandler(aws, TABLE, Map.of("vigil.event-bus-name", BUS));
    var clients = handler.clients();
    var region = handler.region();
    dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, region);
    new VigilTable(TABLE).createIfAbsent(dynamo);
    var events = clients.client(EventBridgeClient.class, EventBridgeClient::builder, region);
    events.createEventBus(b -> b.name(BUS));
    sqs = clients.client(SqsClient.class, SqsClient::builder, region);
    queueUrl = sqs.createQueue(b -> b.queueName("duplicates-" + SUFFIX)).queueUrl();
    var queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
        .get(QueueAttributeName.QUEUE_ARN);
    events.putRule(b -> b.name("duplicates-" + SUFFIX).eventBusName(BUS).eventPattern(
        "{\"source\":[\"vigil\"],\"detail-type\":[\"Action Overdue\",\"Policy Review Due\","
            + "\"Evidence Task Due\"]}"));
    events.putTargets(b -> b.rule("duplicates-" + SUFFIX).eventBusName(BUS)
        .targets(Target.builder().id("queue").arn(queueArn).build()));
  }

  @AfterAll
  static void tearDown() {
    if (handler != null) {
      handler.close();
    }
  }

  private static HttpApiEvent create(String description, String key) {
    return as("POST", "/findings", "auditor", "auditor").header("idempotency-key", key)
        .body(BODY.formatted(description));
  }

  /** Findings items ({@code META}) in the table whose description is {@code description}. */
  private static long findingsDescribed(String description) {
    return dynamo.scanPaginator(b -> b.tableName(TABLE).consistentRead(true)).items().stream()
        .filter(i -> "Finding".equals(i.get("type") == null ? null : i.get("type").s()))
        .filter(i -> i.get("description") != null
            && description.equals(i.get("description").s()))
        .count();
  }

  @Test
  void theSamePostTwiceRaisesOneFindingAndAnswersTheSame() {
    var description = "sequential " + SUFFIX;
    var key = UUID.randomUUID().toString();

    var first = handler.call(create(description, key)).expect(201);
    var second = handler.call(create(description, key)).expect(201);

    assertEquals(first.body(), second.body());
    assertEquals(first.headers().get("location"), second.headers().get("location"));
    assertEquals(first.etag(), second.etag());
    assertEquals("true", second.headers().get(Idempotency.REPLAYED));
    assertEquals(1, findingsDescribed(description));
    var other = handler.call(as("POST", "/findings", "auditor", "auditor")
        .header("idempotency-key", key).body(BODY.formatted("another body"))).expect(422);
    assertEquals("Idempotency-Key", other.get("field"));
    assertEquals(0, findingsDescribed("another body"));
  }

  @Test
  void concurrentCopiesRaiseOneFindingAndEachGetsItOr409() throws Exception {
    int copies = 4;
    for (int round = 0; round < 3; round++) {
      var description = "concurrent " + round + " " + SUFFIX;
      var key = UUID.randomUUID().toString();
      var start = new CountDownLatch(1);
      var pool = Executors.newFixedThreadPool(copies);
      var answers = new ArrayList<ApiFixture.Response>();
      try {
        var futures = new ArrayList<Future<ApiFixture.Response>>();
        for (int i = 0; i < copies; i++) {
          futures.add(pool.submit(() -> {
            start.await();
            return handler.call(create(description, key));
          }));
        }
        start.countDown();
        for (var f : futures) {
          answers.add(f.get(60, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }
      var ids = new HashSet<Object>();
      int processed = 0;
      for (var r : answers) {
        assertTrue(r.status() == 201 || r.status() == 409, () -> r.status() + " " + r.body());
        if (r.status() == 201) {
          ids.add(r.get("id"));
          processed += r.headers().containsKey(Idempotency.REPLAYED) ? 0 : 1;
        } else {
          assertEquals(ApiProblem.TYPE_BASE + "request-in-progress", r.get("type"));
        }
      }
      System.out.println("round " + round + ": " + copies + " copies -> 1 processed, "
          + (answers.stream().filter(r -> r.status() == 201).count() - processed)
          + " replayed, " + answers.stream().filter(r -> r.status() == 409).count() + " x 409");
      assertEquals(1, processed, "round " + round + ": one copy processed: " + answers);
      assertEquals(1, ids.size(), "round " + round + ": " + ids);
      assertEquals(1, findingsDescribed(description), "round " + round);
      var later = handler.call(create(description, key)).expect(201);
      assertEquals(ids.iterator().next(), later.get("id"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSweepDeliveredTwiceAtOncePublishesEachNoticeOnce() throws Exception {
    var today = LocalDate.now(ZoneOffset.UTC);
    var finding = (String) handler.call(create("sweep " + SUFFIX, UUID.randomUUID().toString()))
        .expect(201).get("id");
    var action = (String) handler.call(as("POST", "/findings/" + finding + "/actions", "owner",
        "owner").body("{\"description\": \"Overdue action\", \"owner\": \"owner@acme.test\","
            + " \"dueDate\": \"" + today.minusDays(3) + "\"}")).expect(201).get("id");
    var policy = (String) handler.call(as("POST", "/registers/policies", "isms", "isms-manager")
        .body("{\"title\": \"Access control policy\", \"owner\": \"ciso@acme.test\","
            + " \"approvedOn\": \"" + today.minusMonths(12).plusDays(10) + "\","
            + " \"reviewIntervalMonths\": 12}")).expect(201).get("id");
    var task = (String) handler.call(as("POST", "/registers/evidence-tasks", "isms",
        "isms-manager").body("{\"controls\": [\"A.5.24\"], \"title\": \"Exercise report\","
            + " \"owner\": \"ops@acme.test\", \"frequencyMonths\": 12, \"nextDue\": \""
            + today.plusDays(5) + "\"}")).expect(201).get("id");
    var sweep = (Map<String, Object>) JsonText.parse(Files.readString(
        SampleEventsTest.DIR.resolve("overdue-sweep.json")));

    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    var answers = new ArrayList<Map<String, Object>>();
    try {
      var a = pool.submit(() -> {
        start.await();
        return handler.handle(sweep);
      });
      var b = pool.submit(() -> {
        start.await();
        return handler.handle(sweep);
      });
      start.countDown();
      answers.add(a.get(60, TimeUnit.SECONDS));
      answers.add(b.get(60, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    var third = handler.handle(sweep);

    var expected = List.of("action-overdue:" + action + ":" + today,
        "evidence-task:" + task + ":" + today, "policy-review:" + policy + ":" + today);
    var keys = new ArrayList<String>();
    answers.forEach(out -> {
      keys.addAll((List<String>) out.get("actions"));
      keys.addAll((List<String>) out.get("notices"));
    });
    keys.sort(null);
    assertEquals(expected, keys, "the two copies together name each notice once: " + answers);
    assertEquals(0, third.get("overdue"), third.toString());
    assertEquals(List.of(), third.get("notices"));

    var published = new ArrayList<String>();
    for (int empty = 0; empty < 3; ) {
      var messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)
          .maxNumberOfMessages(10)).messages();
      empty = messages.isEmpty() ? empty + 1 : 0;
      messages.forEach(m -> published.add(m.body()));
    }
    for (var id : List.of(action, policy, task)) {
      assertEquals(1, published.stream().filter(m -> m.contains("\"" + id + "\"")).count(),
          () -> id + " published once: " + published);
    }
    assertEquals(3, published.size(), published.toString());
  }
}
