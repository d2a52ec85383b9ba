package io.vigil.domain.performance;

import java.time.Instant;
import java.util.List;

/** Port: the latest check results counted per (check, account) — the state of the evidence. */
@FunctionalInterface
public interface EvidenceStats {

  /** Counts of one check's latest results in one account. */
  record CheckCount(String checkId, String accountId, long passed, long failed, long errors,
      long notApplicable, Instant latestObservedAt) {}

  List<CheckCount> latestCounts();
}
