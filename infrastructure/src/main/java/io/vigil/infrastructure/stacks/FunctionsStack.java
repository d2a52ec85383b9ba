package io.vigil.infrastructure.stacks;

import io.vigil.infrastructure.CollectorGroup;
import io.vigil.infrastructure.LambdaPackages;
import io.vigil.infrastructure.VigilConfig;
import io.vigil.infrastructure.constructs.VigilFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.events.Match;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.scheduler.ContextAttribute;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleGroup;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Vigil's functions and what triggers them: the collector (scheduled dispatcher, one queue
 * consumer per service group, change-event rules per group), findings-api (its HTTP API is in
 * {@link ApiStack}; the overdue sweep schedule is here), notify (rule on the Vigil bus),
 * schedule-audits (daily schedule; the reminders it creates put events on the bus through a role
 * it may pass), summarize-performance (weekly summary and management review pack, two
 * schedules), the Slack secret, and the dead-letter queues of every asynchronous path.
 *
 * <p>Adding a function is one {@link #addFunction} call, and scheduling it one
 * {@link #addSchedule} call, as summarize-performance is added.
 */
public final class FunctionsStack extends Stack {

  public static final String COLLECT_HANDLER =
      "io.vigil.functions.collectevidence.CollectEvidenceHandler";
  public static final String COLLECT_QUEUE_HANDLER =
      "io.vigil.functions.collectevidence.CollectEvidenceQueueHandler";
  public static final String FINDINGS_API_HANDLER =
      "io.vigil.functions.findingsapi.FindingsApiHandler";
  public static final String NOTIFY_HANDLER = "io.vigil.functions.notify.NotifyHandler";
  public static final String SCHEDULE_AUDITS_HANDLER =
      "io.vigil.functions.scheduleaudits.ScheduleAuditsHandler";
  public static final String SUMMARIZE_PERFORMANCE_HANDLER =
      "io.vigil.functions.summarizeperformance.SummarizePerformanceHandler";

  /** Retries of a schedule's or rule's delivery to its target before the dead-letter queue. */
  public static final int TARGET_RETRY_ATTEMPTS = 3;

  private final VigilConfig config;
  private final DataStack data;
  private final LambdaPackages packages;
  private final Runtime runtime;
  private final RetentionDays logRetention;

  private final Map<String, VigilFunction> functions = new LinkedHashMap<>();
  private final Map<String, Queue> deadLetterQueues = new LinkedHashMap<>();
  private final List<Rule> rules = new ArrayList<>();
  private final List<Schedule> schedules = new ArrayList<>();

  private final Queue eventsDlq;
  private final Queue schedulerDlq;
  private final Queue asyncFailures;
  private final Queue notifyDeadLetters;
  private final Role collectorRole;
  private final Map<CollectorGroup, VigilFunction> changeHandlers =
      new EnumMap<>(CollectorGroup.class);
  private final Map<CollectorGroup, VigilFunction> queueConsumers =
      new EnumMap<>(CollectorGroup.class);
  private final ScheduleGroup scheduleGroup;
  private final Secret slackSecret;
  private final VigilFunction findingsApi;
  private final VigilFunction notify;
  private final VigilFunction scheduleAudits;
  private final ScheduleGroup auditReminderGroup;
  private final Role reminderRole;
  private final VigilFunction summarizePerformance;

  public FunctionsStack(Construct scope, String id, StackProps props, VigilConfig config,
      DataStack data, LambdaPackages packages) {
    super(scope, id, props);
    this.config = config;
    this.data = data;
    this.packages = packages;
    this.runtime = config.lambdaRuntime.equals("java21") ? Runtime.JAVA_21 : Runtime.JAVA_25;
    this.logRetention = retention(config.logRetentionDays);
    String prefix = config.stackPrefix.toLowerCase();

    this.eventsDlq = deadLetterQueue("EventsDlq", "events a rule could not deliver to its function");
    this.schedulerDlq = deadLetterQueue("SchedulerDlq", "schedule invocations that failed");
    this.asyncFailures = deadLetterQueue("AsyncFailures",
        "asynchronous invocations that still failed after Lambda's retries");
    this.notifyDeadLetters = deadLetterQueue("NotifyDeadLetters",
        "notifications that could not be delivered (vigil.notify.dead-letter-queue-url)");

    this.scheduleGroup = ScheduleGroup.Builder.create(this, "Schedules")
        .scheduleGroupName(prefix)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();

    // --- collect-evidence ------------------------------------------------------------------
    this.collectorRole = newCollectorRole();
    for (var group : CollectorGroup.values()) {
      var name = DataStack.capitalize(group.id());
      var change = addFunction("Collect" + name, collectorProps(group, COLLECT_HANDLER)
          .description("collect-evidence (" + group.id() + "): "
              + (group == CollectorGroup.NETWORK ? "scheduled runs (dispatches units to both"
                  + " groups) and " : "") + group.id() + " change events")
          .memoryMb(2048)
          .timeout(Duration.minutes(10))
          .onFailure(asyncFailures, 2));
      changeHandlers.put(group, change);
      var consumer = addFunction("Collect" + name + "Queue", collectorProps(group,
          COLLECT_QUEUE_HANDLER)
          .description("collect-evidence (" + group.id() + "): one account x region unit per"
              + " SQS message")
          .memoryMb(2048)
          .timeout(Duration.minutes(10)));
      consumer.alias().addEventSource(SqsEventSource.Builder.create(data.fanOutQueue(group))
          .batchSize(5)
          .reportBatchItemFailures(true)
          .maxConcurrency(10)
          .build());
      queueConsumers.put(group, consumer);
    }
    data.table().grantReadWriteData(collectorRole);
    data.evidenceBucket().grantRead(collectorRole);
    // evidence objects are only ever created (If-None-Match): s3:PutObject alone, not grantPut's
    // legal hold, retention and tagging actions
    collectorRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("WriteEvidenceObjects")
        .actions(List.of("s3:PutObject"))
        .resources(List.of(data.evidenceBucket().arnForObjects("evidence/*")))
        .build());
    data.bus().grantPutEventsTo(collectorRole);
    for (var group : CollectorGroup.values()) {
      data.fanOutQueue(group).grantSendMessages(collectorRole);
    }
    var dispatcher = changeHandlers.get(CollectorGroup.NETWORK);
    addSchedule("Collection", dispatcher, config.collectionSchedule,
        "Vigil full evidence collection");
    if (config.changeEvents) {
      changeRules();
    }

    // --- findings-api ------------------------------------------------------------------------
    this.findingsApi = addFunction("FindingsApi", VigilFunction.Props
        .builder(packages.path(LambdaPackages.FINDINGS_API), FINDINGS_API_HANDLER)
        .description("findings-api: records API (findings, corrective actions, audit records);"
            + " overdue sweep")
        .memoryMb(1024)
        .timeout(Duration.seconds(60))
        .onFailure(asyncFailures, 2)
        .env("VIGIL_TABLE_NAME", data.table().getTableName())
        .env("VIGIL_EVENT_BUS_NAME", data.bus().getEventBusName())
        .env("VIGIL_EVIDENCE_BUCKET", data.evidenceBucket().getBucketName()));
    data.table().grantReadWriteData(findingsApi.role());
    data.bus().grantPutEventsTo(findingsApi.role());
    // completed audits' reports go to the evidence vault: created once (If-None-Match), never
    // changed, so s3:PutObject alone on evidence/*
    findingsApi.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("WriteAuditReports")
        .actions(List.of("s3:PutObject"))
        .resources(List.of(data.evidenceBucket().arnForObjects("evidence/*")))
        .build());
    addSchedule("OverdueSweep", findingsApi, config.overdueSweepSchedule,
        "Vigil corrective-action overdue sweep");

    // --- notify ------------------------------------------------------------------------------
    var slackSecretName = prefix + "/slack";
    this.slackSecret = Secret.Builder.create(this, "SlackWebhook")
        .secretName(slackSecretName)
        .description("Slack incoming webhook URL of Vigil notifications: replace the generated"
            + " placeholder with put-secret-value, then deploy with -c slackEnabled=true")
        .build();
    var notifyProps = VigilFunction.Props
        .builder(packages.path(LambdaPackages.NOTIFY), NOTIFY_HANDLER)
        .description("notify: Vigil bus events to Slack and e-mail")
        .memoryMb(512)
        .timeout(Duration.minutes(2))
        .onFailure(asyncFailures, 2)
        .env("VIGIL_TABLE_NAME", data.table().getTableName())
        .env("VIGIL_NOTIFY_DEAD_LETTER_QUEUE_URL", notifyDeadLetters.getQueueUrl());
    if (config.slackEnabled) {
      notifyProps.env("VIGIL_NOTIFY_SLACK_WEBHOOK_SECRET", slackSecretName);
    }
    config.notifyRoutes.ifPresent(r -> notifyProps.env("VIGIL_NOTIFY_ROUTES", r));
    config.notifyEmailFrom.ifPresent(f -> notifyProps.env("VIGIL_NOTIFY_EMAIL_FROM", f));
    this.notify = addFunction("Notify", notifyProps);
    data.table().grantReadWriteData(notify.role());
    slackSecret.grantRead(notify.role());
    notifyDeadLetters.grantSendMessages(notify.role());
    for (var name : config.notifySecrets) {
      notify.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
          .sid("ReadRouteSecret" + functions.size() + name.replaceAll("[^A-Za-z0-9]", ""))
          .actions(List.of("secretsmanager:GetSecretValue"))
          // Secrets Manager appends a 6-character suffix to every secret ARN
          .resources(List.of(arn("secretsmanager", "secret", name + "-??????",
              ArnFormat.COLON_RESOURCE_NAME)))
          .build());
    }
    config.notifyEmailFrom.ifPresent(from -> {
      var domain = from.substring(from.indexOf('@') + 1);
      notify.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
          .sid("SendAsVigilSender")
          .actions(List.of("ses:SendEmail", "ses:SendRawEmail"))
          .resources(List.of(arn("ses", "identity", from, ArnFormat.SLASH_RESOURCE_NAME),
              arn("ses", "identity", domain, ArnFormat.SLASH_RESOURCE_NAME)))
          .build());
    });
    rules.add(Rule.Builder.create(this, "NotifyRule")
        .description("Every Vigil domain event to notify")
        .eventBus(data.bus())
        .eventPattern(EventPattern.builder().source(List.of("vigil")).build())
        .targets(List.of(lambdaTarget(notify)))
        .build());

    // --- schedule-audits ---------------------------------------------------------------------
    if (config.auditProgramme.isPresent()) {
      this.auditReminderGroup = ScheduleGroup.Builder.create(this, "AuditReminders")
          .scheduleGroupName(prefix + "-audits")
          .removalPolicy(RemovalPolicy.DESTROY)
          .build();
      this.reminderRole = Role.Builder.create(this, "AuditReminderRole")
          .assumedBy(ServicePrincipal.Builder.create("scheduler.amazonaws.com")
              .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)))
              .build())
          .description("Assumed by EventBridge Scheduler to put audit reminders on the Vigil bus")
          .build();
      data.bus().grantPutEventsTo(reminderRole);
      // a reminder the bus still refuses after the retries goes to the scheduler DLQ (sent with
      // the schedule's execution role)
      schedulerDlq.grantSendMessages(reminderRole);
      this.scheduleAudits = addFunction("ScheduleAudits", VigilFunction.Props
          .builder(packages.path(LambdaPackages.SCHEDULE_AUDITS), SCHEDULE_AUDITS_HANDLER)
          .description("schedule-audits: plans the internal audit programme, syncs reminders")
          .memoryMb(1024)
          .timeout(Duration.minutes(2))
          .onFailure(asyncFailures, 2)
          .env("VIGIL_TABLE_NAME", data.table().getTableName())
          .env("VIGIL_AUDITS_CONFIG", config.auditProgramme.get())
          .env("VIGIL_AUDITS_SCHEDULE_GROUP", auditReminderGroup.getScheduleGroupName())
          .env("VIGIL_AUDITS_REMINDER_TARGET_ARN", data.bus().getEventBusArn())
          .env("VIGIL_AUDITS_REMINDER_ROLE_ARN", reminderRole.getRoleArn())
          .env("VIGIL_AUDITS_REMINDER_DEAD_LETTER_ARN", schedulerDlq.getQueueArn())
          .env("VIGIL_AUDITS_TIMEZONE", config.scheduleTimezone));
      data.table().grantReadWriteData(scheduleAudits.role());
      scheduleAudits.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
          .sid("ManageAuditReminderSchedules")
          .actions(List.of("scheduler:CreateSchedule", "scheduler:UpdateSchedule",
              "scheduler:DeleteSchedule", "scheduler:GetSchedule"))
          .resources(List.of(arn("scheduler", "schedule",
              auditReminderGroup.getScheduleGroupName() + "/*", ArnFormat.SLASH_RESOURCE_NAME)))
          .build());
      scheduleAudits.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
          .sid("ReadAuditReminderGroup")
          .actions(List.of("scheduler:GetScheduleGroup", "scheduler:ListTagsForResource"))
          .resources(List.of(auditReminderGroup.getScheduleGroupArn()))
          .build());
      // the sync marks its group as synced (plan fingerprint, time) to skip reading every
      // schedule on an unchanged run: those two tags on that group only
      scheduleAudits.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
          .sid("MarkAuditReminderGroupSynced")
          .actions(List.of("scheduler:TagResource"))
          .resources(List.of(auditReminderGroup.getScheduleGroupArn()))
          .conditions(Map.of("ForAllValues:StringEquals", Map.of("aws:TagKeys",
              List.of("vigil:reminders-plan", "vigil:reminders-synced-at"))))
          .build());
      scheduleAudits.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
          .sid("ListSchedules")
          // ListSchedules has no resource-level permissions (read-only)
          .actions(List.of("scheduler:ListSchedules"))
          .resources(List.of("*"))
          .build());
      scheduleAudits.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
          .sid("PassReminderRoleToScheduler")
          .actions(List.of("iam:PassRole"))
          .resources(List.of(reminderRole.getRoleArn()))
          .conditions(Map.of("StringEquals",
              Map.of("iam:PassedToService", "scheduler.amazonaws.com")))
          .build());
      addSchedule("AuditPlanning", scheduleAudits, config.auditPlanningSchedule,
          "Vigil internal audit programme planning");
    } else {
      this.auditReminderGroup = null;
      this.reminderRole = null;
      this.scheduleAudits = null;
    }

    // --- summarize-performance ---------------------------------------------------------------
    this.summarizePerformance = addFunction("SummarizePerformance", VigilFunction.Props
        .builder(packages.path(LambdaPackages.SUMMARIZE_PERFORMANCE),
            SUMMARIZE_PERFORMANCE_HANDLER)
        .description("summarize-performance: weekly performance summary (9.1) and management"
            + " review pack (9.3) to the evidence bucket")
        .memoryMb(2048)
        .timeout(Duration.minutes(15))
        .onFailure(asyncFailures, 2)
        .env("VIGIL_TABLE_NAME", data.table().getTableName())
        .env("VIGIL_EVIDENCE_BUCKET", data.evidenceBucket().getBucketName())
        .env("VIGIL_EVENT_BUS_NAME", data.bus().getEventBusName())
        .env("VIGIL_REPORTS_REVIEW_PERIOD", config.reviewPeriod)
        .env("VIGIL_REPORTS_LINK_DAYS", Integer.toString(config.reportLinkDays))
        .env("VIGIL_REPORTS_TIMEZONE", config.scheduleTimezone));
    var reportsRole = summarizePerformance.role();
    // records in, measure results and the report claim out
    data.table().grantReadWriteData(reportsRole);
    data.bus().grantPutEventsTo(reportsRole);
    // documents under reports/, their manifest in the vault under evidence/: created once
    // (If-None-Match), never changed, so s3:PutObject alone
    reportsRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("WriteReportsAndManifests")
        .actions(List.of("s3:PutObject"))
        .resources(List.of(data.evidenceBucket().arnForObjects("reports/*"),
            data.evidenceBucket().arnForObjects("evidence/*")))
        .build());
    // the presigned link of the HTML is signed with this role: it must be allowed to read it
    reportsRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("ReadReportsForPresignedLinks")
        .actions(List.of("s3:GetObject"))
        .resources(List.of(data.evidenceBucket().arnForObjects("reports/*")))
        .build());
    addSchedule("WeeklySummary", summarizePerformance, config.summarySchedule,
        "Vigil weekly performance summary of the previous ISO week", Map.of("kind", "summary"));
    addSchedule("ManagementReview", summarizePerformance, config.managementReviewSchedule,
        "Vigil management review pack of the " + config.reviewPeriod + " that just ended",
        Map.of("kind", "management-review"));
  }

  // --- extension points ----------------------------------------------------------------------

  /**
   * Adds a function through the shared construct, with the deployment's runtime and log retention.
   * This is how a new function (e.g. summarize-performance) joins the deployment.
   */
  public VigilFunction addFunction(String id, VigilFunction.Builder props) {
    var fn = new VigilFunction(this, id, props.runtime(runtime).logRetention(logRetention)
        .build());
    functions.put(id, fn);
    return fn;
  }

  /**
   * Invokes the function's alias on an EventBridge Scheduler schedule in the Vigil schedule group,
   * with an EventBridge-shaped {@code Scheduled Event} as input (the handlers identify the run by
   * {@code resources[0]} and {@code time}), a retry policy and the scheduler dead-letter queue.
   */
  public Schedule addSchedule(String id, VigilFunction fn, String expression, String description) {
    return addSchedule(id, fn, expression, description, Map.of());
  }

  /** {@link #addSchedule(String, VigilFunction, String, String)} with this {@code detail}. */
  public Schedule addSchedule(String id, VigilFunction fn, String expression, String description,
      Map<String, Object> detail) {
    var input = new LinkedHashMap<String, Object>();
    input.put("version", "0");
    input.put("id", ContextAttribute.getExecutionId());
    input.put("detail-type", "Scheduled Event");
    input.put("source", "aws.scheduler");
    input.put("account", Aws.ACCOUNT_ID);
    input.put("time", ContextAttribute.getScheduledTime());
    input.put("region", Aws.REGION);
    input.put("resources", List.of(ContextAttribute.getScheduleArn()));
    input.put("detail", detail);
    var schedule = Schedule.Builder.create(this, id + "Schedule")
        .description(description)
        .scheduleGroup(scheduleGroup)
        .schedule(ScheduleExpression.expression(expression, TimeZone.of(config.scheduleTimezone)))
        .target(LambdaInvoke.Builder.create(fn.alias())
            .input(ScheduleTargetInput.fromObject(input))
            .retryAttempts(TARGET_RETRY_ATTEMPTS)
            .maxEventAge(Duration.hours(1))
            .deadLetterQueue(schedulerDlq)
            .build())
        .build();
    schedules.add(schedule);
    return schedule;
  }

  // --- pieces ----------------------------------------------------------------------------------

  private Role newCollectorRole() {
    var role = Role.Builder.create(this, "CollectorRole")
        .roleName(config.collectorRoleName)
        .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
        .description("Vigil collector: read-only auditing of this account (SecurityAudit), may"
            + " assume only the Vigil member-account role elsewhere")
        .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName("SecurityAudit")))
        .build();
    if (config.hasMembers()) {
      List<String> resources = config.organization
          ? List.of(memberRoleArn("*"))
          : config.memberAccounts.stream().map(this::memberRoleArn).toList();
      var statement = PolicyStatement.Builder.create()
          .sid("AssumeMemberAccountRole")
          .effect(Effect.ALLOW)
          .actions(List.of("sts:AssumeRole"))
          .resources(resources);
      config.organizationId.ifPresent(org -> statement.conditions(
          Map.of("StringEquals", Map.of("aws:ResourceOrgID", org))));
      role.addToPrincipalPolicy(statement.build());
    }
    return role;
  }

  private String memberRoleArn(String account) {
    return "arn:" + Aws.PARTITION + ":iam::" + account + ":role/" + config.memberRoleName;
  }

  private VigilFunction.Builder collectorProps(CollectorGroup group, String handler) {
    var b = VigilFunction.Props.builder(packages.path(group.packageName()), handler)
        .role(collectorRole)
        .env("VIGIL_TABLE_NAME", data.table().getTableName())
        .env("VIGIL_EVIDENCE_BUCKET", data.evidenceBucket().getBucketName())
        .env("VIGIL_EVENT_BUS_NAME", data.bus().getEventBusName())
        .env("VIGIL_REGIONS", String.join(",", config.regions))
        .env("VIGIL_ACCOUNTS", config.accountsSetting());
    if (config.hasMembers()) {
      b.env("VIGIL_MEMBER_ROLE_NAME", config.memberRoleName);
      config.memberExternalId.ifPresent(x -> b.env("VIGIL_MEMBER_EXTERNAL_ID", x));
    }
    if (LambdaPackages.collectorSplit()) {
      b.env("VIGIL_FAN_OUT_QUEUES", List.of(CollectorGroup.values()).stream()
          .map(g -> g.id() + "=" + data.fanOutQueue(g).getQueueUrl())
          .collect(Collectors.joining(",")));
    } else {
      // one jar holds every check: its consumer (governance) takes all units
      b.env("VIGIL_FAN_OUT_QUEUE_URL", data.fanOutQueue(CollectorGroup.GOVERNANCE).getQueueUrl());
    }
    return b;
  }

  /** Change events on the account's default bus, routed to the group whose checks they touch. */
  private void changeRules() {
    var networkSources = CollectorGroup.networkEventSources();
    var networkTypes = CollectorGroup.networkConfigTypePrefixes();
    for (var group : CollectorGroup.values()) {
      var name = DataStack.capitalize(group.id());
      boolean isNetwork = group == CollectorGroup.NETWORK;
      List<String> sources = isNetwork ? networkSources
          : Match.anythingBut(networkSources.toArray());
      List<String> types = isNetwork
          ? networkTypes.stream().flatMap(p -> Match.prefix(p).stream()).toList()
          : Match.anythingButPrefix(networkTypes.toArray(String[]::new));
      var target = lambdaTarget(changeHandlers.get(group));
      rules.add(Rule.Builder.create(this, "ApiCalls" + name)
          .description("CloudTrail calls to " + group.id() + " services, to collect-evidence"
              + " (it ignores read-only and failed calls)")
          .eventPattern(EventPattern.builder()
              .source(sources)
              .detailType(List.of("AWS API Call via CloudTrail"))
              .build())
          .targets(List.of(target))
          .build());
      rules.add(Rule.Builder.create(this, "ConfigChanges" + name)
          .description("AWS Config item changes of " + group.id() + " resource types, to"
              + " collect-evidence")
          .eventPattern(EventPattern.builder()
              .source(List.of("aws.config"))
              .detailType(List.of("Configuration Item Change Notification"))
              .detail(Map.of("configurationItem", Map.of("resourceType", types)))
              .build())
          .targets(List.of(target))
          .build());
    }
  }

  private LambdaFunction lambdaTarget(VigilFunction fn) {
    return new LambdaFunction(fn.alias(), LambdaFunctionProps.builder()
        .deadLetterQueue(eventsDlq)
        .retryAttempts(TARGET_RETRY_ATTEMPTS)
        .maxEventAge(Duration.hours(2))
        .build());
  }

  private Queue deadLetterQueue(String id, String what) {
    var queue = Queue.Builder.create(this, id)
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .retentionPeriod(Duration.days(14))
        .build();
    deadLetterQueues.put(id, queue);
    return queue;
  }

  private String arn(String service, String resource, String name, ArnFormat format) {
    return Arn.format(ArnComponents.builder().service(service).resource(resource)
        .resourceName(name).arnFormat(format).build(), this);
  }

  static RetentionDays retention(int days) {
    return switch (days) {
      case 1 -> RetentionDays.ONE_DAY;
      case 3 -> RetentionDays.THREE_DAYS;
      case 5 -> RetentionDays.FIVE_DAYS;
      case 7 -> RetentionDays.ONE_WEEK;
      case 14 -> RetentionDays.TWO_WEEKS;
      case 30 -> RetentionDays.ONE_MONTH;
      case 60 -> RetentionDays.TWO_MONTHS;
      case 90 -> RetentionDays.THREE_MONTHS;
      case 120 -> RetentionDays.FOUR_MONTHS;
      case 150 -> RetentionDays.FIVE_MONTHS;
      case 180 -> RetentionDays.SIX_MONTHS;
      case 365 -> RetentionDays.ONE_YEAR;
      case 400 -> RetentionDays.THIRTEEN_MONTHS;
      case 545 -> RetentionDays.EIGHTEEN_MONTHS;
      case 731 -> RetentionDays.TWO_YEARS;
      case 1096 -> RetentionDays.THREE_YEARS;
      case 1827 -> RetentionDays.FIVE_YEARS;
      case 2192 -> RetentionDays.SIX_YEARS;
      case 2557 -> RetentionDays.SEVEN_YEARS;
      case 2922 -> RetentionDays.EIGHT_YEARS;
      case 3288 -> RetentionDays.NINE_YEARS;
      case 3653 -> RetentionDays.TEN_YEARS;
      default -> throw new IllegalArgumentException("logRetentionDays " + days);
    };
  }

  // --- accessors (for the API and monitoring stacks, and tests) ------------------------------

  public Map<String, VigilFunction> functions() {
    return Collections.unmodifiableMap(functions);
  }

  /** Dead-letter queues of this stack by id (the fan-out DLQs are in {@link DataStack}). */
  public Map<String, Queue> deadLetterQueues() {
    return Collections.unmodifiableMap(deadLetterQueues);
  }

  public List<Rule> rules() {
    return Collections.unmodifiableList(rules);
  }

  /** The rules on the Vigil bus (the others are on the account's default bus). */
  public IEventBus ruleBus(Rule rule) {
    return rule.getNode().getId().equals("NotifyRule") ? data.bus() : null;
  }

  public List<Schedule> schedules() {
    return Collections.unmodifiableList(schedules);
  }

  public ScheduleGroup scheduleGroup() {
    return scheduleGroup;
  }

  public Optional<ScheduleGroup> auditReminderGroup() {
    return Optional.ofNullable(auditReminderGroup);
  }

  public Role collectorRole() {
    return collectorRole;
  }

  public VigilFunction collector(CollectorGroup group) {
    return changeHandlers.get(group);
  }

  public VigilFunction collectorQueueConsumer(CollectorGroup group) {
    return queueConsumers.get(group);
  }

  public VigilFunction findingsApi() {
    return findingsApi;
  }

  public VigilFunction notifyFunction() {
    return notify;
  }

  public Optional<VigilFunction> scheduleAudits() {
    return Optional.ofNullable(scheduleAudits);
  }

  public VigilFunction summarizePerformance() {
    return summarizePerformance;
  }

  public Optional<Role> auditReminderRole() {
    return Optional.ofNullable(reminderRole);
  }

  public Secret slackSecret() {
    return slackSecret;
  }
}
