package io.vigil.adapters.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.Emulated;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.AuditReminders.SyncResult;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;

/**
 * {@link EventBridgeSchedulerAuditReminders} against the emulator's Scheduler: schedules created,
 * updated on re-plan, deleted on removal, and a second sync writes nothing.
 */
@WithAwsEmulator
class EventBridgeSchedulerAuditRemindersIT {

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-28T07:00:00Z"), ZoneOffset.UTC);
  private static final String TARGET =
      "arn:aws:events:eu-west-1:123456789012:event-bus/vigil";
  private static final String ROLE = "arn:aws:iam::123456789012:role/vigil-scheduler";

  private static AwsClientFactory clients;
  private static SchedulerClient scheduler;

  @BeforeAll
  static void connect(AwsEmulator aws) {
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    scheduler = clients.client(SchedulerClient.class, SchedulerClient::builder,
        Region.of(aws.region()));
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  private static AuditPlan.PlannedAudit audit(String id, String date, String... items) {
    return new AuditPlan.PlannedAudit(id, LocalDate.parse(date), "carol", "carol@example.org",
        List.of(items),
        "ISO/IEC 27001:2022", "Access control", "interviews");
  }

  /** Name → last modification of the group's schedules. */
  private static Map<String, Instant> listing(String group) {
    var result = new TreeMap<String, Instant>();
    scheduler.listSchedulesPaginator(r -> r.groupName(group)).schedules()
        .forEach(s -> result.put(s.name(), s.lastModificationDate()));
    return result;
  }

  @Test
  void createsUpdatesDeletesAndIsIdempotent() {
    var group = Emulated.uniqueName("reminders");
    var reminders = new EventBridgeSchedulerAuditReminders(scheduler, group, TARGET, ROLE,
        ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0), NOW,
        Function.<String>identity().andThen(id -> id + "@example.org"));
    var a = audit("AUD-A", "2027-01-15", "A.5.15", "A.8.2");
    var b = audit("AUD-B", "2026-12-05", "9.2"); // its 14-day reminder has passed

    var first = reminders.sync(List.of(a, b));
    assertEquals(new SyncResult(List.of("audit-AUD-A-due", "audit-AUD-A-r1", "audit-AUD-A-r14",
        "audit-AUD-B-due", "audit-AUD-B-r1"), List.of(), List.of()), first);
    assertEquals(first.created(), List.copyOf(listing(group).keySet()));

    var due = scheduler.getSchedule(r -> r.groupName(group).name("audit-AUD-A-due"));
    assertEquals("at(2027-01-15T09:00:00)", due.scheduleExpression());
    assertEquals("Europe/Berlin", due.scheduleExpressionTimezone());
    assertEquals(ActionAfterCompletion.DELETE, due.actionAfterCompletion());
    assertEquals(FlexibleTimeWindowMode.OFF, due.flexibleTimeWindow().mode());
    assertEquals(TARGET, due.target().arn());
    assertEquals(ROLE, due.target().roleArn());
    assertEquals("Audit Due", due.target().eventBridgeParameters().detailType());
    assertEquals("vigil", due.target().eventBridgeParameters().source());
    var input = due.target().input();
    assertTrue(input.contains("\"auditId\":\"AUD-A\""), input);
    assertTrue(input.contains("\"daysBefore\":0"), input);
    assertTrue(input.contains("\"auditors\":[\"carol@example.org\"]"), input);
    assertTrue(input.contains("\"scope\":[\"A.5.15\",\"A.8.2\"]"), input);
    var r14 = scheduler.getSchedule(r -> r.groupName(group).name("audit-AUD-A-r14"));
    assertEquals("at(2027-01-01T09:00:00)", r14.scheduleExpression());
    assertEquals("Audit Reminder", r14.target().eventBridgeParameters().detailType());
    assertTrue(r14.target().input().contains("\"daysBefore\":14"));

    var before = listing(group);
    assertTrue(reminders.sync(List.of(b, a)).isEmpty(), "second sync changes nothing");
    assertEquals(before, listing(group), "no schedule was written");

    var aMoved = audit("AUD-A", "2027-02-01", "A.5.15", "A.8.2");
    assertEquals(new SyncResult(List.of(), List.of("audit-AUD-A-due", "audit-AUD-A-r1",
        "audit-AUD-A-r14"), List.of()), reminders.sync(List.of(aMoved, b)));
    assertEquals("at(2027-02-01T09:00:00)", scheduler.getSchedule(
        r -> r.groupName(group).name("audit-AUD-A-due")).scheduleExpression());
    assertTrue(reminders.sync(List.of(aMoved, b)).isEmpty());

    assertEquals(new SyncResult(List.of(), List.of(), List.of("audit-AUD-B-due",
        "audit-AUD-B-r1")), reminders.sync(List.of(aMoved)));
    assertEquals(List.of("audit-AUD-A-due", "audit-AUD-A-r1", "audit-AUD-A-r14"),
        List.copyOf(listing(group).keySet()));

    assertEquals(3, reminders.sync(List.of()).deleted().size(), "nothing planned, no orphans");
    assertEquals(Map.of(), listing(group));
  }

