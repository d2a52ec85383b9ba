package io.vigil.adapters.scheduler;

import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.notification.AuditDue;
import io.vigil.domain.audit.AuditReminders;
import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.evidence.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.EventBridgeParameters;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.scheduler.model.DeadLetterConfig;
import software.amazon.awssdk.services.scheduler.model.RetryPolicy;
import software.amazon.awssdk.services.scheduler.model.Tag;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * {@link AuditReminders} as EventBridge Scheduler one-time schedules in a dedicated schedule group
 * (created if absent). Per planned audit: {@code audit-<id>-r14} and {@code audit-<id>-r1}
 * ({@code Audit Reminder}, 14 and 1 days before) and {@code audit-<id>-due} ({@code Audit Due}, on
 * the date), each {@code at(yyyy-MM-ddTHH:mm:ss)} at the reminder time in the configured time zone,
 * flexible time window OFF, deleted by the Scheduler after it ran.
 *
 * <p>Target: when {@code targetArn} is an EventBridge bus, the schedule puts an event with source
 * {@code vigil}, the detail-type and the detail as input (the notify function's subscription);
 * otherwise (a Lambda function) the input is the whole event ({@code id}, {@code source},
 * {@code detail-type}, {@code detail}). The detail has the fields of
 * {@link io.vigil.domain.notification.AuditDue}.
 *
 * <p>Sync lists the group's schedules (paginated) and reads each wanted one that exists: its
 * description ends with a fingerprint of the wanted definition, so unchanged schedules are left
 * alone and a second sync with the same audits makes no write. Schedules of the group that are not
 * wanted (audits removed or cancelled, reminder times passed) are deleted.
 *
 * <p>Fast path: a sync that leaves the group as wanted tags the group (schedules have no tags)
 * with {@value #PLAN_TAG}, a fingerprint of the whole plan (every reminder's name and description,
 * those whose time has passed included, so that it does not change as reminders run and delete
 * themselves), and {@value #SYNCED_AT_TAG}, the latest {@code LastModificationDate} of its
 * schedules then (the Scheduler's clock). A sync reads these tags, then lists the group; when the
 * plan's fingerprint is the tagged one, the listed names are exactly the wanted ones and no
 * schedule was modified after the tagged instant, nothing changed since and it reads no schedule.
 * Any other case (a plan change, a schedule edited, deleted or added out of band, no tags) takes
 * the full compare above, which repairs it and tags the group again. The tags are written only
 * when this sync saw every listed schedule, at its listed modification, with the wanted
 * description (a schedule it wrote is read back), so a concurrent writer's change is never
 * vouched for.
 */
public final class EventBridgeSchedulerAuditReminders implements AuditReminders {

  /** Reminder offsets: kind suffix → days before the audit date. */
  private static final Map<String, Integer> KINDS = kinds();
  private static final int MAX_NAME = 64;
  private static final Pattern UNSAFE = Pattern.compile("[^0-9A-Za-z_.-]");
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final String FINGERPRINT = " #";

  /** Group tag: SHA-256 of every planned reminder's name and description at the last full sync. */
  static final String PLAN_TAG = "vigil:reminders-plan";
  /** Group tag: the latest modification of a schedule of the group when it was as planned. */
  static final String SYNCED_AT_TAG = "vigil:reminders-synced-at";

  /** Attempts after the first when the target refuses a reminder. */
  static final int RETRY_ATTEMPTS = 3;
  /** How long a reminder may keep being retried. */
  static final int MAX_EVENT_AGE_SECONDS = 6 * 3600;

  private final SchedulerClient scheduler;
  private final String groupName;
  private final String targetArn;
  private final String roleArn;
  private final ZoneId zone;
  private final LocalTime time;
  private final Clock clock;
  private final Function<String, String> contact;
  private final String deadLetterArn;
  private String groupArn;

  /** Reminders at 09:00 UTC, auditors named by id in the events. */
  public EventBridgeSchedulerAuditReminders(SchedulerClient scheduler, String groupName,
      String targetArn, String roleArn) {
    this(scheduler, groupName, targetArn, roleArn, ZoneId.of("UTC"), LocalTime.of(9, 0),
        Clock.systemUTC(), Function.identity());
  }

  /**
   * @param zone time zone of the schedules' {@code at()} expressions
   * @param time time of day the reminders go out
   * @param clock decides which reminder times have passed
   * @param contact auditor id → what the events list as the auditor (e-mail address)
   */
  public EventBridgeSchedulerAuditReminders(SchedulerClient scheduler, String groupName,
      String targetArn, String roleArn, ZoneId zone, LocalTime time, Clock clock,
      Function<String, String> contact) {
    this(scheduler, groupName, targetArn, roleArn, zone, time, clock, contact, null);
  }

  /**
   * @param deadLetterArn SQS queue that receives a reminder the target still refuses after the
   *     retries (null: none; the target errors are then only visible as a metric)
   */
  public EventBridgeSchedulerAuditReminders(SchedulerClient scheduler, String groupName,
      String targetArn, String roleArn, ZoneId zone, LocalTime time, Clock clock,
      Function<String, String> contact, String deadLetterArn) {
    this.deadLetterArn = deadLetterArn == null || deadLetterArn.isBlank() ? null
        : deadLetterArn.trim();
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.groupName = requireText(groupName, "groupName");
    this.targetArn = requireText(targetArn, "targetArn");
    this.roleArn = requireText(roleArn, "roleArn");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.time = Objects.requireNonNull(time, "time");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.contact = Objects.requireNonNull(contact, "contact");
  }

  /** The schedule name of one reminder kind ({@code r14}, {@code r1}, {@code due}) of an audit. */
  public static String scheduleName(String auditId, String kind) {
    var safe = UNSAFE.matcher(auditId).replaceAll("_");
    var name = "audit-" + safe + "-" + kind;
    if (name.length() <= MAX_NAME && safe.equals(auditId)) {
      return name;
    }
    var hash = Sha256.of(auditId).hex().substring(0, 12);
    int room = MAX_NAME - "audit-".length() - kind.length() - hash.length() - 2;
    return "audit-" + safe.substring(0, Math.min(room, safe.length())) + "." + hash + "-" + kind;
  }

  @Override
  public SyncResult sync(List<AuditPlan.PlannedAudit> planned) {
    var group = ensureGroup();
    var plan = new TreeMap<String, Wanted>(); // passed reminders included
    var wanted = new TreeMap<String, Wanted>();
    var now = LocalDateTime.now(clock.withZone(zone));
    for (var audit : planned) {
      KINDS.forEach((kind, daysBefore) -> {
        var at = audit.date().minusDays(daysBefore).atTime(time);
        var name = scheduleName(audit.id(), kind);
        var w = wanted(name, audit, daysBefore, at);
        plan.put(name, w);
        if (at.isAfter(now)) {
          wanted.put(name, w);
        }
      });
    }
    var fingerprint = fingerprint(plan.values());
    // the tags before the listing: tags written after it could vouch for writes it does not show
    var tags = tags(group);
    var existing = listing();
    if (unchangedSince(tags, fingerprint, existing, wanted)) {
      return new SyncResult(List.of(), List.of(), List.of());
    }
    var seen = new HashMap<String, Instant>(); // name → modification read as wanted
    boolean wrote = false;
    var created = new ArrayList<String>();
    var updated = new ArrayList<String>();
    var deleted = new ArrayList<String>();
    for (var w : wanted.values()) {
      if (!existing.containsKey(w.name)) {
        wrote = true;
        if (created(w)) {
          created.add(w.name);
          continue;
        }
      }
      GetScheduleResponse current;
      try {
        current = schedule(w.name);
      } catch (ResourceNotFoundException ranMeanwhile) {
        wrote = true;
        if (created(w)) { // else a concurrent copy re-created it as wanted
          created.add(w.name);
        }
        continue;
      }
      if (!asWanted(w, current, seen)) {
        wrote = true;
        if (updated(w, seen)) {
          updated.add(w.name);
        }
      }
    }
    for (var name : existing.keySet()) {
      if (!wanted.containsKey(name)) {
        wrote = true;
        try {
          scheduler.deleteSchedule(r -> r.groupName(groupName).name(name));
        } catch (ResourceNotFoundException alreadyGone) {
          // ran and deleted itself meanwhile
        }
        deleted.add(name);
      }
    }
    markSynced(group, fingerprint, wanted, wrote ? listing() : existing, seen);
    return new SyncResult(created, updated, deleted);
  }

  /** The group's schedules by name (all pages). */
  private TreeMap<String, ScheduleSummary> listing() {
    var listed = new TreeMap<String, ScheduleSummary>();
    scheduler.listSchedulesPaginator(r -> r.groupName(groupName)).schedules()
        .forEach(s -> listed.put(s.name(), s));
    return listed;
  }

  private Map<String, String> tags(String group) {
    var tags = new HashMap<String, String>();
    scheduler.listTagsForResource(r -> r.resourceArn(group)).tags()
        .forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  /**
   * Whether the group is as the tags say a full sync left it for this plan: same plan, exactly the
   * wanted names listed, none modified since.
   */
  private static boolean unchangedSince(Map<String, String> tags, String fingerprint,
      Map<String, ScheduleSummary> listed, Map<String, Wanted> wanted) {
    if (!fingerprint.equals(tags.get(PLAN_TAG)) || !listed.keySet().equals(wanted.keySet())) {
      return false;
    }
    Instant syncedAt;
    try {
      syncedAt = Instant.parse(Objects.toString(tags.get(SYNCED_AT_TAG), ""));
    } catch (DateTimeParseException absent) {
      return false;
    }
    return listed.values().stream().allMatch(s -> s.lastModificationDate() != null
        && !s.lastModificationDate().isAfter(syncedAt));
  }

  /**
   * Tags the group with the plan's fingerprint and the latest modification of {@code listed}
   * (listed after this sync's writes), if this sync has seen each listed schedule, at its listed
   * modification, with the wanted description; schedules it wrote (or saw at another
   * modification) are read back for that. Otherwise (a concurrent writer changed the group
   * meanwhile) the group keeps its tags, which no longer match, and the next sync compares in full.
   */
  private void markSynced(String group, String fingerprint, Map<String, Wanted> wanted,
      Map<String, ScheduleSummary> listed, Map<String, Instant> seen) {
    if (!listed.keySet().equals(wanted.keySet())) {
      return;
    }
    var syncedAt = Instant.EPOCH;
    for (var s : listed.values()) {
      var modified = s.lastModificationDate();
      if (modified == null) {
        return;
      }
      if (!modified.equals(seen.get(s.name()))) {
        try {
          if (!asWanted(wanted.get(s.name()), schedule(s.name()), seen)
              || !modified.equals(seen.get(s.name()))) {
            return;
          }
        } catch (ResourceNotFoundException goneMeanwhile) {
          return;
        }
      }
      if (modified.isAfter(syncedAt)) {
        syncedAt = modified;
      }
    }
    var at = syncedAt.toString();
    scheduler.tagResource(r -> r.resourceArn(group).tags(
        Tag.builder().key(PLAN_TAG).value(fingerprint).build(),
        Tag.builder().key(SYNCED_AT_TAG).value(at).build()));
  }

  /** SHA-256 over every planned reminder's name and wanted description. */
  private static String fingerprint(Iterable<Wanted> plan) {
    var text = new StringBuilder();
    for (var w : plan) {
      text.append(w.name).append('\n').append(w.description).append('\n');
    }
    return Sha256.of(text.toString()).hex();
  }

  /** Whether {@code current} has the wanted description; if so, notes its modification. */
  private static boolean asWanted(Wanted w, GetScheduleResponse current,
      Map<String, Instant> seen) {
    if (!w.description.equals(current.description())) {
      return false;
    }
    seen.put(w.name, current.lastModificationDate());
    return true;
  }

  /**
   * Creates the reminder; false if it exists after all: the event is delivered at least once, and
   * a concurrent copy of this sync created it since the listing ({@code ConflictException}). The
   * caller then compares it like a listed one.
   */
  private boolean created(Wanted w) {
    try {
      create(w);
      return true;
    } catch (ConflictException createdMeanwhile) {
      return false;
    }
  }

  /**
   * Updates the reminder to {@code w}; false if a concurrent writer got there first
   * ({@code ConflictException}) and left it as wanted.
   *
   * @throws ConflictException if the concurrent writer left it other than wanted
   */
  private boolean updated(Wanted w, Map<String, Instant> seen) {
    try {
      scheduler.updateSchedule(r -> r.groupName(groupName).name(w.name)
          .description(w.description)
          .scheduleExpression(w.expression)
          .scheduleExpressionTimezone(zone.getId())
          .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
          .actionAfterCompletion(ActionAfterCompletion.DELETE)
          .state(ScheduleState.ENABLED)
          .target(w.target));
      return true;
    } catch (ConflictException concurrentChange) {
      if (asWanted(w, schedule(w.name), seen)) {
        return false;
      }
      throw concurrentChange;
    }
  }

  private GetScheduleResponse schedule(String name) {
    return scheduler.getSchedule(r -> r.groupName(groupName).name(name));
  }

  private void create(Wanted w) {
    scheduler.createSchedule(r -> r.groupName(groupName).name(w.name)
        .description(w.description)
        .scheduleExpression(w.expression)
        .scheduleExpressionTimezone(zone.getId())
        .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
        .actionAfterCompletion(ActionAfterCompletion.DELETE)
        .state(ScheduleState.ENABLED)
        .target(w.target));
  }

  /** The group's ARN; creates the group if absent (looked up once per instance). */
  private String ensureGroup() {
    if (groupArn != null) {
      return groupArn;
    }
    try {
      groupArn = scheduler.getScheduleGroup(r -> r.name(groupName)).arn();
    } catch (ResourceNotFoundException absent) {
      try {
        groupArn = scheduler.createScheduleGroup(r -> r.name(groupName)).scheduleGroupArn();
      } catch (ConflictException createdMeanwhile) { // another run created it
        groupArn = scheduler.getScheduleGroup(r -> r.name(groupName)).arn();
      }
    }
    return groupArn;
  }

  private Wanted wanted(String name, AuditPlan.PlannedAudit audit, int daysBefore,
      LocalDateTime at) {
    var detailType = daysBefore == 0 ? "Audit Due" : "Audit Reminder";
    var detail = detail(audit, daysBefore, at.toLocalDate());
    boolean bus = targetArn.contains(":event-bus/");
    String input;
    var target = Target.builder().arn(targetArn).roleArn(roleArn);
    if (bus) {
      input = CanonicalJson.write(detail);
      target.eventBridgeParameters(EventBridgeParameters.builder().source("vigil")
          .detailType(detailType).build());
    } else {
      var event = new LinkedHashMap<String, Object>();
      event.put("id", name + "@" + at.toLocalDate());
      event.put("source", "vigil");
      event.put("detail-type", detailType);
      event.put("resources", List.of());
      event.put("detail", detail);
      input = CanonicalJson.write(event);
    }
    target.input(input);
    target.retryPolicy(RetryPolicy.builder().maximumRetryAttempts(RETRY_ATTEMPTS)
        .maximumEventAgeInSeconds(MAX_EVENT_AGE_SECONDS).build());
    if (deadLetterArn != null) {
      target.deadLetterConfig(DeadLetterConfig.builder().arn(deadLetterArn).build());
    }
    var expression = "at(" + AT.format(at) + ")";
    var fingerprint = Sha256.of(String.join("\n", expression, zone.getId(), targetArn, roleArn,
        detailType, input, Objects.toString(deadLetterArn, ""), "retry" + RETRY_ATTEMPTS))
        .hex().substring(0, 16);
    var description = (detailType + " of audit " + audit.id());
    if (description.length() > 400) {
      description = description.substring(0, 400);
    }
    return new Wanted(name, expression, description + FINGERPRINT + fingerprint, target.build());
  }

  /** The Audit Due / Audit Reminder detail ({@link AuditDue#detail()}). */
  Map<String, Object> detail(AuditPlan.PlannedAudit audit, int daysBefore, LocalDate day) {
    var contact = audit.auditorEmail() != null ? audit.auditorEmail()
        : audit.auditor() == null ? null
        : Objects.toString(this.contact.apply(audit.auditor()), audit.auditor());
    return new AuditDue(audit, contact, day, daysBefore).detail();
  }

  private static Map<String, Integer> kinds() {
    var kinds = new LinkedHashMap<String, Integer>();
    kinds.put("r14", 14);
    kinds.put("r1", 1);
    kinds.put("due", 0);
    return kinds;
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value.trim();
  }

  private record Wanted(String name, String expression, String description, Target target) {}

  /** For tests: the day a reminder kind fires for an audit date. */
  static LocalDate fireDay(LocalDate auditDate, String kind) {
    return auditDate.minusDays(KINDS.get(kind));
  }
}
