package io.vigil.domain.performance;

import io.vigil.domain.finding.Finding;
import java.time.Instant;
import java.util.List;

/** Port: the findings closed (or declined) in a time range, with when they closed. */
@FunctionalInterface
public interface ClosedFindings {

  /** A finding and the time it was closed. */
  record Closed(Finding finding, Instant closedAt) {}

  /** Findings closed at or after {@code from} and before {@code to}. */
  List<Closed> closedBetween(Instant from, Instant to);
}
