package io.vigil.functions.summarizeperformance;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.core.type.Argument;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import io.vigil.aws.Priming;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda handler of summarize-performance, run by EventBridge Scheduler: weekly with
 * {@code detail.kind = "summary"}, at the start of each quarter (or month) with
 * {@code "management-review"}; {@code detail.period} ({@code 2026-W48}, {@code 2026-11},
 * {@code 2026-Q4}) is optional and defaults to the period that just ended. Measures the period,
 * stores the documents and their manifest, publishes {@code Summary Ready} and answers
 * {@code {summaryId, kind, period, files, url, manifestSha256, highlights, ..., duplicate}}; a
 * re-delivered event for a completed period answers the stored result and does nothing again; a
 * copy that arrives while another invocation is producing the period fails with
 * {@link ReportInProgressException} (before writing anything) so that Lambda retries it. A bad
 * event fails with an {@link IllegalArgumentException} naming the field, before anything is
 * written.
 *
 * <p>The claim of the (kind, period) lasts until this invocation's deadline, taken from the
 * Lambda context; outside Lambda (the CLI) for {@link #DEFAULT_LEASE}.
 *
 * <p>SnapStart: the constructor registers a warm-up ({@link Priming}) that decodes a sample
 * event, renders a tiny report as HTML, PDF and Markdown, presigns a link and reads a key of the
 * table that never exists; it stores, publishes and records nothing.
 *
 * <p>Lambda handler string:
 * {@code io.vigil.functions.summarizeperformance.SummarizePerformanceHandler}.
 */
public class SummarizePerformanceHandler
    extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

  /** How long a claim lasts without a Lambda context: the longest a Lambda invocation runs. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(15);

  private static final Logger LOG = LoggerFactory.getLogger(SummarizePerformanceHandler.class);

  @Inject SummarizePerformanceComponents components;

  private final Priming priming;

  /** Used by the Lambda runtime. */
  public SummarizePerformanceHandler() {
    this.priming = Priming.register("summarize-performance", this::warmUp);
  }

  /** Used by tests and the CLI to pass configuration. */
  public SummarizePerformanceHandler(ApplicationContextBuilder builder) {
    super(builder);
    this.priming = Priming.register("summarize-performance", this::warmUp);
  }

  @Override
  public Map<String, Object> execute(Map<String, Object> event) {
    var request = SummaryRequest.fromEvent(event, components.zone(), components.reviewPeriod(),
        LocalDate.now(components.zone()));
    var result = components.summaries().run(request,
        deadline().orElseGet(() -> Instant.now().plus(DEFAULT_LEASE)));
    LOG.info("{} {}: {} (duplicate: {})", request.kind(), request.period(),
        result.get("manifestSha256"), result.get("duplicate"));
    return result;
  }

  /** The SnapStart warm-up registered by the constructors (tests call {@code prime()}). */
  Priming priming() {
    return priming;
  }

  /**
   * The deadline of the running invocation: the Lambda context of the current request, which
   * Micronaut registers as a bean before {@link #execute}; empty outside Lambda. (The bean stays
   * after the request; only a caller that mixes invocations with and without a context would see
   * an old one, whose remaining time a real context reports as zero or less: ignored.)
   */
  private Optional<Instant> deadline() {
    return getApplicationContext().findBean(Context.class)
        .map(Context::getRemainingTimeInMillis)
        .filter(remaining -> remaining > 0)
        .map(remaining -> Instant.now().plusMillis(remaining));
  }

  /**
   * Decodes the sample event with the JSON mapper requests are decoded with and reads it as a
   * request, renders the sample report in every format with its manifest, presigns a link, reads
   * a claim key that never exists, and encodes an answer.
   */
  private void warmUp() {
    var json = getApplicationContext().getBean(JsonMapper.class);
    try {
      var event = json.readValue(PrimingSample.EVENT.getBytes(StandardCharsets.UTF_8),
          Argument.mapOf(String.class, Object.class));
      var request = SummaryRequest.fromEvent(event, components.zone(),
          components.reviewPeriod(), LocalDate.now(components.zone()));
      components.summaries().prime(request.kind(), PrimingSample.report(request.period()));
      json.writeValueAsBytes(Map.of("summaryId", SummaryReady.idOf(request.kind(),
          request.period().id()), "duplicate", true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
