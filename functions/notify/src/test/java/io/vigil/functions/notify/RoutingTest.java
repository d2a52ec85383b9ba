package io.vigil.functions.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration parsing, routing, digest suppression and generic rendering. */
class RoutingTest {

  @Test
  void webhookSecretAloneRoutesEverything() {
    var config = NotifyConfig.parse(Map.of(NotifyConfig.SLACK_WEBHOOK_SECRET, "vigil/slack"));
    assertTrue(config.configured());
    assertEquals("vigil", config.tableName());
    var targets = new Router(config.routes())
        .targets(NotifyEvent.parse(Events.event("Anything New", Map.of())));
    assertEquals(List.of("slack:vigil/slack"), targets.stream().map(Target::id).toList());
  }

  @Test
  void routesFilterBySeverityTypeAndAccountAndDigestSuppressesRunFindings() {
    var config = NotifyConfig.parse(Map.of(NotifyConfig.EMAIL_FROM, "vigil@example.com",
        NotifyConfig.ROUTES, """
            [{"name":"critical","minSeverity":"high","slackWebhookSecret":"alerts"},
             {"name":"digest","detailTypes":["Run Completed","Finding Opened"],"digest":true,
              "email":{"to":["isms@example.com"]}},
             {"name":"prod","accounts":["999999999999"],"slackWebhookSecret":"prod"}]"""));
    var router = new Router(config.routes());
    var high = Events.findingOpened("Bucket public", "high");
    assertEquals(List.of("slack:alerts", "email:isms@example.com"), ids(router, high));
    var low = Events.findingOpened("Minor", "low");
    @SuppressWarnings("unchecked")
    var detail = (Map<String, Object>) low.get("detail");
    detail.put("runId", "run-1");
    assertEquals(List.of(), ids(router, low), "digest route suppresses a run's findings");
    assertEquals(List.of("email:isms@example.com"), ids(router, Events.runCompleted("run-1", 3)));
    var m = MessageRenderer.render(NotifyEvent.parse(Events.runCompleted("run-1", 3)), true);
    assertEquals(3, m.items().size());
    assertTrue(EmailFormat.text(m).contains("Bucket 2 is public"));
  }

  @Test
  void registerEventsRenderTheirTitleAndKeyFactsInOrder() {
    var task = NotifyEvent.parse(Events.event("Evidence Task Due", Map.of("taskId",
        "TASK-8d41c0e5", "title", "Signed policy", "owner", "ciso@acme.example", "controls",
        List.of("A.5.1", "A.5.37"), "nextDue", "2027-03-15", "overdue", true)));
    var m = MessageRenderer.render(task, false);
    assertEquals("Signed policy", m.title());
    assertEquals("Evidence Task Due: Signed policy", m.headline());
    assertEquals(List.of(new Message.Fact("Owner", "ciso@acme.example"),
        new Message.Fact("Next due", "2027-03-15"), new Message.Fact("Overdue", "true"),
        new Message.Fact("Controls", "A.5.1, A.5.37"), new Message.Fact("Task id",
            "TASK-8d41c0e5")), m.facts());

    var policy = NotifyEvent.parse(Events.event("Policy Review Due", Map.of("policyId",
        "POL-3f9c2a71", "title", "Access control policy", "version", "2.3", "owner",
        "ciso@acme.example", "lastReviewed", "2026-03-01", "reviewDue", "2027-03-01",
        "overdue", false)));
    var p = MessageRenderer.render(policy, false);
    assertEquals("Access control policy", p.title());
    assertEquals(List.of("Owner", "Review due", "Overdue", "Last reviewed", "Version",
        "Policy id"), p.facts().stream().map(Message.Fact::label).toList());
  }

  @Test
  void unknownTypesRenderGenerically() {
    var e = NotifyEvent.parse(Events.event("Risk Accepted",
        Map.of("riskId", "R-7", "acceptedBy", "ciso", "nested", Map.of("a", 1))));
    var m = MessageRenderer.render(e, false);
    assertEquals("Risk Accepted", m.title());
    assertEquals(List.of("Risk id", "Accepted by"), m.facts().stream()
        .map(Message.Fact::label).sorted((a, b) -> b.compareTo(a)).toList());
  }

  @Test
  void badConfigurationNamesTheKey() {
    assertMessage("vigil.notify.routes is not valid JSON",
        Map.of(NotifyConfig.ROUTES, "[{"));
    assertMessage("vigil.notify.routes[0].minSeverity 'urgent' is not a severity",
        Map.of(NotifyConfig.ROUTES, "[{\"minSeverity\":\"urgent\",\"slackWebhookSecret\":\"s\"}]"));
    assertMessage("vigil.notify.routes[0].email.from is not set",
        Map.of(NotifyConfig.ROUTES, "[{\"email\":{\"to\":[\"a@example.com\"]}}]"));
    assertMessage("vigil.notify.routes[0] ('route-1') has no target",
        Map.of(NotifyConfig.ROUTES, "[{}]"));
    assertMessage("vigil.notify.retry.max-attempts must be a whole number",
        Map.of(NotifyConfig.MAX_ATTEMPTS, "many"));
    var e = assertThrows(NotifyConfigException.class, () -> NotifyConfig.parse(Map.of(
        NotifyConfig.SLACK_WEBHOOK_SECRET, "https://hooks.slack.com/services/T/B/secret")));
    assertTrue(e.getMessage().startsWith(NotifyConfig.SLACK_WEBHOOK_SECRET), e.getMessage());
    assertFalse(e.getMessage().contains("hooks.slack.com"), "URL pasted by mistake is not echoed");
  }

  @Test
  void invalidEventsNameTheField() {
    var e = Events.event("Finding Opened", Map.of());
    e.remove("id");
    assertEquals("field 'id' is missing",
        assertThrows(InvalidEventException.class, () -> NotifyEvent.parse(e)).getMessage());
    var wrongSource = Events.event("Finding Opened", Map.of());
    wrongSource.put("source", "aws.s3");
    assertTrue(assertThrows(InvalidEventException.class, () -> NotifyEvent.parse(wrongSource))
        .getMessage().startsWith("field 'source' must be 'vigil'"));
    var noDetail = Events.event("Finding Opened", Map.of());
    noDetail.remove("detail");
    assertEquals("field 'detail' is missing or not an object",
        assertThrows(InvalidEventException.class, () -> NotifyEvent.parse(noDetail))
            .getMessage());
  }

  private static List<String> ids(Router router, Map<String, Object> event) {
    return router.targets(NotifyEvent.parse(event)).stream().map(Target::id).toList();
  }

  private static void assertMessage(String prefix, Map<String, String> props) {
    var e = assertThrows(NotifyConfigException.class, () -> NotifyConfig.parse(props));
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
  }
}
