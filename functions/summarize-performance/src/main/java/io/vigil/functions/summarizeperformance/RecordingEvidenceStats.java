package io.vigil.functions.summarizeperformance;

import io.vigil.domain.performance.EvidenceStats;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link EvidenceStats} that remembers the counts it last answered, so that what the report is
 * built from also gives the controls passing and failing without reading every latest result a
 * second time. One invocation at a time (as a Lambda instance runs).
 */
final class RecordingEvidenceStats implements EvidenceStats {

  private final EvidenceStats delegate;
  private volatile List<CheckCount> last;

  RecordingEvidenceStats(EvidenceStats delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public List<CheckCount> latestCounts() {
    var counts = List.copyOf(delegate.latestCounts());
    last = counts;
    return counts;
  }

  /** The counts of the last {@link #latestCounts()} call, if there was one. */
  Optional<List<CheckCount>> last() {
    return Optional.ofNullable(last);
  }
}
