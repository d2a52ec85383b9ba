package io.vigil.bench.jmh;

import io.micronaut.context.BeanContext;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.bench.EstateSeeder;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.SnapshotLoader;
import io.vigil.domain.collection.Evaluation;
import io.vigil.domain.collection.EvidenceCollector;
import io.vigil.domain.collection.ProgressListener;
import io.vigil.emulator.MotoServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A collected snapshot of a synthetic estate: {@value #RESOURCES} resources (the mix of
 * {@link EstateSeeder}, every fifth misconfigured) in one account and region, read once through
 * the catalogue's real snapshot loaders from moto, then held in memory so that benchmarks
 * measure evaluation alone. The check catalogue and loaders are the Micronaut beans the Lambda
 * uses.
 *
 * <p>{@link JmhSuite} seeds the estate once and passes the emulator's endpoint to the forked
 * benchmark JVMs in the system property {@value #ENDPOINT_PROPERTY}; without it (a benchmark run
 * on its own) the estate is seeded in a moto_server of its own.
 */
public final class CollectedEstate {

  /** System property: the endpoint of an emulator that already holds the estate. */
  public static final String ENDPOINT_PROPERTY = "vigil.bench.jmh.endpoint";

  /** Resources in the estate: one account x region unit of a realistic size. */
  public static final int RESOURCES = 1_000;

  /** The one region of the estate (and the account's home region: global services too). */
  public static final String REGION = "eu-west-1";

  /** moto's account in its home region: one collection unit. */
  public static final ScanTarget TARGET = new ScanTarget("123456789012", REGION);

  /** When the benchmarks' results are observed. */
  public static final Instant OBSERVED_AT = Instant.parse("2027-03-01T06:00:00Z");

  private final List<EvidenceCheck<?>> checks;
  private final List<Loaded<?>> loaded;
  private final Map<Class<?>, Object> snapshots = new LinkedHashMap<>();

  private CollectedEstate(List<EvidenceCheck<?>> checks, List<Loaded<?>> loaded) {
    this.checks = List.copyOf(checks);
    this.loaded = List.copyOf(loaded);
    loaded.forEach(l -> snapshots.put(l.snapshotType(), l.snapshot()));
  }

  /** Seeds the estate into the emulator at {@code endpoint}. */
  public static void seed(String endpoint) {
    try (var clients = new AwsClientFactory(AwsSettings.emulator(endpoint, REGION))) {
      new EstateSeeder(clients, List.of(REGION), 6).seed(RESOURCES);
    }
  }

  /**
   * The estate collected from the emulator named by {@value #ENDPOINT_PROPERTY}, or from a
   * moto_server started, seeded and stopped here when the property is not set.
   */
  public static CollectedEstate open() {
    var endpoint = System.getProperty(ENDPOINT_PROPERTY);
    if (endpoint != null && !endpoint.isBlank()) {
      return load(endpoint);
    }
    try (var moto = MotoServer.start()) {
      seed(moto.endpoint());
      return load(moto.endpoint());
    }
  }

  /** Reads every snapshot of {@link #TARGET} through the catalogue's loaders, four at a time. */
  static CollectedEstate load(String endpoint) {
    long start = System.nanoTime();
    var context = BeanContext.build();
    try (var clients = new AwsClientFactory(AwsSettings.emulator(endpoint, REGION))) {
      context.registerSingleton(AwsClientFactory.class, clients);
      context.start();
      var checks = new ArrayList<EvidenceCheck<?>>();
      for (EvidenceCheck<?> c : context.getBeansOfType(EvidenceCheck.class)) {
        checks.add(c);
      }
      var pool = Executors.newFixedThreadPool(4);
      try {
        var futures = new ArrayList<Future<Loaded<?>>>();
        for (SnapshotLoader<?> l : context.getBeansOfType(SnapshotLoader.class)) {
          futures.add(pool.submit(() -> Loaded.of(l, TARGET)));
        }
        var loaded = new ArrayList<Loaded<?>>();
        for (var f : futures) {
          loaded.add(f.get());
        }
        System.out.printf(java.util.Locale.ROOT, "%n%d snapshots of %s read in %.1f s%n",
            loaded.size(), TARGET, (System.nanoTime() - start) / 1e9);
        return new CollectedEstate(checks, loaded);
      } catch (ExecutionException e) {
        throw new IllegalStateException("could not load a snapshot: " + e.getCause(),
            e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while loading snapshots", e);
      } finally {
        pool.shutdownNow();
      }
    } finally {
      context.close();
    }
  }

  /** The check catalogue. */
  public List<EvidenceCheck<?>> checks() {
    return checks;
  }

  /** The loaders, each answering its snapshot from memory. */
  public List<Loaded<?>> loaders() {
    return loaded;
  }

  /** Lets {@code check} judge its snapshot (the check part of evaluation only). */
  public List<Observation> evaluate(EvidenceCheck<?> check) {
    return evaluate(check, snapshots.get(check.snapshotType()));
  }

  private static <S> List<Observation> evaluate(EvidenceCheck<S> check, Object snapshot) {
    return check.evaluate(check.snapshotType().cast(snapshot), TARGET);
  }

  /** A collector over the in-memory snapshots, one service at a time (CPU only, one thread). */
  public EvidenceCollector collector() {
    return new EvidenceCollector(checks, loaded, 1);
  }

  /** Everything the collector makes of the estate: results with their evidence documents. */
  public List<Evaluation> evaluations() {
    return collector().collect(List.of(TARGET), "run-bench", OBSERVED_AT, ProgressListener.SILENT);
  }

  /**
   * A loader that answers a snapshot read earlier.
   *
   * @param <S> the snapshot type
   */
  public record Loaded<S>(SnapshotLoader<S> loader, S snapshot) implements SnapshotLoader<S> {

    static <S> Loaded<S> of(SnapshotLoader<S> loader, ScanTarget target) {
      return new Loaded<>(loader, loader.load(target));
    }

    @Override
    public Class<S> snapshotType() {
      return loader.snapshotType();
    }

    @Override
    public String service() {
      return loader.service();
    }

    @Override
    public Scope scope() {
      return loader.scope();
    }

    @Override
    public S load(ScanTarget target) {
      return snapshot;
    }
  }
}
