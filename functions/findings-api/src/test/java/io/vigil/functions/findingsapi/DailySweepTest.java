package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.ApiFixture.OWNER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.notification.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The daily sweep the scheduled event runs: overdue corrective actions, then policy reviews and
 * evidence tasks coming due, each published once per day — also when the scheduled event is
 * delivered twice, one copy after the other or both at once.
 */
class DailySweepTest {

  /** An overdue action, a policy review and an evidence task coming due on 2027-01-16. */
  private static String[] seed(ApiFixture fx) {
    var finding = fx.raise();
    var action = (String) fx.addAction(finding, "owner", OWNER).expect(201).get("id");
    var policy = (String) fx.createRecord("policies", """
        {"title": "Access control policy", "owner": "ciso@acme.test",
         "approvedOn": "2026-01-20", "reviewIntervalMonths": 12}""").expect(201).get("id");
    var task = (String) fx.createRecord("evidence-tasks", """
        {"controls": ["A.5.24"], "title": "Incident response exercise report",
         "owner": "ops@acme.test", "frequencyMonths": 12, "nextDue": "2027-02-01"}""")
        .expect(201).get("id");
    fx.now.set(Instant.parse("2027-01-16T07:00:00Z"));
    return new String[] {action, policy, task};
  }

  @Test
  @SuppressWarnings("unchecked")
  void twoConcurrentCopiesPublishEachNoticeOnce() throws Exception {
    for (int round = 0; round < 20; round++) {
      var fx = new ApiFixture();
      var ids = seed(fx);
      var published = Collections.synchronizedList(new ArrayList<DomainEvent>());
      var sweep = new DailySweep(fx.findings, fx.registers, published::addAll);
      var start = new CountDownLatch(1);
      var pool = Executors.newFixedThreadPool(2);
      List<Map<String, Object>> answers = new ArrayList<>();
      try {
        var a = pool.submit(() -> {
          start.await();
          return sweep.run();
        });
        var b = pool.submit(() -> {
          start.await();
          return sweep.run();
        });
        start.countDown();
        answers.add(a.get(30, TimeUnit.SECONDS));
        answers.add(b.get(30, TimeUnit.SECONDS));
      } finally {
        pool.shutdownNow();
      }

      var keys = new ArrayList<String>();
      answers.forEach(out -> {
        keys.addAll((List<String>) out.get("actions"));
        keys.addAll((List<String>) out.get("notices"));
      });
      keys.sort(null);
      assertEquals(List.of("action-overdue:" + ids[0] + ":2027-01-16",
          "evidence-task:" + ids[2] + ":2027-01-16", "policy-review:" + ids[1] + ":2027-01-16"),
          keys, "both answers together name each notice once");
      assertEquals(3, published.size(), "each notice published once: " + published);
      assertEquals(List.of("Action Overdue", "Evidence Task Due", "Policy Review Due"),
          published.stream().map(DomainEvent::detailType).sorted().toList());
      assertEquals(1, answers.stream().mapToInt(o -> (Integer) o.get("overdue")).sum());
      assertEquals(Map.of("overdue", 0, "actions", List.of(), "policyReviewsDue", 0L,
          "evidenceTasksDue", 0L, "notices", List.of()), sweep.run(), "a third copy: nothing");
    }
  }

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
