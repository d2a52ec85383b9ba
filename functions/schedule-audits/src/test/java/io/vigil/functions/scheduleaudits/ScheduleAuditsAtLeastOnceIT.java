package io.vigil.functions.scheduleaudits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.SdkCallRecorder;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * Issue 11, Deliver 2, for schedule-audits: the daily EventBridge Scheduler event
 * ({@code events/schedule-audits/daily-run.json}, with the sample programme
 * {@code programme.json}) is delivered once, then again, then — on a fresh table and schedule
 * group — as two copies at the same moment to two handler instances (two Lambda execution
 * environments). After the repeat the table and the reminder schedules are exactly as after one
 * delivery (no schedule even rewritten, nor read: the repeat's Scheduler requests are the group's
 * tags and listing); after the two concurrent copies they hold the same audits
 * and exactly the same schedules — names, expressions, time zones, targets with their input, retry
 * policy and dead-letter queue — with no reminder twice.
 */
@WithAwsEmulator
class ScheduleAuditsAtLeastOnceIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  /** Far ahead, so that every reminder of the plan is still to come whatever day this runs. */
  private static final String TIME = "2099-01-05T05:30:00Z";
  private static final int COPIES = 2;

  private static AwsEmulator emulator;
  private static AwsClientFactory clients;
  private static SchedulerClient scheduler;
  private static DynamoDbClient dynamo;

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    emulator = aws;
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    var region = Region.of(aws.region());
    scheduler = clients.client(SchedulerClient.class, SchedulerClient::builder, region);
    dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, region);
    for (var copy : List.of("once", "twice")) {
      new VigilTable(store(copy)).createIfAbsent(dynamo);
      // the stack creates the reminders' group; the function only looks it up
      scheduler.createScheduleGroup(r -> r.name(store(copy)));
    }
  }

  @AfterAll
  static void tearDown() {
    clients.close();
  }

  private static String store(String copy) {
    return "it-audits-alo-" + copy + "-" + SUFFIX;
  }

  @Test
  @SuppressWarnings("unchecked")
  void dailyRun_deliveredTwiceOrConcurrently_plansAndSchedulesWhatOneDeliveryDoes()
      throws Exception {
    var event = event();
    long started = System.nanoTime();
    Map<String, Object> first;
    StoredAudits once;
    StoredAudits again;
    try (var handler = handler("once")) {
      first = handler.handleRequest(event, null);
      once = StoredAudits.capture(dynamo, scheduler, store("once"), store("once"));
      SdkCallRecorder.start();
      var second = handler.handleRequest(event, null);
      var calls = SdkCallRecorder.stop();
      again = StoredAudits.capture(dynamo, scheduler, store("once"), store("once"));
      var byOperation = new TreeMap<String, Integer>();
      calls.stream().filter(c -> c.service().equals("Scheduler"))
          .forEach(c -> byOperation.merge(c.operation(), 1, Integer::sum));
      System.out.printf("[at-least-once] schedule-audits repeat: %d requests, Scheduler %s%n",
          calls.size(), byOperation);
      assertEquals(List.of("ListSchedules", "ListTagsForResource"),
          List.copyOf(byOperation.keySet()), "the repeat only reads the group's tags and listing: "
          + SdkCallRecorder.describe(calls));

      assertEquals(List.of(), second.get("added"), second.toString());
      assertEquals(List.of(), second.get("changed"));
      assertEquals(List.of(), second.get("removed"));
      assertEquals(Map.of("created", List.of(), "updated", List.of(), "deleted", List.of()),
          second.get("reminders"));
    }
    long sequential = System.nanoTime();
    var planned = (List<String>) first.get("added");
    assertFalse(planned.isEmpty(), "the sample programme plans audits: " + first);
    assertEquals(3 * planned.size(), once.schedules().size(),
        "three reminders per planned audit: " + once.schedules().keySet());
    assertEquals(once.items(), again.items(), "table unchanged by the second delivery");
    assertEquals(once.schedules(), again.schedules(),
        "schedules unchanged by the second delivery, not even rewritten");

    var twice = deliverConcurrently(event);
    long concurrent = System.nanoTime();
    System.out.printf("[at-least-once] schedule-audits: %d audits, %d items, %d schedules; once"
        + " and again %d ms, two concurrent copies %d ms%n", planned.size(), once.items().size(),
        once.schedules().size(), (sequential - started) / 1_000_000,
        (concurrent - sequential) / 1_000_000);
    assertEquals(once.normalised().items(), twice.normalised().items(),
        "the audits after two concurrent copies are those of one delivery");
    assertEquals(once.normalised().schedules(), twice.normalised().schedules(),
        "the schedules after two concurrent copies are those of one delivery");
    var reminders = twice.normalised().schedules().values().stream()
        .map(s -> s.get("expression") + " " + s.get("target")).toList();
    assertEquals(reminders.size(), reminders.stream().distinct().count(), "no reminder twice");
  }

  /** Two copies released together, each to its own handler instance on one fresh store. */
  private static StoredAudits deliverConcurrently(Map<String, Object> event) throws Exception {
    var handlers = List.of(handler("twice"), handler("twice"));
    var pool = Executors.newFixedThreadPool(COPIES);
    try {
      var ready = new CountDownLatch(COPIES);
      var go = new CountDownLatch(1);
      var copies = new ArrayList<Future<Map<String, Object>>>();
      for (var h : handlers) {
        copies.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return h.handleRequest(event, null);
        }));
      }
      assertTrue(ready.await(30, TimeUnit.SECONDS), "both copies ready");
      go.countDown();
      for (var copy : copies) {
        copy.get(120, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      throw new AssertionError("a concurrent copy failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("the concurrent copies did not finish", e);
    } finally {
      pool.shutdownNow();
      handlers.forEach(ScheduleAuditsHandler::close);
    }
    return StoredAudits.capture(dynamo, scheduler, store("twice"), store("twice"));
  }

  private static Map<String, Object> event() throws IOException {
    var sample = Files.readString(ProgrammeConfigContractTest.sample("daily-run.json"));
    var event = JsonMapper.createDefault().readValue(sample,
        Argument.mapOf(String.class, Object.class));
    event.put("time", TIME);
    return event;
  }

  private static ScheduleAuditsHandler handler(String copy) {
    String programme;
    try {
      programme = Files.readString(ProgrammeConfigContractTest.sample("programme.json"));
    } catch (IOException e) {
      throw new IllegalStateException("the sample programme is unreadable", e);
    }
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", emulator.endpoint());
    props.put("vigil.aws.region", emulator.region());
    props.put("vigil.aws.access-key-id", emulator.accessKeyId());
    props.put("vigil.aws.secret-access-key", emulator.secretAccessKey());
    props.put("vigil.table-name", store(copy));
    props.put("vigil.audits.config", programme);
    props.put("vigil.audits.schedule-group", store(copy));
    props.put("vigil.audits.reminder-target-arn",
        "arn:aws:events:" + emulator.region() + ":123456789012:event-bus/vigil");
    props.put("vigil.audits.reminder-role-arn", "arn:aws:iam::123456789012:role/scheduler");
    props.put("vigil.audits.reminder-dead-letter-arn",
        "arn:aws:sqs:" + emulator.region() + ":123456789012:vigil-reminders-dlq");
    return new ScheduleAuditsHandler(ApplicationContext.builder().properties(props));
  }
}
