package io.vigil.infrastructure.stacks;

import io.vigil.infrastructure.CollectorGroup;
import io.vigil.infrastructure.VigilConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Alarms, all to one SNS topic (with an e-mail subscription when {@code alarmEmail} is set):
 * errors of every function, any message in any dead-letter queue, events that rules could not
 * deliver (EventBridge {@code FailedInvocations}), and schedule invocations that failed or were
 * dropped (EventBridge Scheduler {@code TargetErrorCount}, {@code InvocationDroppedCount}).
 */
public final class MonitoringStack extends Stack {

  private final Topic topic;
  private final List<Alarm> alarms = new ArrayList<>();

  public MonitoringStack(Construct scope, String id, StackProps props, VigilConfig config,
      DataStack data, FunctionsStack functions, ApiStack api) {
    super(scope, id, props);
    this.topic = Topic.Builder.create(this, "Alarms")
        .displayName("Vigil alarms")
        .enforceSsl(true)
        .build();
    config.alarmEmail.ifPresent(e -> topic.addSubscription(new EmailSubscription(e)));

    var fiveMinutes = MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build();
    functions.functions().forEach((name, fn) -> alarm("Errors" + name,
        "Vigil function " + name + " (alias live) reported errors",
        fn.alias().metricErrors(fiveMinutes)));

    var queues = new LinkedHashMap<String, IQueue>();
    for (var group : CollectorGroup.values()) {
      queues.put("FanOut" + DataStack.capitalize(group.id()) + "Dlq",
          data.fanOutDeadLetterQueue(group));
    }
    queues.putAll(functions.deadLetterQueues());
    queues.forEach((name, queue) -> alarm("Depth" + name,
        "Dead-letter queue " + name + " holds messages: something was not processed",
        queue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
            .period(Duration.minutes(5)).statistic("Maximum").build())));

    for (var rule : functions.rules()) {
      var dimensions = new LinkedHashMap<String, String>();
      var bus = functions.ruleBus(rule);
      if (bus != null) {
        dimensions.put("EventBusName", bus.getEventBusName());
      }
      dimensions.put("RuleName", rule.getRuleName());
      alarm("FailedInvocations" + rule.getNode().getId(),
          "Rule " + rule.getNode().getId() + " could not deliver events to its target",
          Metric.Builder.create().namespace("AWS/Events").metricName("FailedInvocations")
              .dimensionsMap(dimensions).period(Duration.minutes(5)).statistic("Sum").build());
    }

    var group = functions.scheduleGroup();
    alarm("ScheduleTargetErrors", "A Vigil schedule's invocation of its function failed",
        group.metricTargetErrors(fiveMinutes));
    alarm("ScheduleDropped", "A Vigil schedule's invocation was dropped (retries exhausted)",
        group.metricDropped(fiveMinutes));
    functions.auditReminderGroup().ifPresent(reminders -> alarm("AuditReminderTargetErrors",
        "An audit reminder schedule could not put its event on the Vigil bus",
        reminders.metricTargetErrors(fiveMinutes)));
    alarm("ApiServerErrors", "The findings API answered 5xx",
        Metric.Builder.create().namespace("AWS/ApiGateway").metricName("5xx")
            .dimensionsMap(Map.of("ApiId", api.api().getApiId(), "Stage", "$default"))
            .period(Duration.minutes(5)).statistic("Sum").build());
  }

  private void alarm(String id, String description, IMetric metric) {
    var alarm = Alarm.Builder.create(this, id)
        .alarmDescription(description)
        .metric(metric)
        .threshold(0)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        .evaluationPeriods(1)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
    alarm.addAlarmAction(new SnsAction(topic));
    alarms.add(alarm);
  }

  public Topic topic() {
    return topic;
  }

  public List<Alarm> alarms() {
    return Collections.unmodifiableList(alarms);
  }
}
