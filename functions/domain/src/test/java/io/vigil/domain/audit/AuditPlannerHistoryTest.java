package io.vigil.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.audit.ProgrammeConfig.Auditor;
import io.vigil.domain.audit.ProgrammeConfig.RiskWeights;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The planner as the daily job uses it: re-planning with the stored audits keeps the plan steady,
 * audits done cover their items, cancelled audits release theirs, risk pulls audits forward, and
 * the cycle is anchored to its start day rather than to the day of planning.
 */
class AuditPlannerHistoryTest {

  private static final ProgrammeConfig CONFIG = new ProgrammeConfig(12, 5,
      List.of(new Auditor("ann", "Ann", "ann@example.com", 4, List.of()),
          new Auditor("bob", "Bob", "bob@example.com", 4, List.of()),
          new Auditor("cy", "Cy", "cy@example.com", 4, List.of())),
      Map.of("A.5.1", "ann", "9.2", "bob"), Set.of(), RiskWeights.defaults());
  private static final AuditPlanner PLANNER = new AuditPlanner(CONFIG);
  private static final List<AuditItem> UNIVERSE = AuditUniverse.of(Set.of());

  private static List<AuditRecord> planned(AuditPlan plan) {
    return plan.audits().stream().map(a -> AuditRecord.planned(a, 1)).toList();
  }

  private static AuditRecord completed(AuditPlan.PlannedAudit a) {
    var at = a.date().atTime(10, 0).toInstant(ZoneOffset.UTC);
    return new AuditRecord(a, AuditStatus.COMPLETED, at, "x", Map.of(), at.plusSeconds(3600), "x",
        "", null, null, null, null, 3);
  }

  private static AuditRecord cancelled(AuditPlan.PlannedAudit a) {
    return new AuditRecord(a, AuditStatus.CANCELLED, null, null, Map.of(), null, null, null, null,
        Instant.parse("2027-01-05T00:00:00Z"), "boss", "auditor ill", 2);
  }

  @Test
  void cycleStart_isAnchoredToTheConfiguredDay() {
    assertEquals(LocalDate.parse("2027-01-01"), PLANNER.cycleStart(LocalDate.parse("2027-01-01")));
    assertEquals(LocalDate.parse("2027-01-01"), PLANNER.cycleStart(LocalDate.parse("2027-12-31")));
    var april = new AuditPlanner(new ProgrammeConfig(6, 5, List.of(), Map.of(), Set.of(), null,
        MonthDay.of(4, 1)));
    assertEquals(LocalDate.parse("2026-10-01"), april.cycleStart(LocalDate.parse("2027-03-31")));
    assertEquals(LocalDate.parse("2027-04-01"), april.cycleStart(LocalDate.parse("2027-04-01")));
    assertEquals(LocalDate.parse("2027-10-01"), april.cycleStart(LocalDate.parse("2027-12-01")));
    var leap = new AuditPlanner(new ProgrammeConfig(12, 5, List.of(), Map.of(), Set.of(), null,
        MonthDay.of(2, 29)));
    assertEquals(LocalDate.parse("2027-02-28"), leap.cycleStart(LocalDate.parse("2027-03-01")));
  }

  @Test
  void replanningDailyWithTheStoredPlan_movesNothing() {
    var day = LocalDate.parse("2027-01-04");
    var plan = PLANNER.plan(UNIVERSE, Map.of(), day, List.of());
    assertTrue(plan.unassigned().isEmpty(), plan.unassigned().toString());
    for (int i = 1; i <= 120; i++) {
      var next = PLANNER.plan(UNIVERSE, Map.of(), day.plusDays(i), planned(plan));
      // every audit of yesterday's plan is still there, unchanged (overdue ones included)
      for (var a : plan.audits()) {
        assertTrue(next.audits().contains(a), "day " + i + ": moved or dropped " + a);
      }
      plan = next;
    }
  }

  @Test
  void planningLateInTheCycle_coversTheRestOfTheCycleAndTheStartOfTheNext() {
    var from = LocalDate.parse("2027-11-15");
    var plan = PLANNER.plan(UNIVERSE, Map.of(), from, List.of());
    assertEquals(LocalDate.parse("2028-11-14"), plan.to());
    var audited = plan.audits().stream().filter(a -> a.date().isBefore(
        LocalDate.parse("2028-01-01"))).flatMap(a -> a.items().stream())
        .collect(Collectors.toSet());
    // nothing was audited this cycle, so every item is due before the cycle ends
    for (var item : UNIVERSE) {
      assertTrue(audited.contains(item.id())
          || plan.unassigned().stream().anyMatch(u -> u.item().equals(item.id())),
          item.id() + " not planned before the cycle ends");
    }
    assertTrue(plan.audits().stream().anyMatch(a -> a.date().getYear() == 2028),
        "the next cycle is planned ahead");
  }

