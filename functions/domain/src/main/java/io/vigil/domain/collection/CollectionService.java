package io.vigil.domain.collection;

import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.evidence.EvidenceLedger;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.evidence.RunManifest;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.finding.FindingRepository.FailureOutcome;
import io.vigil.domain.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Use case: collect evidence and record it. A run is split into units (account × region), each
 * collected, recorded and retried on its own. Everything is idempotent: a completed run or unit is
 * not repeated, and every write of a unit (content-addressed evidence, results keyed by run and
 * subject, one open finding per subject) can be redone safely after a crash.
 *
 * <p>Per unit: evidence objects first, then the results that differ from the latest ones (delta
 * writes: an unchanged result writes nothing), then the finding lifecycle (a failure opens a finding
 * or moves its last-seen time, a pass after a failure marks the evidence recovered, a failure after
 * closure opens a linked new finding), then the unit's manifest (every result, changed or not) is
 * recorded in the hash-chained evidence ledger, and the unit is marked complete.
 *
 * <p>Service groups: a unit names the service group whose checks it evaluates (or
 * {@link CollectionUnit#ALL_GROUPS}), and is evaluated by this service's collector for that group;
 * a unit of a group this service has no collector for is refused before anything is written. The
 * finding lifecycle of a unit is driven only by the results of the checks the unit evaluated (each
 * keyed by its subject: account, check, resource), so a unit of one group never moves, recovers or
 * closes a finding of another group's check.
 *
 * <p>Claims: a run, and each unit, is claimed until the deadline of the invocation that collects
 * it ({@link RunRepository}). A copy of the trigger that arrives while another invocation holds
 * the claim fails with {@link RunInProgressException} before it writes or sends anything, so that
 * its trigger retries it; so two concurrent copies collect, record and announce a run once. A run
 * or unit that fails gives its claim up at once (a retry need not wait for the deadline); one
 * whose invocation crashed is claimed again once its deadline has passed.
 */
public final class CollectionService {

  /**
   * How long a claim lasts when the caller has no invocation deadline (the CLI, tests): the
   * longest a Lambda invocation runs.
   */
  public static final Duration DEFAULT_CLAIM = Duration.ofMinutes(15);

  /** Evidence documents handed to the vault per {@link EvidenceVault#putAll}. */
  static final int EVIDENCE_CHUNK = 500;

  /** What {@link #collectUnit} did. */
  public record UnitOutcome(
      CollectionUnit unit, RunSummary summary, boolean duplicate, List<CheckResult> results,
      int resultsWritten, List<Finding> opened, List<CheckResult> recovered) {
    public UnitOutcome {
      results = List.copyOf(results);
      opened = List.copyOf(opened);
      recovered = List.copyOf(recovered);
    }

    public int findingsRecovered() {
      return recovered.size();
    }
  }

  /** What {@link #run} did: the run's summary, whether it had completed before, and its units. */
  public record RunOutcome(RunSummary summary, boolean duplicate, int dispatched,
      List<UnitOutcome> units) {
    public RunOutcome {
      units = List.copyOf(units);
    }

    /** Every result of the units collected in this process. */
    public List<CheckResult> results() {
      return units.stream().flatMap(u -> u.results().stream()).toList();
    }
  }

  private final Map<String, EvidenceCollector> collectors;
  private final EvidenceVault vault;
  private final ResultRepository results;
  private final FindingRepository findings;
  private final RunRepository runs;
  private final FindingPolicy policy;
  private final EvidenceLedger ledger;
  private final Clock clock;

  /** A service with one collector, which evaluates units of {@link CollectionUnit#ALL_GROUPS}. */
  public CollectionService(
      EvidenceCollector collector,
      EvidenceVault vault,
      ResultRepository results,
      FindingRepository findings,
      RunRepository runs,
      FindingPolicy policy,
      EvidenceLedger ledger,
      Clock clock) {
    this(Map.of(CollectionUnit.ALL_GROUPS, Objects.requireNonNull(collector)), vault, results,
        findings, runs, policy, ledger, clock);
  }

  /**
   * A service with one collector per service group it evaluates.
   *
   * @param collectors by service group; must hold {@link CollectionUnit#ALL_GROUPS}, the collector
   *     of every group this service evaluates
   */
  public CollectionService(
      Map<String, EvidenceCollector> collectors,
      EvidenceVault vault,
      ResultRepository results,
      FindingRepository findings,
      RunRepository runs,
      FindingPolicy policy,
      EvidenceLedger ledger,
      Clock clock) {
    if (!collectors.containsKey(CollectionUnit.ALL_GROUPS)) {
      throw new IllegalArgumentException("collectors must include one for service group '"
          + CollectionUnit.ALL_GROUPS + "', got " + collectors.keySet());
    }
    this.collectors = Map.copyOf(collectors);
    this.vault = Objects.requireNonNull(vault);
    this.results = Objects.requireNonNull(results);
    this.findings = Objects.requireNonNull(findings);
    this.runs = Objects.requireNonNull(runs);
    this.policy = Objects.requireNonNull(policy);
    this.ledger = Objects.requireNonNull(ledger);
    this.clock = Objects.requireNonNull(clock);
  }

  /** The collector of every group this service evaluates. */
  public EvidenceCollector collector() {
    return collectors.get(CollectionUnit.ALL_GROUPS);
  }

  /** The service groups this service evaluates units of, sorted ({@code all} included). */
  public SortedSet<String> serviceGroups() {
    return new TreeSet<>(collectors.keySet());
  }

  /**
   * {@link #run(CollectionRequest, UnitDispatcher, Instant)} claiming for {@link #DEFAULT_CLAIM}.
   */
  public RunOutcome run(CollectionRequest request, UnitDispatcher dispatcher) {
    return run(request, dispatcher, clock.now().plus(DEFAULT_CLAIM));
  }

  /**
   * Starts a run: claims its id until {@code claimedUntil} (a re-delivered trigger finds it
   * completed and changes nothing), splits it into units and hands them to {@code dispatcher}.
   *
   * @param claimedUntil the deadline of this invocation
   * @throws RunInProgressException if another invocation holds the run's claim (nothing done)
   */
  public RunOutcome run(CollectionRequest request, UnitDispatcher dispatcher,
      Instant claimedUntil) {
    var startedAt = clock.now();
    var start = runs.start(request.runId(), request.trigger(), startedAt, claimedUntil);
    if (start instanceof RunRepository.Start.AlreadyCompleted done) {
      return new RunOutcome(done.summary(), true, 0, List.of());
    }
    if (start instanceof RunRepository.Start.Held held) {
      throw new RunInProgressException(request.runId(), held.claimedUntil());
    }
    try {
      return collectRun(request, dispatcher, startedAt);
    } catch (RuntimeException e) {
      release(request.runId(), claimedUntil, e);
      throw e;
    }
  }

  private RunOutcome collectRun(CollectionRequest request, UnitDispatcher dispatcher,
      Instant startedAt) {
    var units = request.units();
    var dispatch = dispatcher.dispatch(units);
    var counts = new EnumMap<CheckStatus, Integer>(CheckStatus.class);
    int opened = 0;
    int objects = 0;
    for (var unit : dispatch.completed()) {
      unit.summary().counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
      opened += unit.summary().findingsOpened();
      objects += unit.summary().evidenceObjects();
    }
    var summary = new RunSummary(request.runId(), request.trigger(), startedAt, clock.now(),
        units.size(), counts, opened, objects);
    runs.complete(summary);
    return new RunOutcome(summary, false, dispatch.dispatched(), dispatch.completed());
  }

  /**
   * {@link #collectUnit(CollectionUnit, ProgressListener, Instant)} claiming for
   * {@link #DEFAULT_CLAIM}.
   */
  public UnitOutcome collectUnit(CollectionUnit unit, ProgressListener progress) {
    return collectUnit(unit, progress, clock.now().plus(DEFAULT_CLAIM));
  }

  /**
   * Collects and records one unit, claimed until {@code claimedUntil}. Safe to call again for the
   * same unit.
   *
   * @param claimedUntil the deadline of this invocation
   * @throws RunInProgressException if another invocation holds the unit's claim (nothing done)
   */
  public UnitOutcome collectUnit(CollectionUnit unit, ProgressListener progress,
      Instant claimedUntil) {
    var collector = collectors.get(unit.serviceGroup());
    if (collector == null) {
      // refused before the claim: nothing is written, the message is retried or dead-lettered
      throw new IllegalArgumentException("unit " + unit.unitId() + " is of service group '"
          + unit.serviceGroup() + "', which this function does not evaluate (it evaluates "
          + serviceGroups() + ")");
    }
    var startedAt = clock.now();
    var start = runs.start(unit.unitId(), unit.trigger(), startedAt, claimedUntil);
    if (start instanceof RunRepository.Start.AlreadyCompleted done) {
      return new UnitOutcome(unit, done.summary(), true, List.of(), 0, List.of(), List.of());
    }
    if (start instanceof RunRepository.Start.Held held) {
      throw new RunInProgressException(unit.unitId(), held.claimedUntil());
    }
    try {
      return collectClaimedUnit(unit, collector, progress, startedAt);
    } catch (RuntimeException e) {
      release(unit.unitId(), claimedUntil, e);
      throw e;
    }
  }

  /** Gives up a failed run's or unit's claim; a failure to do so is added to {@code failure}. */
  private void release(String runId, Instant claimedUntil, RuntimeException failure) {
    try {
      runs.release(runId, claimedUntil);
    } catch (RuntimeException e) {
      // the claim then lasts until its deadline, as after a crash
      failure.addSuppressed(e);
    }
  }

  private UnitOutcome collectClaimedUnit(CollectionUnit unit, EvidenceCollector collector,
      ProgressListener progress, Instant startedAt) {
    var evaluations = collector.collect(unit.target(), unit.runId(), startedAt, progress,
        unit.change(), unit.homeRegion());

    var all = evaluations.stream().map(Evaluation::result).toList();
    var previous = results.findLatest(all.stream().map(CheckResult::subjectKey).toList());

    // evidence first; what the latest result already points at is in the vault (verify checks it)
    var stored = new HashSet<String>();
    var toStore = new ArrayList<Evaluation>();
    for (var e : evaluations) {
      var hash = e.result().evidenceSha256();
      var before = previous.get(e.result().subjectKey());
      if (before != null && before.evidenceSha256().equals(hash)) {
        continue;
      }
      if (stored.add(hash.hex())) {
        toStore.add(e);
      }
    }
    storeEvidence(toStore);

    var changed = all.stream().filter(r -> differs(previous.get(r.subjectKey()), r)).toList();
    results.saveAll(changed);

    // the lifecycle follows this unit's own results only: subjects of the checks it evaluated
    var failures = new ArrayList<FindingRepository.Failure>();
    var recovered = new ArrayList<CheckResult>();
    var counts = new EnumMap<CheckStatus, Integer>(CheckStatus.class);
    for (var e : evaluations) {
      var r = e.result();
      counts.merge(r.status(), 1, Integer::sum);
      if (r.status() == CheckStatus.FAIL) {
        failures.add(new FindingRepository.Failure(policy.findingFor(e.check(), r),
            r.observedAt()));
      } else if (r.status() == CheckStatus.PASS && wasNotPassing(previous, r)
          && findings.recordRecovery(r.subjectKey(), r.observedAt())) {
        recovered.add(r);
      }
    }
    // one call for the unit's failures: the repository reads their subjects in batches
    var outcomes = findings.recordFailures(failures);
    var openedFindings = new ArrayList<Finding>();
    for (int i = 0; i < failures.size(); i++) {
      if (outcomes.get(i) != FailureOutcome.STILL_OPEN) {
        openedFindings.add(failures.get(i).proposed());
      }
    }
    int opened = openedFindings.size();
    ledger.record(RunManifest.of(unit.unitId(), unit.runId(), unit.trigger(), unit.target(),
        startedAt, all));
    progress.recorded(all.size(), opened);
    var summary = new RunSummary(unit.unitId(), unit.trigger(), startedAt, clock.now(), 1, counts,
        opened, stored.size());
    runs.complete(summary);
    return new UnitOutcome(unit, summary, false, all, changed.size(), openedFindings, recovered);
  }

  /**
   * Puts the evidence of {@code evaluations} into the vault, {@value #EVIDENCE_CHUNK} documents per
   * {@link EvidenceVault#putAll} (which may store them concurrently; the chunks bound the canonical
   * bytes held at once), and checks that each was stored under its hash.
   */
  private void storeEvidence(List<Evaluation> evaluations) {
    for (int from = 0; from < evaluations.size(); from += EVIDENCE_CHUNK) {
      var chunk = evaluations.subList(from, Math.min(from + EVIDENCE_CHUNK, evaluations.size()));
      var addresses = vault.putAll(chunk.stream().map(e -> e.evidence().canonicalBytes()).toList());
      for (int i = 0; i < chunk.size(); i++) {
        var hash = chunk.get(i).result().evidenceSha256();
        var address = addresses.get(i);
        if (!address.equals(hash)) {
          throw new IllegalStateException("vault stored evidence under " + address + ", expected "
              + hash);
        }
      }
    }
  }

  /** A result is written when it is new or differs in what it says (not merely when observed). */
  static boolean differs(CheckResult latest, CheckResult now) {
    return latest == null
        || latest.status() != now.status()
        || !latest.evidenceSha256().equals(now.evidenceSha256())
        || !latest.reason().equals(now.reason())
        || !latest.controls().equals(now.controls())
        || latest.severity() != now.severity();
  }

  private static boolean wasNotPassing(Map<String, CheckResult> previous, CheckResult now) {
    var before = previous.get(now.subjectKey());
    return before != null && before.status() != CheckStatus.PASS;
  }

  /** Convenience for callers that collect in this process: a bounded local thread pool. */
  public RunOutcome run(CollectionRequest request, int concurrency, ProgressListener progress) {
    var claimedUntil = clock.now().plus(DEFAULT_CLAIM);
    return run(request, new LocalUnitDispatcher(this, concurrency, progress, claimedUntil),
        claimedUntil);
  }
}
