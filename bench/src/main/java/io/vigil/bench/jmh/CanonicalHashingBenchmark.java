package io.vigil.bench.jmh;

import io.vigil.domain.check.CheckResult;
import io.vigil.domain.collection.Evaluation;
import io.vigil.domain.evidence.EvidenceDocument;
import io.vigil.domain.evidence.LedgerEntry;
import io.vigil.domain.evidence.RunManifest;
import io.vigil.domain.evidence.Sha256;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Canonical JSON and SHA-256, as the evidence vault and the ledger use them: every evidence
 * document of the {@link CollectedEstate} (the real mix: security groups, buckets, users, keys...)
 * written canonically and hashed; and a unit's run manifest of {@value #MANIFEST_RESULTS}
 * results, hashed and chained into a ledger entry.
 *
 * <p>Budget: 1 % of the 60 s collection budget over the 12,462 results (each with one evidence
 * document and one manifest line) of the 5,000-resource estate: 600 ms / 12,462 = 48 µs per
 * document, and as much per manifest line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CanonicalHashingBenchmark {

  /** Results listed by the manifest of {@link #runManifest}. */
  static final int MANIFEST_RESULTS = 1_000;

  private EvidenceDocument[] documents;
  private List<CheckResult> manifestResults;
  private LedgerEntry previous;
  private int next;

  @Setup
  public void collect() {
    var evaluations = CollectedEstate.open().evaluations();
    documents = evaluations.stream().map(Evaluation::evidence).toArray(EvidenceDocument[]::new);
    if (evaluations.size() < MANIFEST_RESULTS) {
      throw new IllegalStateException("the estate yields only " + evaluations.size()
          + " results");
    }
    manifestResults = evaluations.stream().limit(MANIFEST_RESULTS).map(Evaluation::result)
        .toList();
    var first = RunManifest.of("run-0#123456789012#eu-west-1", "run-0", "schedule:hourly",
        CollectedEstate.TARGET, CollectedEstate.OBSERVED_AT, List.of());
    previous = LedgerEntry.next(null, first, first.sha256(), CollectedEstate.OBSERVED_AT);
  }

  /** One evidence document (the next of the estate's, in turn) to canonical JSON and SHA-256. */
  @Benchmark
  @Budget(value = 48, why = "1 % of the 60 s collection budget over the 12,462 evidence"
      + " documents of 5,000 resources")
  public Sha256 evidenceDocument() {
    var document = documents[next];
    next = next + 1 == documents.length ? 0 : next + 1;
    return document.sha256();
  }

  /**
   * A unit's run manifest: built (sorted), written canonically, hashed, and chained into the
   * ledger; per listed result.
   */
  @Benchmark
  @OperationsPerInvocation(MANIFEST_RESULTS)
  @Budget(value = 48, why = "1 % of the 60 s collection budget over the 12,462 manifest lines"
      + " of 5,000 resources")
  public LedgerEntry runManifest() {
    var manifest = RunManifest.of("run-1#123456789012#eu-west-1", "run-1", "schedule:hourly",
        CollectedEstate.TARGET, CollectedEstate.OBSERVED_AT, manifestResults);
    return LedgerEntry.next(previous, manifest, manifest.sha256(), CollectedEstate.OBSERVED_AT);
  }
}