  @Test
  void completedAudits_coverTheirItemsForTheirWindow() {
    var from = LocalDate.parse("2027-01-04");
    var plan = PLANNER.plan(UNIVERSE, Map.of(), from, List.of());
    var first = plan.audits().get(0);
    var history = new ArrayList<>(planned(plan));
    history.removeIf(r -> r.id().equals(first.id()));
    history.add(completed(first));
    var next = PLANNER.plan(UNIVERSE, Map.of(), first.date().plusDays(1), history);
    for (var item : first.items()) {
      assertTrue(next.audits().stream().noneMatch(a -> a.items().contains(item)
          && a.date().isBefore(LocalDate.parse("2028-01-01"))),
          item + " audited again in the same cycle");
    }
    assertFalse(next.audits().stream().anyMatch(a -> a.id().equals(first.id())));
  }

  @Test
  void aCancelledAudit_releasesItsItemsToAnotherAuditAndBlocksThatAuditorsDay() {
    var from = LocalDate.parse("2027-01-04");
    var plan = PLANNER.plan(UNIVERSE, Map.of(), from, List.of());
    var victim = plan.audits().get(3);
    var history = new ArrayList<>(planned(plan));
    history.removeIf(r -> r.id().equals(victim.id()));
    history.add(cancelled(victim));
    var next = PLANNER.plan(UNIVERSE, Map.of(), from.plusDays(1), history);
    assertTrue(next.audits().stream().noneMatch(a -> a.id().equals(victim.id())));
    for (var item : victim.items()) {
      var again = next.audits().stream().filter(a -> a.items().contains(item)).findFirst()
          .orElseThrow(() -> new AssertionError(item + " lost with its cancelled audit"));
      assertFalse(again.auditor().equals(victim.auditor()) && again.date().equals(victim.date()),
          "re-planned on the cancelled slot");
    }
    // the rest of the plan stays as it was
    plan.audits().stream().filter(a -> !a.equals(victim) && !a.date().isBefore(from.plusDays(1)))
        .forEach(a -> assertTrue(next.audits().contains(a), "moved: " + a));
  }

  @Test
  void aNewMajorNonconformity_pullsTheItemsNextAuditForwardWithinTheShorterInterval() {
    var from = LocalDate.parse("2027-02-01");
    var plan = PLANNER.plan(UNIVERSE, Map.of(), from, List.of());
    var item = "A.8.24";
    var before = plan.audits().stream().filter(a -> a.items().contains(item)).findFirst()
        .orElseThrow();
    var today = LocalDate.parse("2027-02-10");
    assertTrue(before.date().isAfter(today.plusMonths(4)), "test needs a late audit: " + before);
    var risks = new HashMap<String, ItemRisk>();
    risks.put(item, new ItemRisk(item, 0, 1, 1, 0, Set.of()));
    var next = PLANNER.plan(UNIVERSE, risks, today, planned(plan));
    var first = next.audits().stream().filter(a -> a.items().contains(item))
        .map(AuditPlan.PlannedAudit::date).min(LocalDate::compareTo).orElseThrow();
    // interval 12 → 4 months: the next audit comes earlier, within 4 months of today
    assertTrue(first.isBefore(before.date()), "not pulled forward: " + first + " vs " + before);
    assertTrue(first.isBefore(today.plusMonths(4)), "not within the new interval: " + first);
  }

  @Test
  void aStoredAuditWhoseAuditorIsNoLongerIndependent_isReplanned() {
    var from = LocalDate.parse("2027-01-04");
    var plan = PLANNER.plan(UNIVERSE, Map.of(), from, List.of());
    var audit = plan.audits().stream().filter(a -> a.items().contains("A.8.9")).findFirst()
        .orElseThrow();
    // the auditor now implements a corrective action on one of its items
    var risks = Map.of("A.8.9", new ItemRisk("A.8.9", 0, 0, 0, 0, Set.of(audit.auditor())));
    var next = PLANNER.plan(UNIVERSE, risks, from.plusDays(1), planned(plan));
    for (var a : next.audits()) {
      if (a.items().contains("A.8.9")) {
        assertNotEquals(audit.auditor(), a.auditor(), "kept a conflicted audit: " + a);
      }
    }
  }
}
