package io.vigil.functions.summarizeperformance;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda handler of summarize-performance, run by EventBridge Scheduler: weekly with
 * {@code detail.kind = "summary"}, at the start of each quarter (or month) with
 * {@code "management-review"}; {@code detail.period} ({@code 2026-W48}, {@code 2026-11},
 * {@code 2026-Q4}) is optional and defaults to the period that just ended. Measures the period,
 * stores the documents and their manifest, publishes {@code Summary Ready} and answers
 * {@code {summaryId, kind, period, files, url, manifestSha256, highlights, ..., duplicate}}; a
 * re-delivered event for a completed period answers the stored result and does nothing again. A
 * bad event fails with an {@link IllegalArgumentException} naming the field, before anything is
 * written.
 *
 * <p>Lambda handler string:
 * {@code io.vigil.functions.summarizeperformance.SummarizePerformanceHandler}.
 */
public class SummarizePerformanceHandler
    extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(SummarizePerformanceHandler.class);

  @Inject SummarizePerformanceComponents components;

  /** Used by the Lambda runtime. */
  public SummarizePerformanceHandler() {}

  /** Used by tests and the CLI to pass configuration. */
  public SummarizePerformanceHandler(ApplicationContextBuilder builder) {
    super(builder);
  }

  @Override
  public Map<String, Object> execute(Map<String, Object> event) {
    var request = SummaryRequest.fromEvent(event, components.zone(), components.reviewPeriod(),
        LocalDate.now(components.zone()));
    var result = components.summaries().run(request);
    LOG.info("{} {}: {} (duplicate: {})", request.kind(), request.period(),
        result.get("manifestSha256"), result.get("duplicate"));
    return result;
  }
}
