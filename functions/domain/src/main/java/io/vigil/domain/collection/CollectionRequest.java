package io.vigil.domain.collection;

import io.vigil.domain.check.ScanTarget;
import java.util.List;
import java.util.Objects;

/** A request to collect evidence: a deterministic run id, what triggered it, and the targets. */
public record CollectionRequest(String runId, String trigger, List<ScanTarget> targets) {
  public CollectionRequest {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("a collection run needs an id");
    }
    Objects.requireNonNull(trigger, "trigger");
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a collection run needs at least one account and region");
    }
  }
}
