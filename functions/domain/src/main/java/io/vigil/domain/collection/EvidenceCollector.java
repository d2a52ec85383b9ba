package io.vigil.domain.collection;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import io.vigil.domain.evidence.EvidenceDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs the check catalogue against scan targets: loads each service snapshot once per target (once
 * per account for global services), lets every check evaluate it, and turns observations into
 * results with their evidence. A snapshot that cannot be loaded, or a check that throws, yields an
 * ERROR result for its scope and the run goes on: an error is recorded, never dropped and never
 * shown as a pass.
 */
public final class EvidenceCollector {

  /** Services of one target read at once by default. */
  public static final int DEFAULT_SERVICE_CONCURRENCY = 4;

  private final List<EvidenceCheck<?>> checks;
  private final Map<Class<?>, SnapshotLoader<?>> loaders = new LinkedHashMap<>();
  private final int serviceConcurrency;

  public EvidenceCollector(List<? extends EvidenceCheck<?>> checks, List<? extends SnapshotLoader<?>> loaders) {
    this(checks, loaders, DEFAULT_SERVICE_CONCURRENCY);
  }

  /**
   * @param serviceConcurrency how many services of one target are read at once (1 = one after
   *     the other)
   */
  public EvidenceCollector(List<? extends EvidenceCheck<?>> checks,
      List<? extends SnapshotLoader<?>> loaders, int serviceConcurrency) {
    if (serviceConcurrency < 1) {
      throw new IllegalArgumentException("service concurrency must be at least 1");
    }
    this.serviceConcurrency = serviceConcurrency;
    var sorted = new ArrayList<EvidenceCheck<?>>(checks);
    sorted.sort(Comparator.comparing(c -> c.metadata().id()));
    this.checks = List.copyOf(sorted);
    var ids = new HashSet<CheckId>();
    for (var c : this.checks) {
      if (!ids.add(c.metadata().id())) {
        throw new IllegalArgumentException("check id " + c.metadata().id() + " is registered twice");
      }
    }
    for (var l : loaders) {
      if (this.loaders.put(l.snapshotType(), l) != null) {
        throw new IllegalArgumentException("two loaders for " + l.snapshotType().getSimpleName());
      }
    }
    for (var c : this.checks) {
      if (!this.loaders.containsKey(c.snapshotType())) {
        throw new IllegalArgumentException(
            "check " + c.metadata().id() + " needs a loader for " + c.snapshotType().getSimpleName());
      }
    }
  }

  public List<CheckMetadata> catalogue() {
    return checks.stream().map(EvidenceCheck::metadata).toList();
  }

  /** The services this collector reads, as its loaders name them (e.g. {@code ec2}). */
  public List<String> services() {
    return loaders.values().stream().map(SnapshotLoader::service).toList();
  }

  /**
   * A collector of the same kind over a part of the catalogue: the loaders whose service
   * {@code includes} accepts and the checks that depend on them (e.g. one service group's).
   */
  public EvidenceCollector restrictedTo(Predicate<String> includes) {
    var kept = loaders.values().stream().filter(l -> includes.test(l.service())).toList();
    var types = kept.stream().map(SnapshotLoader::snapshotType).collect(Collectors.toSet());
    var dependents = checks.stream().filter(c -> types.contains(c.snapshotType())).toList();
    return new EvidenceCollector(dependents, kept, serviceConcurrency);
  }

  /**
   * Evaluates every check for every target. Targets are visited in order; the first target of each
   * account is that account's home region, where account-scoped (global) services are evaluated.
   */
  public List<Evaluation> collect(
      List<ScanTarget> targets, String runId, Instant observedAt, ProgressListener progress) {
    return collect(targets, runId, observedAt, progress, null, true);
  }

  /**
   * Evaluates the checks for one target. {@code homeRegion} says whether account-scoped (global)
   * services are evaluated here; {@code change}, when not null, narrows the run to one changed
   * resource (see {@link ChangeScope}).
   */
  public List<Evaluation> collect(
      ScanTarget target, String runId, Instant observedAt, ProgressListener progress,
      ChangeScope change, boolean homeRegion) {
    return collect(List.of(target), runId, observedAt, progress, change, homeRegion);
  }

  private List<Evaluation> collect(
      List<ScanTarget> targets, String runId, Instant observedAt, ProgressListener progress,
      ChangeScope change, boolean firstTargetIsHome) {
    var out = new ArrayList<Evaluation>();
    var accountsSeen = new HashSet<String>();
    for (var target : targets) {
      boolean home = accountsSeen.add(target.accountId()) && firstTargetIsHome;
      var tasks = new ArrayList<Callable<List<Evaluation>>>();
      for (var loader : loaders.values()) {
        if (loader.scope() == SnapshotLoader.Scope.ACCOUNT && !home) {
          continue;
        }
        if (change != null && !change.coversService(loader.service())) {
          continue;
        }
        var dependents = checks.stream()
            .filter(c -> c.snapshotType() == loader.snapshotType())
            .filter(c -> change == null || change.coversResourceType(c.metadata().resourceType()))
            .toList();
        if (!dependents.isEmpty()) {
          tasks.add(() -> collectService(loader, dependents, target, runId, observedAt, progress,
              change));
        }
      }
      out.addAll(runAll(tasks));
    }
    return out;
  }

