package io.vigil.functions.scheduleaudits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vigil.adapters.dynamodb.DynamoDbAuditRepository;
import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.emulator.junit.AwsEmulator;
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

  @BeforeAll
  static void setUp(AwsEmulator aws) {
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    var region = Region.of(aws.region());
    var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder, region);
    new VigilTable(TABLE).createIfAbsent(dynamo);
    audits = new DynamoDbAuditRepository(
        DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(), TABLE);
    scheduler = clients.client(SchedulerClient.class, SchedulerClient::builder, region);
    var props = new HashMap<String, Object>();
    props.put("vigil.aws.endpoint-url", aws.endpoint());
    props.put("vigil.aws.region", aws.region());
    props.put("vigil.aws.access-key-id", "test");
    props.put("vigil.aws.secret-access-key", "test");
    props.put("vigil.table-name", TABLE);
    props.put("vigil.audits.config", CONFIG);
    props.put("vigil.audits.schedule-group", GROUP);
    props.put("vigil.audits.reminder-target-arn",
        "arn:aws:events:" + aws.region() + ":123456789012:event-bus/vigil");
    props.put("vigil.audits.reminder-role-arn", "arn:aws:iam::123456789012:role/scheduler");
    handler = new ScheduleAuditsHandler(ApplicationContext.builder().properties(props));
  }

  @AfterAll
  static void tearDown() {
    if (handler != null) {
      handler.close();
    }
    clients.close();
  }

  private static Map<String, java.time.Instant> schedules() {
    var result = new TreeMap<String, java.time.Instant>();
    scheduler.listSchedulesPaginator(r -> r.groupName(GROUP)).schedules()
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
}
