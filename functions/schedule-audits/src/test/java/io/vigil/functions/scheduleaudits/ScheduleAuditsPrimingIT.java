package io.vigil.functions.scheduleaudits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.SdkCallRecorder;
import io.vigil.emulator.junit.SdkCallRecorder.Call;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * Issue 10, Deliver 3: the SnapStart warm-up of schedule-audits, run against the emulator on a
 * table and a reminder group that hold a plan, makes only harmless reads of Vigil's own table —
 * every SDK call it makes is a DynamoDB {@code GetItem} on that table — and leaves the table and
 * the schedules exactly as they were.
 */
@WithAwsEmulator
class ScheduleAuditsPrimingIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String TABLE = "it-audits-priming-" + SUFFIX;
  private static final String GROUP = "it-audits-priming-" + SUFFIX;
  private static final String CONFIG = """
      {"cycleMonths": 3, "auditSize": 12,
       "auditors": [
         {"id": "carol", "name": "Carol", "email": "carol@example.org", "maxAuditsPerMonth": 4},
         {"id": "dave", "name": "Dave", "email": "dave@example.org", "maxAuditsPerMonth": 4}],
       "owners": {"A.8.24": "dave"}}
      """;
  /** What the warm-up may call: the allow-list. */
  private static final Set<Call> ALLOWED = Set.of(new Call("DynamoDb", "GetItem", TABLE));

  private static AwsEmulator emulator;
  private static AwsClientFactory clients;
  private static DynamoDbClient dynamo;
  private static SchedulerClient scheduler;

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    emulator = aws;
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder,
        Region.of(aws.region()));
    scheduler = clients.client(SchedulerClient.class, SchedulerClient::builder,
        Region.of(aws.region()));
    new VigilTable(TABLE).createIfAbsent(dynamo);
    scheduler.createScheduleGroup(r -> r.name(GROUP));
  }

  @AfterAll
  static void tearDown() {
    clients.close();
  }

  @Test
  void priming_readsOnlyANeverStoredItemOfVigilsTable_andChangesNothing() {
    try (var handler = handler()) {
      // GIVEN a table and a reminder group holding a plan, written by a real run (recorded: the
      // recorder sees the function's own clients, writes included)
      SdkCallRecorder.start();
      handler.handleRequest(Map.of("id", "seed", "source", "aws.scheduler",
          "detail-type", "Scheduled Event", "time", "2099-01-05T05:30:00Z", "detail", Map.of()),
          null);
      var run = SdkCallRecorder.stop();
      assertTrue(run.contains(new Call("DynamoDb", "PutItem", TABLE)), SdkCallRecorder.describe(run));
      assertTrue(run.stream().anyMatch(c -> c.operation().equals("CreateSchedule")),
          SdkCallRecorder.describe(run));
      var before = StoredAudits.capture(dynamo, scheduler, TABLE, GROUP);
      assertFalse(before.items().isEmpty());
      assertFalse(before.schedules().isEmpty());

      // WHEN the warm-up runs (as before a snapshot)
      SdkCallRecorder.start();
      boolean primed = handler.priming().prime();
      var calls = SdkCallRecorder.stop();

      // THEN it succeeded with reads of the allow-list only, and changed nothing
      assertTrue(primed, "the warm-up succeeds");
      assertFalse(calls.isEmpty(), "the warm-up reads through the function's client");
      assertTrue(ALLOWED.containsAll(calls), "calls outside the allow-list " + ALLOWED + ":\n"
          + SdkCallRecorder.describe(calls));
      assertTrue(calls.stream().noneMatch(c -> c.service().equalsIgnoreCase("Sts")
          || c.service().equalsIgnoreCase("Scheduler")), SdkCallRecorder.describe(calls));
      var after = StoredAudits.capture(dynamo, scheduler, TABLE, GROUP);
      assertEquals(before.items(), after.items(), "table unchanged");
      assertEquals(before.schedules(), after.schedules(), "schedules unchanged, not rewritten");
    }
  }

  private static ScheduleAuditsHandler handler() {
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", emulator.endpoint());
    props.put("vigil.aws.region", emulator.region());
    props.put("vigil.aws.access-key-id", emulator.accessKeyId());
    props.put("vigil.aws.secret-access-key", emulator.secretAccessKey());
    props.put("vigil.table-name", TABLE);
    props.put("vigil.audits.config", CONFIG);
    props.put("vigil.audits.schedule-group", GROUP);
    props.put("vigil.audits.reminder-target-arn",
        "arn:aws:events:" + emulator.region() + ":123456789012:event-bus/vigil");
    props.put("vigil.audits.reminder-role-arn", "arn:aws:iam::123456789012:role/scheduler");
    return new ScheduleAuditsHandler(ApplicationContext.builder().properties(props));
  }
}
