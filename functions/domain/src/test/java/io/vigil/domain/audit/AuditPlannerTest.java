package io.vigil.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.audit.ProgrammeConfig.Auditor;
import io.vigil.domain.audit.ProgrammeConfig.Period;
import io.vigil.domain.audit.ProgrammeConfig.RiskWeights;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuditPlannerTest {

  private static final LocalDate FROM = LocalDate.parse("2027-01-01");

  private static Auditor auditor(String id, int capacity, Period... unavailable) {
    return new Auditor(id, "Auditor " + id, id + "@example.com", capacity, List.of(unavailable));
  }

  private static ProgrammeConfig config(int cycle, int size, List<Auditor> auditors,
      Map<String, String> owners) {
    return new ProgrammeConfig(cycle, size, auditors, owners, Set.of(), RiskWeights.defaults());
  }

  private static ItemRisk risk(String item, int failing, int open, int major, int level) {
    return new ItemRisk(item, failing, open, major, level, Set.of());
  }

  private static final AuditPlanner DEFAULT = new AuditPlanner(config(12, 5, List.of(), Map.of()));

  @Test
  void interval_followsTheDocumentedFormula() {
    assertEquals(12, DEFAULT.intervalMonths(null));
    assertEquals(12, DEFAULT.intervalMonths(ItemRisk.none("A.8.24")));
    assertEquals(8, DEFAULT.intervalMonths(risk("A.8.24", 1, 0, 0, 0)));
    assertEquals(4, DEFAULT.intervalMonths(risk("A.8.24", 0, 1, 1, 0)));
    assertEquals(4, DEFAULT.intervalMonths(risk("A.8.24", 0, 0, 0, 3)));
    assertEquals(6, DEFAULT.intervalMonths(risk("A.8.24", 0, 1, 0, 1)));
    // 0.5·5 + 0.5·5 + 1·5 + 0.5·3 = 11.5 → floor(12 / 12.5) = 0 → the minimum interval
    assertEquals(1, DEFAULT.intervalMonths(risk("A.8.24", 9, 9, 9, 3)));
    // counts are capped at 5: more than that changes nothing
    assertEquals(DEFAULT.intervalMonths(risk("A.8.24", 5, 0, 0, 0)),
        DEFAULT.intervalMonths(risk("A.8.24", 50, 0, 0, 0)));
  }

  @Test
  void interval_respectsTheMinimumTheCycleAndIgnoresNegativeWeights() {
    var minimum3 = new AuditPlanner(new ProgrammeConfig(12, 5, List.of(), Map.of(), Set.of(),
        new RiskWeights(0.5, 0.5, 1.0, 0.5, 3)));
    assertEquals(3, minimum3.intervalMonths(risk("9.2", 5, 5, 5, 3)));
    var minimumAboveCycle = new AuditPlanner(new ProgrammeConfig(6, 5, List.of(), Map.of(),
        Set.of(), new RiskWeights(0.5, 0.5, 1.0, 0.5, 24)));
    assertEquals(6, minimumAboveCycle.intervalMonths(risk("9.2", 5, 5, 5, 3)));
    var negative = new AuditPlanner(new ProgrammeConfig(12, 5, List.of(), Map.of(), Set.of(),
        new RiskWeights(-1, -1, -1, -1, 1)));
    assertEquals(12, negative.intervalMonths(risk("9.2", 5, 5, 5, 3)));
  }

  @Test
  void firstDueMonth_isWithinTheIntervalAndStable() {
    for (int interval = 1; interval <= 12; interval++) {
      int due = AuditPlanner.firstDueMonth("A.5.1", interval);
      assertTrue(due >= 0 && due < interval);
      assertEquals(due, AuditPlanner.firstDueMonth("A.5.1", interval));
    }
  }

  @Test
  void constructor_namesTheBadField() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new AuditPlanner(config(0, 5, List.of(), Map.of())));
    assertTrue(e.getMessage().contains("cycleMonths"));
    e = assertThrows(IllegalArgumentException.class,
        () -> new AuditPlanner(config(12, 0, List.of(), Map.of())));
    assertTrue(e.getMessage().contains("auditSize"));
    e = assertThrows(IllegalArgumentException.class,
        () -> new AuditPlanner(config(12, 5, List.of(auditor("a", 1), auditor("a", 2)),
            Map.of())));
    assertTrue(e.getMessage().contains("duplicate id a"));
  }

  @Test
  void unassigned_whenEveryAuditorOwnsOrImplementedActions() {
    var items = AuditUniverse.of(Set.of()).stream()
        .filter(i -> i.id().equals("A.8.24") || i.id().equals("A.8.25")).toList();
    var planner = new AuditPlanner(config(12, 5, List.of(auditor("ann", 4), auditor("bob", 4)),
        Map.of("A.8.24", "ann@example.com")));
    var risks = Map.of("A.8.24", new ItemRisk("A.8.24", 0, 1, 0, 0, Set.of("bob")));

    var plan = planner.plan(items, risks, FROM);

    assertEquals(1, plan.unassigned().size());
    var u = plan.unassigned().get(0);
    assertEquals("A.8.24", u.item());
    assertTrue(u.reason().startsWith("every auditor owns or implemented actions on A.8.24"),
        u.reason());
    assertTrue(plan.audits().stream().noneMatch(a -> a.items().contains("A.8.24")));
    assertTrue(plan.audits().stream().anyMatch(a -> a.items().contains("A.8.25")));
  }

  @Test
  void unassigned_whenNoAuditorHasCapacity() {
    var items = AuditUniverse.of(Set.of()).stream()
        .filter(i -> i.group().equals("5")).toList(); // clauses 5.1, 5.2, 5.3
    var planner = new AuditPlanner(config(1, 1, List.of(auditor("ann", 1)), Map.of()));

    var plan = planner.plan(items, Map.of(), FROM);

    assertEquals(1, plan.audits().size());
    assertEquals(2, plan.unassigned().size());
    for (var u : plan.unassigned()) {
      assertTrue(u.reason().startsWith("no auditor has capacity in 2027-01"), u.reason());
    }
  }

  @Test
  void unassigned_whenAllAuditorsAreUnavailable() {
    var items = AuditUniverse.of(Set.of()).stream().filter(i -> i.id().equals("9.2")).toList();
    var away = new Period(FROM, FROM.plusMonths(3));
    var planner = new AuditPlanner(config(3, 5, List.of(auditor("ann", 4, away),
        auditor("bob", 4, away)), Map.of()));

    var plan = planner.plan(items, Map.of(), FROM);

    assertTrue(plan.audits().isEmpty());
    assertEquals(1, plan.unassigned().size());
    assertTrue(plan.unassigned().get(0).reason().startsWith("all auditors unavailable"));
  }

  @Test
  void splitsAnAuditSoThatNoAuditorAuditsTheirOwnItems() {
    var items = AuditUniverse.of(Set.of()).stream()
        .filter(i -> i.group().equals("5")).toList();
    var owners = Map.of("5.1", "ann", "5.2", "bob");
    var planner = new AuditPlanner(config(1, 5, List.of(auditor("ann", 4), auditor("bob", 4)),
        owners));

    var plan = planner.plan(items, Map.of(), FROM);

    assertTrue(plan.unassigned().isEmpty());
    assertEquals(Set.of("5.1", "5.2", "5.3"), plan.audits().stream()
        .flatMap(a -> a.items().stream()).collect(Collectors.toSet()));
    for (var a : plan.audits()) {
      for (var item : a.items()) {
        assertFalse(a.auditor().equals(owners.get(item)), a.toString());
      }
    }
  }

  @Test
  void aMajorNonconformityPullsTheAuditForward() {
    var items = AuditUniverse.of(Set.of());
    var planner = new AuditPlanner(config(12, 5, List.of(auditor("ann", 20),
        auditor("bob", 20)), Map.of()));
    var before = planner.plan(items, Map.of(), FROM);
    // pick an item first due late in the cycle
    var late = items.stream()
        .filter(i -> AuditPlanner.firstDueMonth(i.id(), 12) >= 6).findFirst().orElseThrow();
    var after = planner.plan(items, Map.of(late.id(), risk(late.id(), 0, 1, 1, 0)), FROM);

    assertTrue(firstAudit(after, late.id()).isBefore(firstAudit(before, late.id())));
    assertTrue(auditsOf(after, late.id()) > auditsOf(before, late.id()));
  }

  @Test
  void realisticProgramme_assignsEverythingAndAuditsHighRiskItemsMoreOften() {
    var universe = AuditUniverse.of(Set.of("A.7.5", "A.7.9"));
    var auditors = List.of(
        auditor("ciso", 4),
        auditor("compliance", 4, new Period(LocalDate.parse("2027-07-15"),
            LocalDate.parse("2027-08-15"))),
        auditor("it-lead", 3),
        auditor("external", 4, new Period(LocalDate.parse("2027-12-20"),
            LocalDate.parse("2028-01-05"))));
    var owners = new HashMap<String, String>();
    for (var item : universe) {
      owners.put(item.id(), switch (item.group()) {
        case "Technological" -> "it-lead";
        case "Organizational" -> "compliance@example.com";
        case "People", "Physical" -> "hr";
        default -> "ciso";
      });
    }
    var risks = Map.of(
        "A.8.24", new ItemRisk("A.8.24", 2, 1, 1, 3, Set.of("external")),
        "A.5.15", risk("A.5.15", 3, 0, 0, 2),
        "A.8.8", risk("A.8.8", 1, 1, 0, 3),
        "6.1.2", risk("6.1.2", 0, 1, 0, 2));
    var planner = new AuditPlanner(new ProgrammeConfig(12, 5, auditors, owners, Set.of(),
        RiskWeights.defaults()));

    var plan = planner.plan(universe, risks, FROM);

    assertTrue(plan.unassigned().isEmpty(), plan.unassigned().toString());
    var audited = plan.audits().stream().flatMap(a -> a.items().stream())
        .collect(Collectors.toSet());
    assertEquals(universe.stream().map(AuditItem::id).collect(Collectors.toSet()), audited);
    for (var id : risks.keySet()) {
      assertTrue(auditsOf(plan, id) > 1, id + " is audited more than once");
    }
    assertTrue(auditsOf(plan, "A.8.24") >= 3);
    for (var a : plan.audits()) {
      assertTrue(a.items().size() <= 5);
      assertTrue(a.id().startsWith("AUD-" + a.date() + "-"), a.id());
      assertTrue(a.criteria().contains("ISO/IEC 27001:2022"));
      assertTrue(a.criteria().contains("policies"));
      assertFalse(a.scope().isBlank());
      assertTrue(a.method().contains("interviews"));
      assertTrue(a.date().getDayOfWeek().getValue() <= 5, "a working day: " + a.date());
      assertFalse(a.items().contains("A.8.24") && a.auditor().equals("external"));
    }
    var perMonth = plan.audits().stream().collect(Collectors.groupingBy(
        a -> a.auditor() + "@" + YearMonth.from(a.date()), Collectors.counting()));
    for (var auditor : auditors) {
      perMonth.forEach((key, count) -> {
        if (key.startsWith(auditor.id() + "@")) {
          assertTrue(count <= auditor.maxAuditsPerMonth(), key + " " + count);
        }
      });
    }
    assertEquals(plan, planner.plan(universe, risks, FROM));
  }

  private static LocalDate firstAudit(AuditPlan plan, String item) {
    return plan.audits().stream().filter(a -> a.items().contains(item))
        .map(AuditPlan.PlannedAudit::date).min(LocalDate::compareTo).orElseThrow();
  }

  private static long auditsOf(AuditPlan plan, String item) {
    return plan.audits().stream().filter(a -> a.items().contains(item)).count();
  }
}
