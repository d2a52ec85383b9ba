package io.vigil.domain.collection;

import io.vigil.domain.check.ScanTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A request to collect evidence: a deterministic run id, what triggered it, the targets (accounts ×
 * regions, the first of each account being its home region), for change-triggered runs the changed
 * resource, and the service groups each target is split into ({@link CollectionUnit#ALL_GROUPS}
 * alone unless the run fans out one unit per service group).
 */
public record CollectionRequest(
    String runId, String trigger, List<ScanTarget> targets, ChangeScope change,
    List<String> serviceGroups) {

  public CollectionRequest {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("a collection run needs an id");
    }
    Objects.requireNonNull(trigger, "trigger");
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a collection run needs at least one account and region");
    }
    if (targets.stream().distinct().count() != targets.size()) {
      throw new IllegalArgumentException("a collection run lists a target twice: " + targets);
    }
    serviceGroups = serviceGroups == null || serviceGroups.isEmpty()
        ? List.of(CollectionUnit.ALL_GROUPS) : List.copyOf(serviceGroups);
    if (new HashSet<>(serviceGroups).size() != serviceGroups.size()) {
      throw new IllegalArgumentException("a collection run lists a service group twice: "
          + serviceGroups);
    }
    if (serviceGroups.size() > 1 && serviceGroups.contains(CollectionUnit.ALL_GROUPS)) {
      throw new IllegalArgumentException("service group '" + CollectionUnit.ALL_GROUPS
          + "' already covers every group: " + serviceGroups);
    }
  }

  /** A collection of every group: one unit per target. */
  public CollectionRequest(String runId, String trigger, List<ScanTarget> targets,
      ChangeScope change) {
    this(runId, trigger, targets, change, List.of(CollectionUnit.ALL_GROUPS));
  }

  /** A full collection of every check in every target. */
  public CollectionRequest(String runId, String trigger, List<ScanTarget> targets) {
    this(runId, trigger, targets, null);
  }

  /**
   * The units of this run: one per target and service group, ordered by target then group; the
   * first target of each account is its home (for every group).
   */
  public List<CollectionUnit> units() {
    var homes = new HashSet<String>();
    var units = new ArrayList<CollectionUnit>();
    for (var t : targets) {
      boolean home = homes.add(t.accountId());
      for (var group : serviceGroups) {
        units.add(new CollectionUnit(runId, trigger, t, home, change, group));
      }
    }
    return List.copyOf(units);
  }
}