  @Test
  void lambdaTargetGetsTheWholeEvent() {
    var group = Emulated.uniqueName("reminders-fn");
    var reminders = new EventBridgeSchedulerAuditReminders(scheduler, group,
        "arn:aws:lambda:eu-west-1:123456789012:function:vigil-notify", ROLE, ZoneId.of("UTC"),
        LocalTime.of(8, 30), NOW, Function.identity());
    reminders.sync(List.of(audit("AUD-C", "2027-03-01", "6.1")));
    var r1 = scheduler.getSchedule(r -> r.groupName(group).name("audit-AUD-C-r1"));
    assertEquals("at(2027-02-28T08:30:00)", r1.scheduleExpression());
    var input = r1.target().input();
    assertTrue(input.contains("\"detail-type\":\"Audit Reminder\""), input);
    assertTrue(input.contains("\"source\":\"vigil\""), input);
    assertTrue(input.contains("\"daysBefore\":1"), input);
  }

  /** What a racing writer does just before one of the adapter's writes reaches the service. */
  private interface Race {
    /** Runs before {@code request} is sent with the real client; false sends nothing more. */
    boolean before(Object request);
  }

  /**
   * The real client, with {@code race} run before each create and update: a concurrent copy of
   * the same sync (the event is delivered at least once) writing between listing and writing.
   */
  private static SchedulerClient racing(Race race) {
    InvocationHandler handler = (proxy, method, args) -> {
      try {
        if (args != null && args.length == 1 && (args[0] instanceof CreateScheduleRequest
            || args[0] instanceof UpdateScheduleRequest)) {
          if (!race.before(args[0])) {
            throw ConflictException.builder().message("concurrent modification").build();
          }
          return method.invoke(scheduler, args);
        }
        if (args != null && args.length == 1 && args[0] instanceof Consumer) {
          return InvocationHandler.invokeDefault(proxy, method, args); // builds, calls the above
        }
        return method.invoke(scheduler, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (SchedulerClient) Proxy.newProxyInstance(SchedulerClient.class.getClassLoader(),
        new Class<?>[] {SchedulerClient.class}, handler);
  }

  private static EventBridgeSchedulerAuditReminders reminders(SchedulerClient client,
      String group) {
    return new EventBridgeSchedulerAuditReminders(client, group, TARGET, ROLE, ZoneId.of("UTC"),
        LocalTime.of(9, 0), NOW, Function.identity());
  }

  @Test
  void aReminderCreatedByAConcurrentCopy_isAcceptedAsItIs() {
    var group = Emulated.uniqueName("reminders-race");
    var a = audit("AUD-R", "2027-01-15", "A.5.15");
    var copy = reminders(scheduler, group);
    var reminders = reminders(racing(request -> {
      if (request instanceof CreateScheduleRequest create) {
        scheduler.createSchedule(create); // the other copy wins; ours then conflicts
      }
      return true;
    }), group);

    assertEquals(new SyncResult(List.of(), List.of(), List.of()), reminders.sync(List.of(a)),
        "every reminder existed, as wanted, by the time this copy wrote it");
    var listed = listing(group);
    assertEquals(List.of("audit-AUD-R-due", "audit-AUD-R-r1", "audit-AUD-R-r14"),
        List.copyOf(listed.keySet()));
    assertTrue(copy.sync(List.of(a)).isEmpty(), "both copies left the same reminders");
    assertEquals(listed, listing(group));
  }

  @Test
  void aConcurrentUpdateToTheSameReminder_isAccepted_butAnotherOneIsNot() {
    var group = Emulated.uniqueName("reminders-upd");
    reminders(scheduler, group).sync(List.of(audit("AUD-U", "2027-01-15", "A.5.15")));
    var moved = audit("AUD-U", "2027-02-01", "A.5.15");

    var sameUpdateFirst = reminders(racing(request -> {
      if (request instanceof UpdateScheduleRequest update) {
        scheduler.updateSchedule(update);
        return false; // ours then meets the concurrent change
      }
      return true;
    }), group);
    assertEquals(new SyncResult(List.of(), List.of(), List.of()),
        sameUpdateFirst.sync(List.of(moved)));
    assertEquals("at(2027-02-01T09:00:00)", scheduler.getSchedule(
        r -> r.groupName(group).name("audit-AUD-U-due")).scheduleExpression());

    var otherChange = reminders(racing(request -> !(request instanceof UpdateScheduleRequest)),
        group);
    var conflict = assertThrows(ConflictException.class,
        () -> otherChange.sync(List.of(audit("AUD-U", "2027-03-01", "A.5.15"))),
        "a reminder left other than wanted is not passed off as synced");
    assertTrue(conflict.getMessage().contains("concurrent modification"), conflict.getMessage());
  }
}