  /** One service of one target: load its snapshot once, let every dependent check judge it. */
  private static List<Evaluation> collectService(SnapshotLoader<?> loader,
      List<EvidenceCheck<?>> dependents, ScanTarget target, String runId, Instant observedAt,
      ProgressListener progress, ChangeScope change) {
    var out = new ArrayList<Evaluation>();
    progress.snapshotLoading(target, loader.service());
    Object snapshot;
    try {
      snapshot = loader.load(target);
    } catch (RuntimeException e) {
      var error = describe(e);
      progress.snapshotFailed(target, loader.service(), error);
      var arn = target.scopeArn(loader.service(), loader.scope() == SnapshotLoader.Scope.ACCOUNT);
      for (var check : dependents) {
        out.add(error(check.metadata(), target, runId, observedAt, arn,
            "could not read " + loader.service() + ": " + error));
      }
      return out;
    }
    for (var check : dependents) {
      var evaluated = new ArrayList<Evaluation>();
      evaluate(check, snapshot, target, runId, observedAt, loader, evaluated);
      if (change != null) {
        evaluated.removeIf(e -> !change.coversResource(e.result().resourceArn()));
      }
      out.addAll(evaluated);
      progress.checkEvaluated(target, check.metadata().id(), evaluated.size());
    }
    return out;
  }

  /**
   * Runs the services of a target concurrently (they are independent and I/O-bound: a target's
   * wall time becomes that of its slowest service, not the sum) and returns their evaluations in
   * service order, so results are deterministic.
   */
  private List<Evaluation> runAll(List<Callable<List<Evaluation>>> tasks) {
    if (tasks.isEmpty()) {
      return List.of();
    }
    if (serviceConcurrency == 1 || tasks.size() == 1) {
      var out = new ArrayList<Evaluation>();
      for (var task : tasks) {
        out.addAll(call(task));
      }
      return out;
    }
    var pool = Executors.newFixedThreadPool(Math.min(serviceConcurrency, tasks.size()), r -> {
      var t = new Thread(r, "vigil-service");
      t.setDaemon(true);
      return t;
    });
    try {
      var futures = new ArrayList<Future<List<Evaluation>>>();
      for (var task : tasks) {
        futures.add(pool.submit(task));
      }
      var out = new ArrayList<Evaluation>();
      for (var f : futures) {
        try {
          out.addAll(f.get());
        } catch (ExecutionException e) {
          var cause = e.getCause();
          throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while collecting", e);
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Evaluation> call(Callable<List<Evaluation>> task) {
    try {
      return task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <S> void evaluate(
      EvidenceCheck<S> check,
      Object snapshot,
      ScanTarget target,
      String runId,
      Instant observedAt,
      SnapshotLoader<?> loader,
      List<Evaluation> out) {
    var meta = check.metadata();
    List<Observation> observations;
    try {
      observations = check.evaluate((S) snapshot, target);
    } catch (RuntimeException e) {
      var arn = target.scopeArn(loader.service(), loader.scope() == SnapshotLoader.Scope.ACCOUNT);
      out.add(error(meta, target, runId, observedAt, arn, "check failed: " + describe(e)));
      return;
    }
    var seen = new HashSet<String>();
    for (var o : observations) {
      if (!seen.add(o.resourceArn())) {
        out.add(error(meta, target, runId, observedAt, o.resourceArn(),
            "check reported the resource twice in one run"));
        continue;
      }
      try {
        out.add(toEvaluation(meta, target, runId, observedAt, o));
      } catch (RuntimeException e) {
        // e.g. evidence that cannot be written as canonical JSON: record it, never drop it
        out.add(error(meta, target, runId, observedAt, o.resourceArn(),
            "evidence could not be recorded: " + describe(e)));
      }
    }
  }

  private static Evaluation error(
      CheckMetadata meta, ScanTarget target, String runId, Instant at, String arn, String reason) {
    var o = new Observation(arn, CheckStatus.ERROR, reason, Map.of("error", reason));
    return toEvaluation(meta, target, runId, at, o);
  }

  private static Evaluation toEvaluation(
      CheckMetadata meta, ScanTarget target, String runId, Instant at, Observation o) {
    var doc = new EvidenceDocument(meta.id(), target.accountId(), target.region(), o.resourceArn(),
        meta.resourceType(), o.evidence());
    var result = new CheckResult(runId, meta.id(), o.status(), target.accountId(), target.region(),
        o.resourceArn(), meta.resourceType(), meta.controlIds(), meta.severity(), at, doc.sha256(),
        o.reason());
    return new Evaluation(meta, result, doc);
  }

  private static String describe(RuntimeException e) {
    var msg = e.getMessage();
    var name = e.getClass().getSimpleName();
    return msg == null || msg.isBlank() ? name : name + ": " + firstLine(msg);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    var line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 500 ? line.substring(0, 500) + "..." : line;
  }
}
