package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.EmulatedHandler.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
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
 * The real handler against the emulator: findings in DynamoDB through the adapter, the overdue
 * sweep publishing on an EventBridge bus whose rule feeds a queue the test reads.
 */
@WithAwsEmulator
class FindingsApiHandlerIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String TABLE = "findings-it-" + SUFFIX;
  private static final String BUS = "vigil-it-" + SUFFIX;

  private static EmulatedHandler handler;
  private static SqsClient sqs;
  private static String queueUrl;

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    handler = new EmulatedHandler(aws, TABLE, Map.of("vigil.event-bus-name", BUS));
    var clients = handler.clients();
    var region = handler.region();
    new VigilTable(TABLE).createIfAbsent(
        clients.client(DynamoDbClient.class, DynamoDbClient::builder, region));
    var events = clients.client(EventBridgeClient.class, EventBridgeClient::builder, region);
    events.createEventBus(b -> b.name(BUS));
    sqs = clients.client(SqsClient.class, SqsClient::builder, region);
    queueUrl = sqs.createQueue(b -> b.queueName("overdue-" + SUFFIX)).queueUrl();
    var queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
        .get(QueueAttributeName.QUEUE_ARN);
    events.putRule(b -> b.name("overdue-" + SUFFIX).eventBusName(BUS)
        .eventPattern("{\"source\":[\"vigil\"],\"detail-type\":[\"Action Overdue\"]}"));
    events.putTargets(b -> b.rule("overdue-" + SUFFIX).eventBusName(BUS)
        .targets(Target.builder().id("queue").arn(queueArn).build()));
  }

  @AfterAll
  static void tearDown() {
    if (handler != null) {
      handler.close();
    }
  }

  private static String raise(String dueDate) {
    return (String) handler.call(as("POST", "/findings", "auditor", "auditor").body("""
        {"title": "Backups are not restore-tested", "type": "MAJOR_NONCONFORMITY",
         "source": "EXTERNAL_AUDIT", "controls": ["A.8.13"], "description": "No test in 2026",
         "owner": "owner@acme.test", "dueDate": "%s"}""".formatted(dueDate)))
        .expect(201).get("id");
  }

  private static ApiFixture.Response move(String id, String who, String group, String body) {
    var etag = handler.call(as("GET", "/findings/" + id, who, group)).expect(200).etag();
    return handler.call(as("PATCH", "/findings/" + id, who, group).header("if-match", etag)
        .body(body));
  }

  @Test
  void aFindingGoesThroughTheWholeWorkflowToClosed() {
    var id = raise("2027-01-31");
    move(id, "owner", "owner", "{\"status\":\"CORRECTED\",\"correction\":\"Ran a restore\"}")
        .expect(200);
    move(id, "owner", "owner", "{\"status\":\"ANALYSED\",\"rootCause\":\"No schedule\","
        + "\"similarNonconformities\":\"None\"}").expect(200);
    var action = handler.call(as("POST", "/findings/" + id + "/actions", "owner", "owner").body("""
        {"description": "Monthly restore test", "owner": "owner@acme.test",
         "dueDate": "2027-01-15"}""")).expect(201);
    move(id, "owner", "owner", "{\"status\":\"ACTION_PLANNED\"}").expect(200);
    handler.call(as("PATCH", "/findings/" + id + "/actions/" + action.get("id"), "owner", "owner")
        .header("if-match", action.etag()).body("{\"status\":\"IMPLEMENTED\"}")).expect(200);
    move(id, "owner", "owner", "{\"status\":\"IMPLEMENTED\"}").expect(200);
    move(id, "auditor", "auditor", "{\"status\":\"EFFECTIVE\","
        + "\"effectivenessReview\":\"Three restores passed\"}").expect(200);
    var closed = move(id, "auditor", "auditor", "{\"status\":\"CLOSED\","
        + "\"ismsChange\":\"Backup policy updated\"}").expect(200);

    assertEquals("CLOSED", closed.get("status"));
    var history = (List<?>) handler.call(as("GET", "/findings/" + id + "/history", "viewer",
        "viewer"))
        .expect(200).get("items");
    assertEquals(List.of("CREATED", "TRANSITION", "TRANSITION", "ACTION_ADDED", "TRANSITION",
        "ACTION_UPDATED", "TRANSITION", "TRANSITION", "TRANSITION"),
        history.stream().map(h -> ((Map<?, ?>) h).get("kind")).toList());
    var list = handler.call(as("GET", "/findings", "viewer", "viewer").query("status", "CLOSED"))
        .expect(200);
    assertTrue(((List<?>) list.get("items")).stream()
        .anyMatch(f -> id.equals(((Map<?, ?>) f).get("id"))), list.body().toString());
  }

  @Test
  void errorsComeBackAsProblems() {
    var id = raise("2027-01-31");
    var r = move(id, "manager", "isms-manager", "{\"status\":\"CLOSED\"}").expect(409);
    assertEquals(List.of("CORRECTED"), r.get("allowed"));
    handler.call(as("GET", "/findings/F-nothing-here", "viewer", "viewer")).expect(404);
    handler.call(HttpApiEvent.request("GET", "/findings")).expect(401);
  }

  @Test
  void twoConcurrentUpdatesWithTheSameIfMatch_oneWinsTheOtherGets412() throws Exception {
    var id = raise("2027-01-31");
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> {
        start.await();
        return handler.call(as("PATCH", "/findings/" + id, "owner", "owner")
            .header("if-match", "\"0\"")
            .body("{\"status\":\"CORRECTED\",\"correction\":\"c\"}")).status();
      });
      var b = pool.submit(() -> {
        start.await();
        return handler.call(as("PATCH", "/findings/" + id, "manager", "isms-manager")
            .header("if-match", "\"0\"").body("{\"dueDate\":\"2027-06-30\"}")).status();
      });
      start.countDown();
      var statuses = new ArrayList<>(List.of(a.get(60, TimeUnit.SECONDS),
          b.get(60, TimeUnit.SECONDS)));
      statuses.sort(null);
      assertEquals(List.of(200, 412), statuses);
    } finally {
      pool.shutdownNow();
    }
    var history = (List<?>) handler.call(as("GET", "/findings/" + id + "/history", "viewer",
        "viewer"))
        .expect(200).get("items");
    assertEquals(2, history.size(), "CREATED plus exactly one change: " + history);
  }

  @Test
  void theSweepPublishesActionOverdueOncePerActionPerDay() throws Exception {
    var id = raise(LocalDate.now().plusDays(30).toString());
    var due = LocalDate.now().minusDays(3);
    var action = handler.call(as("POST", "/findings/" + id + "/actions", "owner", "owner").body("""
        {"description": "Overdue action", "owner": "owner@acme.test", "dueDate": "%s"}"""
        .formatted(due))).expect(201);
    @SuppressWarnings("unchecked")
    var sweep = (Map<String, Object>) JsonText.parse(Files.readString(
        SampleEventsTest.DIR.resolve("overdue-sweep.json")));

    var first = handler.handle(sweep);
    var second = handler.handle(sweep);

    var key = "action-overdue:" + action.get("id") + ":" + LocalDate.now();
    assertTrue(((List<?>) first.get("actions")).contains(key), first.toString());
    assertEquals(0, second.get("overdue"), "once per action per day: " + second);
    var bodies = new ArrayList<String>();
    for (int i = 0; i < 10 && bodies.stream().noneMatch(s -> s.contains(id)); i++) {
      sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10))
          .messages().forEach(m -> bodies.add(m.body()));
    }
    var event = bodies.stream().filter(s -> s.contains((String) action.get("id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no Action Overdue event on the bus: " + bodies));
    assertTrue(event.contains("\"detail-type\":\"Action Overdue\"")
        || event.contains("\"detail-type\": \"Action Overdue\""), event);
    assertTrue(event.contains("\"daysOverdue\":3") || event.contains("\"daysOverdue\": 3"), event);
  }

  @Test
  void anEventOfAnotherShapeIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> handler.handle(Map.of("Records", List.of())));
  }
}
