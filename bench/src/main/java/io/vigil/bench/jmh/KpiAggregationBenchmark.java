package io.vigil.bench.jmh;

import io.vigil.bench.PackEstate;
import io.vigil.domain.performance.MeasureResult;
import io.vigil.domain.performance.PerformanceEvaluator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * KPI aggregation: {@link PerformanceEvaluator#evaluate} — the nine measures of clause 9.1 — for
 * a quarter over {@value #RESULTS} latest check results and {@value #FINDINGS} findings
 * ({@link PackEstate}, in the domain's in-memory stores).
 *
 * <p>Budget: the management review pack must be measured, built and rendered within 2 s over
 * 1,000,000 results and 100,000 findings (issue 10); measuring grows with the data, so at a tenth
 * of it, measuring may take a tenth of that: 200 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KpiAggregationBenchmark {

  static final int RESULTS = 100_000;
  static final int FINDINGS = 10_000;

  private PerformanceEvaluator evaluator;

  @Setup
  public void seed() {
    evaluator = PackEstate.seed(FINDINGS, RESULTS).evaluator();
  }

  /** The quarter's measures. */
  @Benchmark
  @Budget(value = 200, why = "the pack's 2 s over 1M results and 100k findings, scaled to a"
      + " tenth of the data")
  public List<MeasureResult> evaluate() {
    return evaluator.evaluate(PackEstate.QUARTER);
  }
}
