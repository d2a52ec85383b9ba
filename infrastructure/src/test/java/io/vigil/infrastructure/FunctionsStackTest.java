package io.vigil.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.infrastructure.constructs.VigilFunction;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The functions stack: every function through the shared construct (runtime, arm64, SnapStart
 * behind the alias live, logs, tracing), the collector's role, schedules with retry and DLQ,
 * rules with DLQ, the fan-out consumers, schedule-audits' scoped permissions, the Slack secret.
 */
class FunctionsStackTest {

  private static Template defaults() {
    var built = TestApps.defaults();
    return built.template(built.vigil().functions());
  }

  private static Template full() {
    var built = TestApps.full();
    return built.template(built.vigil().functions());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> props(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  @Test
  void everyFunctionIsAManagedJavaRuntimeOnArmWithSnapStartTracingAndJsonLogs() {
    for (var template : List.of(defaults(), full())) {
      var functions = template.findResources("AWS::Lambda::Function");
      assertFalse(functions.isEmpty());
      for (var fn : functions.values()) {
        var p = props(fn);
        assertEquals("java25", p.get("Runtime"));
        assertEquals(List.of("arm64"), p.get("Architectures"));
        assertEquals(Map.of("ApplyOn", "PublishedVersions"), p.get("SnapStart"));
        assertEquals(Map.of("Mode", "Active"), p.get("TracingConfig"));
        assertFalse(((String) p.get("Handler")).contains("::"), "handler is the class name only");
        @SuppressWarnings("unchecked")
        var env = (Map<String, Object>) ((Map<String, Object>) p.get("Environment")).get("Variables");
        assertEquals(VigilFunction.JAVA_TOOL_OPTIONS, env.get("JAVA_TOOL_OPTIONS"),
            "C1-only JVM options (the measured cold-start choice)");
        @SuppressWarnings("unchecked")
        var logging = (Map<String, Object>) p.get("LoggingConfig");
        assertEquals("JSON", logging.get("LogFormat"));
        assertTrue(logging.containsKey("LogGroup"), "its own log group");
      }
    }
  }

  @Test
  void theFunctionsAndHandlersAreTheDeployedSet() {
    var handlers = new HashSet<Object>();
    full().findResources("AWS::Lambda::Function").values()
        .forEach(fn -> handlers.add(props(fn).get("Handler")));
    assertEquals(Set.of(
        "io.vigil.functions.collectevidence.CollectEvidenceHandler",
        "io.vigil.functions.collectevidence.CollectEvidenceQueueHandler",
        "io.vigil.functions.findingsapi.FindingsApiHandler",
        "io.vigil.functions.notify.NotifyHandler",
        "io.vigil.functions.scheduleaudits.ScheduleAuditsHandler",
        "io.vigil.functions.summarizeperformance.SummarizePerformanceHandler"), handlers);
    full().resourceCountIs("AWS::Lambda::Function", 8);
    // without an audit programme schedule-audits is not deployed (it cannot start without one)
    defaults().resourceCountIs("AWS::Lambda::Function", 7);
  }

  @Test
  void triggersInvokeThePublishedVersionBehindTheAliasLive() {
    var template = full();
    int functions = template.findResources("AWS::Lambda::Function").size();
    var aliases = template.findResources("AWS::Lambda::Alias");
    assertEquals(functions, aliases.size());
    assertEquals(functions, template.findResources("AWS::Lambda::Version").size());
    for (var alias : aliases.values()) {
      assertEquals("live", props(alias).get("Name"));
      assertEquals(Map.of("Fn::GetAtt", List.of(versionOf(props(alias)), "Version")),
          props(alias).get("FunctionVersion"));
    }
    // every trigger names an alias: event source mappings, schedules, rules
    for (var mapping : template.findResources("AWS::Lambda::EventSourceMapping").values()) {
      assertTrue(isAliasRef(props(mapping).get("FunctionName"), aliases.keySet()));
    }
    for (var schedule : template.findResources("AWS::Scheduler::Schedule").values()) {
      @SuppressWarnings("unchecked")
      var target = (Map<String, Object>) props(schedule).get("Target");
      assertTrue(isAliasRef(target.get("Arn"), aliases.keySet()), "schedule target " + target);
    }
    for (var rule : template.findResources("AWS::Events::Rule").values()) {
      @SuppressWarnings("unchecked")
      var targets = (List<Map<String, Object>>) props(rule).get("Targets");
      for (var target : targets) {
        assertTrue(isAliasRef(target.get("Arn"), aliases.keySet()), "rule target " + target);
      }
    }
  }

  private static String versionOf(Map<String, Object> aliasProps) {
    @SuppressWarnings("unchecked")
    var getAtt = (List<Object>) ((Map<String, Object>) aliasProps.get("FunctionVersion"))
        .get("Fn::GetAtt");
    return (String) getAtt.get(0);
  }

  /** A Ref to an alias (its ARN), or the alias-qualified name event source mappings use. */
  private static boolean isAliasRef(Object value, Set<String> aliasIds) {
    if (value instanceof Map<?, ?> m && aliasIds.contains(m.get("Ref"))) {
      return true;
    }
    var text = String.valueOf(value);
    return text.startsWith("{Fn::Join=") && text.endsWith(":live]]}")
        && aliasIds.stream().anyMatch(id -> text.contains("{Ref=" + id + "}"));
  }

  @Test
  void logGroupsKeepTheConfiguredRetention() {
    for (var lg : defaults().findResources("AWS::Logs::LogGroup").values()) {
      assertEquals(365, ((Number) props(lg).get("RetentionInDays")).intValue());
    }
    for (var lg : full().findResources("AWS::Logs::LogGroup").values()) {
      assertEquals(731, ((Number) props(lg).get("RetentionInDays")).intValue());
    }
  }

  @Test
  void collectorRoleIsSecurityAuditAndMayAssumeOnlyTheMemberRoles() {
    full().hasResourceProperties("AWS::IAM::Role", Map.of(
        "RoleName", "vigil-collector",
        "ManagedPolicyArns", List.of(Map.of("Fn::Join", List.of("", List.of("arn:",
            Map.of("Ref", "AWS::Partition"), ":iam::aws:policy/SecurityAudit"))))));
    var memberRole = (java.util.function.Function<String, Object>) account -> Map.of("Fn::Join",
        List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":iam::" + account
            + ":role/vigil-member-audit")));
    full().hasResourceProperties("AWS::IAM::Policy", Map.of(
        "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
            Map.of("Sid", "AssumeMemberAccountRole", "Effect", "Allow",
                "Action", "sts:AssumeRole",
                "Resource", List.of(memberRole.apply("444455556666"),
                    memberRole.apply("777788889999"))))))),
        "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("CollectorRole.*")))));
    // no member accounts configured: no sts:AssumeRole at all
    assertFalse(defaults().toJSON().toString().contains("sts:AssumeRole\""),
        "AssumeRole only when member accounts are configured");
    defaults().hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of(
        "RoleName", "vigil-collector")));
  }

  @Test
  void collectorWritesEvidenceOnlyAsNewObjectsUnderItsPrefix() {
    full().hasResourceProperties("AWS::IAM::Policy", Map.of(
        "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
            Match.objectLike(Map.of("Sid", "WriteEvidenceObjects", "Action", "s3:PutObject",
                "Resource", Map.of("Fn::Join", List.of("", List.of(
                    Match.objectLike(Map.of("Fn::ImportValue",
                        Match.stringLikeRegexp(".*Evidence.*"))),
                    "/evidence/*")))))))))));
  }

  @Test
  void recordsApiStoresAuditReportsOnlyAsNewEvidenceObjects() {
    var template = full();
    template.hasResourceProperties("AWS::IAM::Policy", Map.of(
        "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
            Match.objectLike(Map.of("Sid", "WriteAuditReports", "Action", "s3:PutObject",
                "Resource", Map.of("Fn::Join", List.of("", List.of(
                    Match.objectLike(Map.of("Fn::ImportValue",
                        Match.stringLikeRegexp(".*Evidence.*"))),
                    "/evidence/*")))))))))));
    template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
        "Handler", "io.vigil.functions.findingsapi.FindingsApiHandler",
        "Environment", Map.of("Variables", Match.objectLike(Map.of(
            "VIGIL_EVIDENCE_BUCKET", Match.anyValue()))))));
  }

  @Test
  void schedulesInvokeWithRetriesAndADeadLetterQueue() {
    var template = full();
    var schedules = template.findResources("AWS::Scheduler::Schedule");
    assertEquals(5, schedules.size(), "collection, overdue sweep, audit planning, weekly"
        + " summary, management review");
    assertEquals(4, defaults().findResources("AWS::Scheduler::Schedule").size());
    var expressions = new HashSet<Object>();
    for (var schedule : schedules.values()) {
      var p = props(schedule);
      expressions.add(p.get("ScheduleExpression"));
      assertEquals("UTC", p.get("ScheduleExpressionTimezone"));
      assertEquals("vigil", p.get("GroupName"), "in the Vigil schedule group");
      @SuppressWarnings("unchecked")
      var target = (Map<String, Object>) p.get("Target");
      assertEquals(Map.of("MaximumRetryAttempts", 3, "MaximumEventAgeInSeconds", 3600),
          target.get("RetryPolicy"));
      assertEquals(Map.of("Arn", Map.of("Fn::GetAtt", List.of(dlq(template, "SchedulerDlq"),
          "Arn"))), target.get("DeadLetterConfig"));
      var input = String.valueOf(target.get("Input"));
      assertTrue(input.contains("Scheduled Event") && input.contains("aws.scheduler")
          && input.contains("<aws.scheduler.schedule-arn>")
          && input.contains("<aws.scheduler.scheduled-time>"), input);
    }
    assertEquals(Set.of("cron(0 6 * * ? *)", "cron(30 5 * * ? *)", "cron(0 7 * * ? *)",
        "cron(0 6 ? * MON *)", "cron(0 6 1 1,4,7,10 ? *)"), expressions);
    template.hasResourceProperties("AWS::Scheduler::ScheduleGroup", Map.of("Name", "vigil"));
  }

  private static String dlq(Template template, String prefix) {
    return template.findResources("AWS::SQS::Queue").keySet().stream()
        .filter(id -> id.startsWith(prefix)).findFirst().orElseThrow();
  }

  @Test
  void rulesDeliverChangeAndDomainEventsWithRetriesAndADeadLetterQueue() {
    var template = full();
    var rules = template.findResources("AWS::Events::Rule");
    assertEquals(5, rules.size(), "CloudTrail and Config rules per group, and notify's");
    var eventsDlq = dlq(template, "EventsDlq");
    for (var rule : rules.values()) {
      @SuppressWarnings("unchecked")
      var targets = (List<Map<String, Object>>) props(rule).get("Targets");
      assertEquals(1, targets.size());
      assertEquals(Map.of("Arn", Map.of("Fn::GetAtt", List.of(eventsDlq, "Arn"))),
          targets.get(0).get("DeadLetterConfig"));
      assertEquals(Map.of("MaximumRetryAttempts", 3, "MaximumEventAgeInSeconds", 7200),
          targets.get(0).get("RetryPolicy"));
    }
    template.hasResourceProperties("AWS::Events::Rule", Map.of(
        "EventPattern", Map.of(
            "source", List.of("aws.ec2", "aws.rds", "aws.lambda", "aws.elasticfilesystem",
                "aws.wafv2"),
            "detail-type", List.of("AWS API Call via CloudTrail"))));
    template.hasResourceProperties("AWS::Events::Rule", Map.of(
        "EventPattern", Map.of(
            "source", List.of(Map.of("anything-but", List.of("aws.ec2", "aws.rds",
                "aws.lambda", "aws.elasticfilesystem", "aws.wafv2"))),
            "detail-type", List.of("AWS API Call via CloudTrail"))));
    template.hasResourceProperties("AWS::Events::Rule", Map.of(
        "EventPattern", Map.of(
            "source", List.of("aws.config"),
            "detail-type", List.of("Configuration Item Change Notification"),
            "detail", Map.of("configurationItem", Map.of("resourceType", List.of(
                Map.of("prefix", "AWS::EC2::"), Map.of("prefix", "AWS::RDS::"),
                Map.of("prefix", "AWS::Lambda::"), Map.of("prefix", "AWS::EFS::"),
                Map.of("prefix", "AWS::WAFv2::")))))));
    template.hasResourceProperties("AWS::Events::Rule", Map.of(
        "EventPattern", Map.of(
            "source", List.of("aws.config"),
            "detail-type", List.of("Configuration Item Change Notification"),
            "detail", Map.of("configurationItem", Map.of("resourceType", List.of(
                Map.of("anything-but", Map.of("prefix", List.of("AWS::EC2::", "AWS::RDS::",
                    "AWS::Lambda::", "AWS::EFS::", "AWS::WAFv2::")))))))));
    template.hasResourceProperties("AWS::Events::Rule", Map.of(
        "EventBusName", Match.objectLike(Map.of("Fn::ImportValue",
            Match.stringLikeRegexp(".*Bus.*"))),
        "EventPattern", Map.of("source", List.of("vigil"))));
  }

  @Test
  void eachGroupConsumesItsFanOutQueueAndReportsPartialBatchFailures() {
    var mappings = full().findResources("AWS::Lambda::EventSourceMapping");
    assertEquals(2, mappings.size());
    var sources = new HashSet<String>();
    for (var mapping : mappings.values()) {
      var p = props(mapping);
      assertEquals(List.of("ReportBatchItemFailures"), p.get("FunctionResponseTypes"));
      assertEquals(5, ((Number) p.get("BatchSize")).intValue());
      sources.add(String.valueOf(p.get("EventSourceArn")));
    }
    assertTrue(sources.stream().anyMatch(s -> s.contains("FanOutNetwork")), sources.toString());
    assertTrue(sources.stream().anyMatch(s -> s.contains("FanOutGovernance")), sources.toString());
  }

  @Test
  void scheduleAuditsManagesOnlyItsGroupAndPassesOnlyTheReminderRoleToTheScheduler() {
    var template = full();
    template.hasResourceProperties("AWS::IAM::Policy", Map.of(
        "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
            Match.objectLike(Map.of(
                "Sid", "ManageAuditReminderSchedules",
                "Action", List.of("scheduler:CreateSchedule", "scheduler:UpdateSchedule",
                    "scheduler:DeleteSchedule", "scheduler:GetSchedule"),
                "Resource", Map.of("Fn::Join", List.of("", List.of("arn:",
                    Map.of("Ref", "AWS::Partition"),
                    ":scheduler:eu-west-1:111122223333:schedule/vigil-audits/*"))))),
            Match.objectLike(Map.of(
                "Sid", "ReadAuditReminderGroup",
                "Action", List.of("scheduler:GetScheduleGroup",
                    "scheduler:ListTagsForResource"),
                "Resource", Map.of("Fn::GetAtt", List.of(
                    Match.stringLikeRegexp("AuditReminders.*"), "Arn")))),
            Match.objectLike(Map.of(
                "Sid", "MarkAuditReminderGroupSynced",
                "Action", "scheduler:TagResource",
                "Resource", Map.of("Fn::GetAtt", List.of(
                    Match.stringLikeRegexp("AuditReminders.*"), "Arn")),
                "Condition", Map.of("ForAllValues:StringEquals", Map.of("aws:TagKeys",
                    List.of("vigil:reminders-plan", "vigil:reminders-synced-at"))))),
            Match.objectLike(Map.of(
                "Sid", "PassReminderRoleToScheduler",
                "Action", "iam:PassRole",
                "Resource", Map.of("Fn::GetAtt", List.of(
                    Match.stringLikeRegexp("AuditReminderRole.*"), "Arn")),
                "Condition", Map.of("StringEquals",
                    Map.of("iam:PassedToService", "scheduler.amazonaws.com"))))))))));
    // the reminder role only puts events on the Vigil bus, and only the Scheduler assumes it
    template.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of(
        "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(
            Match.objectLike(Map.of(
                "Principal", Map.of("Service", "scheduler.amazonaws.com"),
                "Condition", Map.of("StringEquals",
                    Map.of("aws:SourceAccount", "111122223333"))))))))));
    template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
        "Handler", "io.vigil.functions.scheduleaudits.ScheduleAuditsHandler",
        "Environment", Map.of("Variables", Match.objectLike(Map.of(
            "VIGIL_AUDITS_SCHEDULE_GROUP", "vigil-audits",
            "VIGIL_AUDITS_TIMEZONE", "UTC",
            "VIGIL_AUDITS_CONFIG", Match.stringLikeRegexp("\\{\"cycleMonths\":12,\"auditSize\":.*"),
            "VIGIL_AUDITS_REMINDER_ROLE_ARN", Match.anyValue(),
            "VIGIL_AUDITS_REMINDER_DEAD_LETTER_ARN", Match.anyValue(),
            "VIGIL_AUDITS_REMINDER_TARGET_ARN", Match.anyValue()))))));
  }

  @Test
  void collectorSettingsComeFromTheContext() {
    full().hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
        "Handler", "io.vigil.functions.collectevidence.CollectEvidenceHandler",
        "Environment", Map.of("Variables", Match.objectLike(Map.of(
            "VIGIL_ACCOUNTS", "444455556666,777788889999",
            "VIGIL_REGIONS", "eu-west-1,eu-central-1",
            "VIGIL_MEMBER_ROLE_NAME", "vigil-member-audit",
            "VIGIL_MEMBER_EXTERNAL_ID", "vigil-test-external-id",
            "VIGIL_TABLE_NAME", Match.anyValue(),
            "VIGIL_EVIDENCE_BUCKET", Match.anyValue(),
            "VIGIL_EVENT_BUS_NAME", Match.anyValue(),
            LambdaPackages.collectorSplit() ? "VIGIL_FAN_OUT_QUEUES" : "VIGIL_FAN_OUT_QUEUE_URL",
            Match.anyValue()))))));
  }

  @Test
  void slackSecretHasNoValueInTheTemplateAndOnlyNotifyReadsIt() {
    var template = full();
    template.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
        "Name", "vigil/slack",
        "GenerateSecretString", Match.anyValue(),
        "SecretString", Match.absent()));
    template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
        "Handler", "io.vigil.functions.notify.NotifyHandler",
        "Environment", Map.of("Variables", Match.objectLike(Map.of(
            "VIGIL_NOTIFY_SLACK_WEBHOOK_SECRET", "vigil/slack",
            "VIGIL_NOTIFY_EMAIL_FROM", "vigil@acme.example",
            "VIGIL_NOTIFY_DEAD_LETTER_QUEUE_URL", Match.anyValue()))))));
    var readers = template.findResources("AWS::IAM::Policy", Map.of("Properties", Map.of(
        "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Action", Match.arrayWith(List.of("secretsmanager:GetSecretValue")),
            "Resource", Map.of("Ref", Match.stringLikeRegexp("SlackWebhook.*"))))))))));
    assertEquals(1, readers.size());
    assertTrue(readers.keySet().iterator().next().startsWith("NotifyRole"));
    // by default the placeholder is not used: notify gets no catch-all Slack route
    defaults().hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
        "Handler", "io.vigil.functions.notify.NotifyHandler",
        "Environment", Map.of("Variables", Match.objectLike(Map.of(
            "VIGIL_NOTIFY_SLACK_WEBHOOK_SECRET", Match.absent()))))));
  }

  @Test
  void organizationModeMayAssumeTheMemberRoleOfItsOrganizationOnly() {
    var built = TestApps.variant();
    var template = built.template(built.vigil().functions());
    template.hasResourceProperties("AWS::IAM::Policy", Map.of(
        "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
            Map.of("Sid", "AssumeMemberAccountRole", "Effect", "Allow",
                "Action", "sts:AssumeRole",
                "Resource", Map.of("Fn::Join", List.of("", List.of("arn:",
                    Map.of("Ref", "AWS::Partition"), ":iam::*:role/vigil-member-audit"))),
                "Condition", Map.of("StringEquals",
                    Map.of("aws:ResourceOrgID", "o-abcdefghij")))))))));
    for (var fn : template.findResources("AWS::Lambda::Function").values()) {
      assertEquals("java21", props(fn).get("Runtime"));
    }
    // changeEvents=false: only notify's rule remains
    template.resourceCountIs("AWS::Events::Rule", 1);
  }

  @Test
  void everyServiceGroupOfTheChecksIsDeployedWithItsOwnPackage() {
    assertEquals(CollectorGroup.serviceGroups().stream().map(g -> g.id()).toList(),
        List.of(CollectorGroup.values()).stream().map(CollectorGroup::id).toList());
    var codes = new HashSet<Object>();
    full().findResources("AWS::Lambda::Function").values().stream()
        .filter(fn -> String.valueOf(props(fn).get("Handler")).contains("collectevidence"))
        .forEach(fn -> codes.add(props(fn).get("Code")));
    assertEquals(LambdaPackages.collectorSplit() ? 2 : 1, codes.size(),
        "one deployment package per group: " + codes);
  }
}
