package io.vigil.domain.collection;

import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Objects;

/**
 * Use case: collect evidence for a run and record it. Idempotent: a run that already completed is
 * not repeated, and every write of a run (content-addressed evidence, results keyed by run and
 * subject, at most one open finding per subject) can be redone safely after a crash.
 */
public final class CollectionService {

  /** What {@link #run} did: the summary, and whether the run had already completed before. */
  public record Outcome(RunSummary summary, boolean duplicate) {}

  private final EvidenceCollector collector;
  private final EvidenceVault vault;
  private final ResultRepository results;
  private final FindingRepository findings;
  private final RunRepository runs;
  private final FindingPolicy policy;
  private final Clock clock;

  public CollectionService(
      EvidenceCollector collector,
      EvidenceVault vault,
      ResultRepository results,
      FindingRepository findings,
      RunRepository runs,
      FindingPolicy policy,
      Clock clock) {
    this.collector = Objects.requireNonNull(collector);
    this.vault = Objects.requireNonNull(vault);
    this.results = Objects.requireNonNull(results);
    this.findings = Objects.requireNonNull(findings);
    this.runs = Objects.requireNonNull(runs);
    this.policy = Objects.requireNonNull(policy);
    this.clock = Objects.requireNonNull(clock);
  }

  public Outcome run(CollectionRequest request, ProgressListener progress) {
    var startedAt = clock.now();
    var start = runs.start(request.runId(), request.trigger(), startedAt);
    if (start instanceof RunRepository.Start.AlreadyCompleted done) {
      return new Outcome(done.summary(), true);
    }
    var evaluations = collector.collect(request.targets(), request.runId(), startedAt, progress);

    var stored = new HashSet<String>();
    for (var e : evaluations) {
      var hash = e.result().evidenceSha256();
      if (stored.add(hash.hex())) {
        var address = vault.put(e.evidence().canonicalBytes());
        if (!address.equals(hash)) {
          throw new IllegalStateException("vault stored evidence under " + address + ", expected " + hash);
        }
      }
    }
    var resultList = new ArrayList<CheckResult>(evaluations.size());
    evaluations.forEach(e -> resultList.add(e.result()));
    results.saveAll(resultList);

    int opened = 0;
    var counts = new EnumMap<CheckStatus, Integer>(CheckStatus.class);
    for (var e : evaluations) {
      counts.merge(e.result().status(), 1, Integer::sum);
      if (e.result().status() == CheckStatus.FAIL
          && findings.openIfNoneOpen(policy.findingFor(e.check(), e.result()))) {
        opened++;
      }
    }
    progress.recorded(resultList.size(), opened);
    var summary = new RunSummary(request.runId(), request.trigger(), startedAt, clock.now(),
        request.targets().size(), counts, opened, stored.size());
    runs.complete(summary);
    return new Outcome(summary, false);
  }
}
