package io.vigil.functions.summarizeperformance;

import io.vigil.domain.performance.Period;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the handler uses, as one bean: the summaries (ports only), the time zone and default review
 * period that decide the default period, and what to close when the context stops. One bean of a
 * type only this function defines, so that its wiring never competes with another function's on
 * the CLI's classpath (where every function's factory is present).
 */
public final class SummarizePerformanceComponents implements AutoCloseable {

  private final PerformanceSummaries summaries;
  private final ZoneId zone;
  private final Period.Kind reviewPeriod;
  private final AutoCloseable resources;

  public SummarizePerformanceComponents(PerformanceSummaries summaries, ZoneId zone,
      Period.Kind reviewPeriod, AutoCloseable resources) {
    this.summaries = Objects.requireNonNull(summaries);
    this.zone = Objects.requireNonNull(zone);
    this.reviewPeriod = Objects.requireNonNull(reviewPeriod);
    this.resources = Objects.requireNonNull(resources);
  }

  public PerformanceSummaries summaries() {
    return summaries;
  }

  public ZoneId zone() {
    return zone;
  }

  public Period.Kind reviewPeriod() {
    return reviewPeriod;
  }

  @Override
  public void close() throws Exception {
    resources.close();
  }
}
