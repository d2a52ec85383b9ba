package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.ApiFixture.OWNER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.notification.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The daily sweep the scheduled event runs: overdue corrective actions, then policy reviews and
 * evidence tasks coming due, each published once per day.
 */
class DailySweepTest {

  @Test
  void eachNoticeIsPublishedOncePerDayAndCounted() {
    var fx = new ApiFixture();
    var published = new ArrayList<DomainEvent>();
    var sweep = new DailySweep(fx.findings, fx.registers, published::addAll);
    var finding = fx.raise();
    fx.addAction(finding, "owner", OWNER).expect(201); // due 2027-01-15
    var policy = (String) fx.createRecord("policies", """
        {"title": "Access control policy", "owner": "ciso@acme.test",
         "approvedOn": "2026-01-20", "reviewIntervalMonths": 12}""").expect(201).get("id");
    var task = (String) fx.createRecord("evidence-tasks", """
        {"controls": ["A.5.24"], "title": "Incident response exercise report",
         "owner": "ops@acme.test", "frequencyMonths": 12, "nextDue": "2027-02-01"}""")
        .expect(201).get("id");

    fx.now.set(Instant.parse("2027-01-16T07:00:00Z"));
    var first = sweep.run();

    assertEquals(1, first.get("overdue"));
    assertEquals(1L, first.get("policyReviewsDue"));
    assertEquals(1L, first.get("evidenceTasksDue"));
    assertEquals(List.of("policy-review:" + policy + ":2027-01-16",
        "evidence-task:" + task + ":2027-01-16"), first.get("notices"));
    assertEquals(List.of("Action Overdue", "Policy Review Due", "Evidence Task Due"),
        published.stream().map(DomainEvent::detailType).toList());
    var review = published.get(1).detail();
    assertEquals("2027-01-20", review.get("reviewDue"));
    assertEquals(false, review.get("overdue"));

    var again = sweep.run();
    assertEquals(Map.of("overdue", 0, "actions", List.of(), "policyReviewsDue", 0L,
        "evidenceTasksDue", 0L, "notices", List.of()), again, "the same day: nothing again");
    assertEquals(3, published.size());

    fx.now.set(Instant.parse("2027-01-17T07:00:00Z"));
    var nextDay = sweep.run();
    assertEquals(1, nextDay.get("overdue"));
    assertEquals(2, ((List<?>) nextDay.get("notices")).size());
    assertEquals(6, published.size());
  }
}
