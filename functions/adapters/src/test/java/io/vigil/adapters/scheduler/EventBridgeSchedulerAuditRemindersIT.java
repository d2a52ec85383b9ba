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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;

/**
 * {@link EventBridgeSchedulerAuditReminders} against the emulator's Scheduler: schedules created,
 * updated on re-plan, deleted on removal, and a second sync writes nothing; an unchanged sync reads
 * no schedule (the group's tags vouch for it), and what changed out of band is still repaired.
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
  private static Region region;

  @BeforeAll
  static void connect(AwsEmulator aws) {
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
    region = Region.of(aws.region());
    scheduler = clients.client(SchedulerClient.class, SchedulerClient::builder, region);
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

    /** Runs after {@code request} was sent with the real client. */
    default void after(Object request) {}
  }

  /**
   * The real client, with {@code race} run before (and after) each create and update: a
   * concurrent copy of the same sync (the event is delivered at least once) writing between
   * listing and writing (or right after this sync's write).
   */
  private static SchedulerClient racing(Race race) {
    InvocationHandler handler = (proxy, method, args) -> {
      try {
        if (args != null && args.length == 1 && (args[0] instanceof CreateScheduleRequest
            || args[0] instanceof UpdateScheduleRequest)) {
          if (!race.before(args[0])) {
            throw ConflictException.builder().message("concurrent modification").build();
          }
          var response = method.invoke(scheduler, args);
          race.after(args[0]);
          return response;
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

  /** Records the operation name of every request its client sends (each attempt). */
  private static final class Requests implements ExecutionInterceptor {
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeTransmission(Context.BeforeTransmission context,
        ExecutionAttributes attributes) {
      sent.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    /** The requests sent since the last call, in order. */
    List<String> take() {
      synchronized (sent) {
        var taken = List.copyOf(sent);
        sent.clear();
        return taken;
      }
    }

    /** The real client configured as production's, recording into this. */
    SchedulerClient client() {
      var builder = clients.configure(SchedulerClient.builder(), region);
      return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
          .addExecutionInterceptor(this).build()).build();
    }
  }

  /** {@code count} audits, one a week from 2027-01-15: three reminders each, all ahead. */
  private static List<AuditPlan.PlannedAudit> programme(int count) {
    var audits = new ArrayList<AuditPlan.PlannedAudit>();
    for (int i = 0; i < count; i++) {
      audits.add(audit("AUD-P%02d".formatted(i), LocalDate.parse("2027-01-15").plusWeeks(i)
          .toString(), "A.5." + (i + 1)));
    }
    return audits;
  }

  private static final SyncResult NOTHING = new SyncResult(List.of(), List.of(), List.of());

  /** Reminders that have synced {@code audits} to {@code group}. */
  private static EventBridgeSchedulerAuditReminders synced(String group,
      List<AuditPlan.PlannedAudit> audits) {
    var reminders = reminders(scheduler, group);
    reminders.sync(audits);
    return reminders;
  }

  private static GetScheduleResponse schedule(String group, String name) {
    return scheduler.getSchedule(r -> r.groupName(group).name(name));
  }

  @Test
  void anUnchangedSync_readsTheGroupsTagsAndListingOnly_evenAfterARemindersTimeHasPassed() {
    var group = Emulated.uniqueName("reminders-fast");
    var requests = new Requests();
    try (var client = requests.client()) {
      var audits = programme(20); // 60 schedules: two pages of the emulator's listing
      var reminders = reminders(client, group);
      assertEquals(60, reminders.sync(audits).created().size());
      var first = requests.take();
      assertEquals(List.of("GetScheduleGroup", "CreateScheduleGroup", "ListTagsForResource",
          "ListSchedules"), first.subList(0, 4), first.toString());
      assertEquals("TagResource", first.get(first.size() - 1), "the group is marked as synced");
      var before = listing(group);

      assertEquals(NOTHING, reminders.sync(audits));
      assertEquals(List.of("ListTagsForResource", "ListSchedules", "ListSchedules"),
          requests.take(), "an unchanged sync reads no schedule and writes nothing");
      assertEquals(NOTHING, reminders(client, group).sync(audits));
      assertEquals(List.of("GetScheduleGroup", "ListTagsForResource", "ListSchedules",
          "ListSchedules"), requests.take(), "nor on a cold start (the group looked up once)");

      // two days later the first audit's 14-day reminder has run and deleted itself
      var later = new EventBridgeSchedulerAuditReminders(client, group, TARGET, ROLE,
          ZoneId.of("UTC"), LocalTime.of(9, 0),
          Clock.fixed(Instant.parse("2027-01-02T07:00:00Z"), ZoneOffset.UTC),
          Function.identity());
      scheduler.deleteSchedule(r -> r.groupName(group).name("audit-AUD-P00-r14"));
      requests.take();
      assertEquals(NOTHING, later.sync(audits));
      assertEquals(List.of("GetScheduleGroup", "ListTagsForResource", "ListSchedules",
          "ListSchedules"), requests.take(), "the plan's fingerprint covers passed reminders");
      before.remove("audit-AUD-P00-r14");
      assertEquals(before, listing(group), "no schedule was written");
    }
  }

  @Test
  void aReminderEditedOutOfBand_isRepairedByTheNextSync() {
    var group = Emulated.uniqueName("reminders-edit");
    var audits = List.of(audit("AUD-E", "2027-01-15", "A.5.15"));
    var reminders = synced(group, audits);
    var name = "audit-AUD-E-r1";
    var wanted = schedule(group, name);
    scheduler.updateSchedule(r -> r.groupName(group).name(name)
        .description("edited by hand").scheduleExpression("at(2027-01-10T09:00:00)")
        .flexibleTimeWindow(wanted.flexibleTimeWindow()).target(wanted.target()));

    assertEquals(new SyncResult(List.of(), List.of(name), List.of()), reminders.sync(audits));
    var repaired = schedule(group, name);
    assertEquals(wanted.description(), repaired.description());
    assertEquals("at(2027-01-14T09:00:00)", repaired.scheduleExpression());
    assertEquals(NOTHING, reminders.sync(audits));
  }

  @Test
  void aReminderDeletedOutOfBand_isRecreated_andAStrayScheduleIsDeleted() {
    var group = Emulated.uniqueName("reminders-gone");
    var audits = List.of(audit("AUD-G", "2027-01-15", "A.5.15"));
    var reminders = synced(group, audits);
    var due = schedule(group, "audit-AUD-G-due");

    scheduler.deleteSchedule(r -> r.groupName(group).name("audit-AUD-G-due"));
    assertEquals(new SyncResult(List.of("audit-AUD-G-due"), List.of(), List.of()),
        reminders.sync(audits));
    assertEquals(due.description(), schedule(group, "audit-AUD-G-due").description());

    scheduler.createSchedule(r -> r.groupName(group).name("stray")
        .scheduleExpression("at(2027-01-12T09:00:00)")
        .flexibleTimeWindow(due.flexibleTimeWindow()).target(due.target()));
    assertEquals(new SyncResult(List.of(), List.of(), List.of("stray")), reminders.sync(audits));
    assertEquals(List.of("audit-AUD-G-due", "audit-AUD-G-r1", "audit-AUD-G-r14"),
        List.copyOf(listing(group).keySet()));
    assertEquals(NOTHING, reminders.sync(audits));
  }

  @Test
  void aChangedPlan_comparesInFull_andUpdatesAsBefore() {
    var group = Emulated.uniqueName("reminders-plan");
    var requests = new Requests();
    try (var client = requests.client()) {
      var reminders = reminders(client, group);
      var a = audit("AUD-M", "2027-01-15", "A.5.15");
      var b = audit("AUD-N", "2027-02-15", "A.8.2");
      reminders.sync(List.of(a, b));
      requests.take();

      var moved = audit("AUD-M", "2027-01-22", "A.5.15");
      assertEquals(new SyncResult(List.of(), List.of("audit-AUD-M-due", "audit-AUD-M-r1",
          "audit-AUD-M-r14"), List.of()), reminders.sync(List.of(moved, b)));
      assertEquals(List.of("ListTagsForResource", "ListSchedules",
          "GetSchedule", "UpdateSchedule", "GetSchedule", "UpdateSchedule",
          "GetSchedule", "UpdateSchedule", "GetSchedule", "GetSchedule", "GetSchedule",
          "ListSchedules", "GetSchedule", "GetSchedule", "GetSchedule", "TagResource"),
          requests.take(), "every reminder compared, the ones written read back, then marked");
      assertEquals("at(2027-01-22T09:00:00)",
          schedule(group, "audit-AUD-M-due").scheduleExpression());
      assertEquals(NOTHING, reminders.sync(List.of(moved, b)));
      assertEquals(List.of("ListTagsForResource", "ListSchedules"), requests.take());
    }
  }

  @Test
  void aReminderRewrittenByAStaleCopyRightAfterThisSyncWroteIt_isNotVouchedFor() {
    var group = Emulated.uniqueName("reminders-stale");
    var audits = List.of(audit("AUD-S", "2027-01-15", "A.5.15"));
    var reminders = reminders(racing(new Race() {
      @Override
      public boolean before(Object request) {
        return true;
      }

      @Override
      public void after(Object request) {
        if (request instanceof CreateScheduleRequest create
            && create.name().equals("audit-AUD-S-due")) {
          // a copy that planned an older programme writes its version over this sync's
          scheduler.updateSchedule(r -> r.groupName(group).name(create.name())
              .description("Audit Due of audit AUD-S #stale")
              .scheduleExpression("at(2027-01-08T09:00:00)")
              .flexibleTimeWindow(create.flexibleTimeWindow()).target(create.target()));
        }
      }
    }), group);
    assertEquals(3, reminders.sync(audits).created().size());

    assertEquals(new SyncResult(List.of(), List.of("audit-AUD-S-due"), List.of()),
        reminders(scheduler, group).sync(audits), "the stale reminder is repaired");
    assertEquals("at(2027-01-15T09:00:00)",
        schedule(group, "audit-AUD-S-due").scheduleExpression());
  }
}
