package io.vigil.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Alarms on function errors, dead-letter queue depth and dropped events, all to one topic. */
class MonitoringStackTest {

  private static List<Map<String, Object>> alarms(Template template) {
    var out = new ArrayList<Map<String, Object>>();
    for (var alarm : template.findResources("AWS::CloudWatch::Alarm").values()) {
      @SuppressWarnings("unchecked")
      var p = (Map<String, Object>) alarm.get("Properties");
      out.add(p);
    }
    return out;
  }

  private static long count(List<Map<String, Object>> alarms, String namespace, String metric) {
    return alarms.stream().filter(a -> namespace.equals(a.get("Namespace"))
        && metric.equals(a.get("MetricName"))).count();
  }

  @Test
  void everyFunctionEveryDeadLetterQueueEveryRuleAndTheSchedulesAreAlarmed() {
    var built = TestApps.full();
    var template = built.template(built.vigil().monitoring());
    var alarms = alarms(template);
    var functions = built.vigil().functions();
    assertEquals(functions.functions().size(), count(alarms, "AWS/Lambda", "Errors"));
    assertEquals(functions.deadLetterQueues().size() + 2,
        count(alarms, "AWS/SQS", "ApproximateNumberOfMessagesVisible"),
        "the stack's dead-letter queues and the two fan-out DLQs");
    assertEquals(functions.rules().size(), count(alarms, "AWS/Events", "FailedInvocations"));
    assertEquals(2, count(alarms, "AWS/Scheduler", "TargetErrorCount"),
        "Vigil's schedules and the audit reminders");
    assertEquals(1, count(alarms, "AWS/Scheduler", "InvocationDroppedCount"));
    for (var alarm : alarms) {
      assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"));
      assertEquals(0, ((Number) alarm.get("Threshold")).intValue());
      assertTrue(String.valueOf(alarm.get("AlarmActions")).contains("Alarms"), "to the topic");
    }
    // Lambda errors are watched on the alias the triggers invoke
    template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
        "MetricName", "Errors",
        "Dimensions", Match.arrayWith(List.of(Map.of("Name", "Resource",
            "Value", Match.anyValue())))));
    template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
        "Protocol", "email", "Endpoint", "isms@acme.example", "TopicArn", Match.anyValue()));
  }

  @Test
  void rulesOnTheVigilBusAreWatchedWithTheirBusDimension() {
    var built = TestApps.defaults();
    built.template(built.vigil().monitoring()).hasResourceProperties("AWS::CloudWatch::Alarm",
        Map.of("MetricName", "FailedInvocations",
            "Dimensions", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Name", "EventBusName"))))));
  }
}
