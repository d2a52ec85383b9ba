package io.vigil.functions.scheduleaudits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vigil.adapters.dynamodb.DynamoDbAuditRepository;
import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.aws.AwsClientFactory;
import io.vigil.domain.audit.AuditRecord;
import io.vigil.domain.audit.AuditStatus;
import io.vigil.aws.AwsSettings;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.Canaries;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * The real handler against the emulator: plans from a small configuration, stores the plan,
 * creates the reminder schedules; a second run changes nothing.
 */
@WithAwsEmulator
class ScheduleAuditsHandlerIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String TABLE = "schedule-audits-it-" + SUFFIX;
  private static final String GROUP = "vigil-audits-it-" + SUFFIX;
  private static final String CONFIG = """
      {"cycleMonths": 12, "auditSize": 12,
       "auditors": [
         {"id": "carol", "name": "Carol", "email": "carol@example.org", "maxAuditsPerMonth": 4},
         {"id": "dave", "name": "Dave", "email": "dave@example.org", "maxAuditsPerMonth": 4,
          "unavailable": [["2027-08-01", "2027-08-31"]]}],
       "owners": {"A.8.24": "dave", "9.2": "carol"},
       "notApplicable": ["A.7.5"]}
      """;

  private static AwsClientFactory clients;
  private static ScheduleAuditsHandler handler;
  private static SchedulerClient scheduler;
  private static DynamoDbAuditRepository audits;
  private static AwsEmulator emulator;

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    emulator = aws;
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    scheduler = clients.client(SchedulerClient.class, SchedulerClient::builder,
        Region.of(aws.region()));
    audits = repository(TABLE);
    handler = handler(TABLE, GROUP);
  }

  /** A Vigil table (created) and the audit repository on it. */
  private static DynamoDbAuditRepository repository(String table) {
    var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder,
        Region.of(emulator.region()));
    new VigilTable(table).createIfAbsent(dynamo);
    return new DynamoDbAuditRepository(
        DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(), table);
  }

  /** The real handler on {@code table}, with reminders in schedule group {@code group}. */
  private static ScheduleAuditsHandler handler(String table, String group) {
    var aws = emulator;
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", aws.endpoint());
    props.put("vigil.aws.region", aws.region());
    props.put("vigil.aws.access-key-id", Canaries.AWS_ACCESS_KEY_ID);
    props.put("vigil.aws.secret-access-key", Canaries.AWS_SECRET_ACCESS_KEY);
    props.put("vigil.table-name", table);
    props.put("vigil.audits.config", CONFIG);
    props.put("vigil.audits.schedule-group", group);
    props.put("vigil.audits.reminder-target-arn",
        "arn:aws:events:" + aws.region() + ":123456789012:event-bus/vigil");
    props.put("vigil.audits.reminder-role-arn", "arn:aws:iam::123456789012:role/scheduler");
    props.put("vigil.audits.reminder-dead-letter-arn",
        "arn:aws:sqs:" + aws.region() + ":123456789012:vigil-reminders-dlq");
    return new ScheduleAuditsHandler(ApplicationContext.builder().properties(props));
  }

  @AfterAll
  static void tearDown() {
    if (handler != null) {
      handler.close();
    }
    clients.close();
  }

  private static Map<String, java.time.Instant> schedules() {
    return schedules(GROUP);
  }

  private static Map<String, java.time.Instant> schedules(String group) {
    var result = new TreeMap<String, java.time.Instant>();
    scheduler.listSchedulesPaginator(r -> r.groupName(group)).schedules()
        .forEach(s -> result.put(s.name(), s.lastModificationDate()));
    return result;
  }

  @Test
  @SuppressWarnings("unchecked")
  void plansSavesSchedulesAndASecondRunChangesNothing() {
    // a date in the future, so that every reminder is still ahead
    var event = Map.<String, Object>of("id", "e1", "source", "aws.scheduler",
        "detail-type", "Scheduled Event", "time", "2099-01-04T06:00:00Z", "detail", Map.of());
    var first = handler.execute(event);
    int planned = (Integer) first.get("audits");
    assertTrue(planned > 0, first.toString());
    assertEquals(planned, ((List<String>) first.get("added")).size());
    assertEquals(planned, audits.planned().size());
    var reminders = (Map<String, List<String>>) first.get("reminders");
    assertEquals(schedules().keySet().stream().toList(), reminders.get("created"));
    assertFalse(schedules().isEmpty());
    var one = scheduler.getSchedule(r -> r.groupName(GROUP)
        .name(reminders.get("created").get(0)));
    assertEquals(3, one.target().retryPolicy().maximumRetryAttempts());
    assertEquals("arn:aws:sqs:" + emulator.region() + ":123456789012:vigil-reminders-dlq",
        one.target().deadLetterConfig().arn(), "a refused reminder is never dropped silently");
    for (var audit : audits.planned()) {
      assertFalse(audit.items().contains("A.7.5"), "not applicable control planned");
      if (audit.items().contains("A.8.24")) {
        assertFalse("dave".equals(audit.auditor()), "owner audits own item " + audit);
      }
    }

    var before = schedules();
    var second = handler.execute(event);
    assertEquals(List.of(), second.get("added"));
    assertEquals(List.of(), second.get("changed"));
    assertEquals(List.of(), second.get("removed"));
    assertEquals(Map.of("created", List.of(), "updated", List.of(), "deleted", List.of()),
        second.get("reminders"));
    assertEquals(before, schedules(), "the second run wrote no schedule");
  }

  @Test
  @SuppressWarnings("unchecked")
  void nextDayKeepsThePlan_cancellationDeletesRemindersAndReplansItsItems() {
    var group = GROUP + "-c";
    var audits = repository(TABLE + "-c");
    try (var handler = handler(TABLE + "-c", group)) {
      cancellation(handler, audits, group);
    }
  }

  @SuppressWarnings("unchecked")
  private static void cancellation(ScheduleAuditsHandler handler, DynamoDbAuditRepository audits,
      String group) {
    var day1 = Map.<String, Object>of("id", "d1", "source", "aws.scheduler",
        "detail-type", "Scheduled Event", "time", "2098-01-05T06:00:00Z", "detail", Map.of());
    handler.execute(day1);
    var planBefore = audits.planned();

    // the daily run of the next day keeps every planned audit where it is
    var day2 = Map.<String, Object>of("id", "d2", "source", "aws.scheduler",
        "detail-type", "Scheduled Event", "time", "2098-01-06T06:00:00Z", "detail", Map.of());
    var next = handler.execute(day2);
    assertEquals(List.of(), next.get("added"), next.toString());
    assertEquals(List.of(), next.get("changed"));
    assertEquals(List.of(), next.get("removed"));
    assertEquals(planBefore, audits.planned());

    // the ISMS manager cancels an audit (as the records API does)
    var victim = planBefore.get(2);
    var record = audits.record(victim.id()).orElseThrow();
    audits.update(new AuditRecord(record.plan(), AuditStatus.CANCELLED, null, null, Map.of(),
        null, null, null, null, java.time.Instant.parse("2098-01-06T08:00:00Z"),
        "boss@example.org", "auditor ill", record.version()));
    var afterCancel = handler.execute(day2);
    var reminders = (Map<String, List<String>>) afterCancel.get("reminders");
    assertTrue(reminders.get("deleted").containsAll(List.of("audit-" + victim.id() + "-r14",
        "audit-" + victim.id() + "-r1", "audit-" + victim.id() + "-due")), reminders.toString());
    assertTrue(schedules(group).keySet().stream().noneMatch(n -> n.contains(victim.id())),
        "no orphan schedule of the cancelled audit");
    var replanned = audits.planned();
    for (var item : victim.items()) {
      assertTrue(replanned.stream().anyMatch(a -> a.items().contains(item)),
          item + " was not planned again after the cancellation");
    }
    assertEquals(AuditStatus.CANCELLED, audits.record(victim.id()).orElseThrow().status());
    // and a second run changes nothing
    var again = handler.execute(day2);
    assertEquals(List.of(), again.get("added"));
    assertEquals(List.of(), again.get("changed"));
    assertEquals(List.of(), again.get("removed"));
    assertEquals(Map.of("created", List.of(), "updated", List.of(), "deleted", List.of()),
        again.get("reminders"));
  }
}
