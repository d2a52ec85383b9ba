package io.vigil.domain.notification;

import io.vigil.domain.collection.CollectionService;
import io.vigil.domain.finding.Finding;
import java.util.ArrayList;
import java.util.List;

/** The events a collection produces: findings opened, evidence recovered, the run completed. */
public final class RunEvents {

  private RunEvents() {}

  /** Events of a run collected in this process (nothing for a duplicate delivery). */
  public static List<DomainEvent> of(CollectionService.RunOutcome outcome) {
    if (outcome.duplicate()) {
      return List.of();
    }
    var events = new ArrayList<DomainEvent>();
    var opened = new ArrayList<Finding>();
    for (var unit : outcome.units()) {
      events.addAll(findingEvents(unit));
      opened.addAll(unit.opened());
    }
    events.add(new RunCompleted(outcome.summary(), outcome.dispatched(), opened));
    return events;
  }

  /** Events of one unit collected from the fan-out queue (its own Run Completed, unit-scoped). */
  public static List<DomainEvent> ofUnit(CollectionService.UnitOutcome unit) {
    if (unit.duplicate()) {
      return List.of();
    }
    var events = findingEvents(unit);
    events.add(new RunCompleted(unit.summary(), 1, unit.opened()));
    return events;
  }

  private static List<DomainEvent> findingEvents(CollectionService.UnitOutcome unit) {
    var events = new ArrayList<DomainEvent>();
    unit.opened().forEach(f -> events.add(new FindingOpened(f, unit.unit().runId())));
    unit.recovered().forEach(r -> events.add(new EvidenceRecovered(r)));
    return events;
  }
}
