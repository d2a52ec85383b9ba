package io.vigil.domain.collection;

import io.vigil.domain.check.ScanTarget;
import java.util.List;
import java.util.Objects;

/**
 * A request to collect evidence: a deterministic run id, what triggered it, the targets (accounts ×
 * regions, the first of each account being its home region) and, for change-triggered runs, the
 * changed resource.
 */
public record CollectionRequest(
    String runId, String trigger, List<ScanTarget> targets, ChangeScope change) {

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
  }

  /** A full collection of every check in every target. */
  public CollectionRequest(String runId, String trigger, List<ScanTarget> targets) {
    this(runId, trigger, targets, null);
  }

  /** The units of this run: one per target; the first target of each account is its home. */
  public List<CollectionUnit> units() {
    var homes = new java.util.HashSet<String>();
    return targets.stream()
        .map(t -> new CollectionUnit(runId, trigger, t, homes.add(t.accountId()), change))
        .toList();
  }
}
