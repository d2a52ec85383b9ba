package io.vigil.domain.collection;

import java.util.List;

/**
 * Port: hands the units of a run to whoever collects them: a bounded local thread pool (CLI,
 * tests), or a queue with one message per unit (Lambda fan-out).
 */
public interface UnitDispatcher {

  /** What became of the dispatched units. */
  record Dispatch(int dispatched, List<CollectionService.UnitOutcome> completed) {
    public Dispatch {
      completed = List.copyOf(completed);
    }
  }

  /**
   * Dispatches every unit. A local dispatcher returns once all units completed (each unit's failure
   * is contained in its outcome); a queue dispatcher returns once every message is accepted, with no
   * completed outcomes, and throws if any message could not be sent (nothing is silently dropped).
   */
  Dispatch dispatch(List<CollectionUnit> units);
}
