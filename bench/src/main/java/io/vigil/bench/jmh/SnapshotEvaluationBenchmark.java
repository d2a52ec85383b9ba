package io.vigil.bench.jmh;

import io.vigil.domain.collection.Evaluation;
import io.vigil.domain.collection.EvidenceCollector;
import io.vigil.domain.collection.ProgressListener;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Evaluation of a collected snapshot by the check catalogue: the {@link CollectedEstate} of
 * 1,000 resources in one unit (all 15 services, global ones included), judged by every check.
 *
 * <p>Budget: the collection target is 5,000 resources in 60 s, and Vigil's own CPU may use at most
 * 10 % of it; each of the collection's CPU hot paths gets 1 % of the 60 s. Evaluating 5,000
 * resources may so take 600 ms: 120 ms for these 1,000. {@link #collect} also builds every
 * result's evidence document and hashes it (the evidence hot path's own 1 %, see
 * {@link CanonicalHashingBenchmark}): 240 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SnapshotEvaluationBenchmark {

  private CollectedEstate estate;
  private EvidenceCollector collector;

  @Setup
  public void collectSnapshots() {
    estate = CollectedEstate.open();
    collector = estate.collector();
    int results = estate.evaluations().size();
    if (results < CollectedEstate.RESOURCES) {
      throw new IllegalStateException("the estate yields only " + results + " results");
    }
  }

  /** Every check judges its snapshot: the observations, without evidence documents. */
  @Benchmark
  @Budget(value = 120, why = "5,000 resources in <= 1 % of the 60 s collection budget:"
      + " 120 ms per 1,000")
  public int checks(Blackhole blackhole) {
    int observations = 0;
    for (var check : estate.checks()) {
      var judged = estate.evaluate(check);
      observations += judged.size();
      blackhole.consume(judged);
    }
    return observations;
  }

  /**
   * The whole evaluation of a unit as the Lambda does it without I/O: every check, each
   * observation turned into a result with its evidence document and SHA-256.
   */
  @Benchmark
  @Budget(value = 240, why = "evaluation and evidence hashing of 5,000 resources, 1 % of the"
      + " 60 s budget each: 240 ms per 1,000")
  public List<Evaluation> collect() {
    return collector.collect(List.of(CollectedEstate.TARGET), "run-bench",
        CollectedEstate.OBSERVED_AT, ProgressListener.SILENT);
  }
}
