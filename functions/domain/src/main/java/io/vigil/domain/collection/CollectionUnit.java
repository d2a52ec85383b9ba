package io.vigil.domain.collection;

import io.vigil.domain.check.ScanTarget;
import java.util.Objects;

/**
 * One account×region part of a collection run: the unit that is dispatched (one SQS message in
 * Lambda, one task of the local thread pool), claimed, recorded in the ledger and retried on its
 * own.
 *
 * @param homeRegion whether account-scoped (global) services such as IAM are evaluated in this unit;
 *     exactly one unit per account of a run has it
 * @param change null for a full collection, else the changed resource to re-evaluate
 */
public record CollectionUnit(
    String runId, String trigger, ScanTarget target, boolean homeRegion, ChangeScope change) {

  public CollectionUnit {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("a collection unit belongs to a run");
    }
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(target, "target");
  }

  /** Stable id of the unit within its run: {@code <runId>#<account>#<region>}. */
  public String unitId() {
    return runId + "#" + target.accountId() + "#" + target.region();
  }
}
