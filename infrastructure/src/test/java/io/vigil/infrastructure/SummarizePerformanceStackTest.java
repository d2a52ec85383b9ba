package io.vigil.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * summarize-performance in the functions stack: deployed from its package with its settings,
 * scheduled weekly and at the start of each quarter with the kind as input, and allowed exactly
 * what it does — the table, the bus, new objects under reports/ and evidence/, reading reports/.
 */
class SummarizePerformanceStackTest {

  private static final String HANDLER =
      "io.vigil.functions.summarizeperformance.SummarizePerformanceHandler";

  private static Template full() {
    var built = TestApps.full();
    return built.template(built.vigil().functions());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> props(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  @Test
  void theFunctionRunsFromItsPackageWithItsSettings() {
    full().hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
        "Handler", HANDLER,
        "MemorySize", 2048,
        "Timeout", 900,
        "Environment", Map.of("Variables", Map.of(
            "VIGIL_TABLE_NAME", Match.anyValue(),
            "VIGIL_EVIDENCE_BUCKET", Match.anyValue(),
            "VIGIL_EVENT_BUS_NAME", Match.anyValue(),
            "VIGIL_REPORTS_REVIEW_PERIOD", "quarter",
            "VIGIL_REPORTS_LINK_DAYS", "7",
            "VIGIL_REPORTS_TIMEZONE", "UTC")))));
    var code = full().findResources("AWS::Lambda::Function").values().stream()
        .filter(fn -> HANDLER.equals(props(fn).get("Handler")))
        .map(fn -> String.valueOf(props(fn).get("Code"))).findFirst().orElseThrow();
    assertFalse(code.isEmpty());
  }

  @Test
  void schedulesTheWeeklySummaryAndTheQuarterlyReviewWithTheirKind() {
    var inputs = new HashMap<Object, String>();
    for (var schedule : full().findResources("AWS::Scheduler::Schedule").values()) {
      @SuppressWarnings("unchecked")
      var target = (Map<String, Object>) props(schedule).get("Target");
      inputs.put(props(schedule).get("ScheduleExpression"), String.valueOf(target.get("Input")));
    }
    var weekly = inputs.get("cron(0 6 ? * MON *)");
    assertTrue(weekly.contains("\"detail\":{\"kind\":\"summary\"}"), weekly);
    var review = inputs.get("cron(0 6 1 1,4,7,10 ? *)");
    assertTrue(review.contains("\"detail\":{\"kind\":\"management-review\"}"), review);
    var collection = inputs.get("cron(0 6 * * ? *)");
    assertTrue(collection.contains("\"detail\":{}"), "other schedules keep an empty detail");
  }

  @Test
  void itMayWriteOnlyNewObjectsUnderReportsAndEvidence_andReadOnlyReports() {
    var policies = full().findResources("AWS::IAM::Policy", Map.of("Properties", Map.of(
        "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("SummarizePerformanceRole.*"))))));
    assertEquals(1, policies.size(), policies.keySet().toString());
    var text = new ArrayList<String>();
    @SuppressWarnings("unchecked")
    var statements = (List<Map<String, Object>>) ((Map<String, Object>) props(
        policies.values().iterator().next()).get("PolicyDocument")).get("Statement");
    for (var st : statements) {
      text.add(String.valueOf(st.get("Action")) + " " + st.get("Resource"));
    }
    var s3 = text.stream().filter(t -> t.contains("s3:")).toList();
    assertEquals(2, s3.size(), s3.toString());
    var write = s3.stream().filter(t -> t.startsWith("s3:PutObject ")).findFirst().orElseThrow();
    assertTrue(write.contains("/reports/*") && write.contains("/evidence/*"), write);
    var read = s3.stream().filter(t -> t.startsWith("s3:GetObject ")).findFirst().orElseThrow();
    assertTrue(read.contains("/reports/*") && !read.contains("/evidence/*"), read);
    assertTrue(text.stream().anyMatch(t -> t.contains("events:PutEvents")), text.toString());
    assertTrue(text.stream().anyMatch(t -> t.contains("dynamodb:PutItem")), text.toString());
    assertTrue(text.stream().noneMatch(t -> t.contains("s3:DeleteObject")
        || t.contains("s3:PutObjectAcl") || t.contains("s3:PutObjectRetention")), text.toString());
  }

  @Test
  void theReviewPeriodAndLinkValidityComeFromTheContext() {
    var monthly = new VigilConfig(Map.<String, Object>of("reviewPeriod", "month",
        "reportLinkDays", "3")::get, Map.of());
    assertEquals("cron(0 6 1 * ? *)", monthly.managementReviewSchedule);
    assertEquals(3, monthly.reportLinkDays);
    var defaults = new VigilConfig(k -> null, Map.of());
    assertEquals("quarter", defaults.reviewPeriod);
    assertEquals("cron(0 6 1 1,4,7,10 ? *)", defaults.managementReviewSchedule);
    assertEquals("cron(0 6 ? * MON *)", defaults.summarySchedule);
    assertEquals(7, defaults.reportLinkDays);
    var e = assertThrows(InvalidContextException.class, () -> new VigilConfig(
        Map.<String, Object>of("reviewPeriod", "year")::get, Map.of()));
    assertTrue(e.getMessage().contains("reviewPeriod"), e.getMessage());
    e = assertThrows(InvalidContextException.class, () -> new VigilConfig(
        Map.<String, Object>of("reportLinkDays", "8")::get, Map.of()));
    assertTrue(e.getMessage().contains("reportLinkDays"), e.getMessage());
    e = assertThrows(InvalidContextException.class, () -> new VigilConfig(
        Map.<String, Object>of("summarySchedule", "mondays")::get, Map.of()));
    assertTrue(e.getMessage().contains("summarySchedule"), e.getMessage());
  }
}
