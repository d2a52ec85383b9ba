package io.vigil.bench;

import io.micronaut.context.ApplicationContext;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.collection.ProgressListener;
import io.vigil.emulator.MotoServer;
import io.vigil.functions.collectevidence.CollectEvidenceHandler;
import io.vigil.functions.collectevidence.StorageSetup;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * The benchmark: starts moto_server (or uses {@code --endpoint}), seeds a synthetic estate of
 * {@code --resources} resources (default 5,000) with {@link EstateSeeder}, then runs a full
 * scheduled collection twice in-process, exactly as the Lambda handler does without a fan-out
 * queue: a first run into an empty table, and a second run over the unchanged estate. Prints
 * Markdown tables: wall time, throughput, AWS requests by service and operation, time with a
 * request to the emulator in flight, CPU of this JVM and of moto, CPU samples by code owner (JFR),
 * and heap.
 *
 * <p>Options: {@code --resources N}, {@code --regions a,b}, {@code --concurrency N} (units collected
 * at once), {@code --seed-threads N}, {@code --endpoint URL}, {@code --jfr-dir DIR} (keep the
 * recordings), {@code --runs N} (default 2), {@code --results-file FILE} (also write the figures of
 * issue 10 there, see {@link CollectionFigures}, and the monthly cost of hourly runs like the last
 * one, see {@link CostModel}), {@code --coldstart-results FILE} (the cold-start part's results:
 * the INIT durations of the cost model).
 */
public final class Bench {

  private Bench() {}

  /** One measured collection run. */
  record Run(
      int number, Duration wall, int results, Map<CheckStatus, Long> byStatus, int resultsWritten,
      int findingsOpened, int evidenceObjects, int units, Map<String, RequestStats.Op> requests,
      long allCalls, long roundTripNanos, long inFlightNanos,
      long jvmCpuNanos, long motoCpuNanos, CpuProfile.Samples samples, long poolPeaks,
      long maxBeforeGc, long maxAfterGc, long gcCount, long gcMillis, List<String> errors,
      Map<String, Long> resultsByService, Duration unitTime) {}

  public static void main(String[] args) throws Exception {
    var opts = options(args);
    int resources = Integer.parseInt(opts.getOrDefault("resources", "5000"));
    var regions = Arrays.asList(opts.getOrDefault("regions", "eu-west-1,us-east-1").split(","));
    int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "4"));
    int seedThreads = Integer.parseInt(opts.getOrDefault("seed-threads", "6"));
    int runs = Integer.parseInt(opts.getOrDefault("runs", "2"));
    var jfrDir = opts.get("jfr-dir");
    if (jfrDir != null) {
      Files.createDirectories(Path.of(jfrDir));
    }

    var heap = new HeapMonitor();
    MotoServer moto = opts.containsKey("endpoint") ? null : MotoServer.start();
    var endpoint = moto != null ? moto.endpoint() : opts.get("endpoint");
    try {
      System.out.printf(Locale.ROOT, "# Vigil benchmark%n%n");
      System.out.printf(Locale.ROOT, "- endpoint: %s (%s)%n", endpoint,
          moto != null ? "moto_server started by the bench" : "external");
      System.out.printf(Locale.ROOT, "- JVM: %s %s, %d processors, max heap %d MiB, GC %s%n",
          System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
          Runtime.getRuntime().availableProcessors(), HeapMonitor.maxHeap() >> 20,
          ManagementFactory.getGarbageCollectorMXBeans().stream().map(g -> g.getName())
              .collect(Collectors.joining(", ")));
      System.out.printf(Locale.ROOT, "- JVM flags: %s%n",
          String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
      System.out.printf(Locale.ROOT, "- regions: %s, in-process concurrency %d%n%n", regions,
          concurrency);

      // 1. seed
      var seedClients = new AwsClientFactory(AwsSettings.emulator(endpoint, regions.get(0)));
      RequestStats.INSTANCE.reset();
      long seedStart = System.nanoTime();
      var mix = new EstateSeeder(seedClients, regions, seedThreads).seed(resources);
      var seedTime = Duration.ofNanos(System.nanoTime() - seedStart);
      System.out.printf(Locale.ROOT, "## Estate%n%n| kind | count |%n|---|---:|%n");
      mix.forEach((k, n) -> System.out.printf(Locale.ROOT, "| %s | %,d |%n",
          k.name().toLowerCase(Locale.ROOT), n));
      System.out.printf(Locale.ROOT, "| **total** | **%,d** |%n%n", resources);
      System.out.printf(Locale.ROOT, "Seeded in %.1f s with %,d API calls (%d threads).%n%n",
          seedTime.toMillis() / 1000.0, RequestStats.INSTANCE.calls(), seedThreads);
      seedClients.close();

      // 2. the function, in-process
      var props = new HashMap<String, Object>();
      props.put("vigil.aws.endpoint-url", endpoint);
      props.put("vigil.aws.region", regions.get(0));
      props.put("vigil.aws.access-key-id", "test");
      props.put("vigil.aws.secret-access-key", "test");
      props.put("vigil.table-name", "vigil-bench");
      props.put("vigil.evidence-bucket", "vigil-bench-evidence");
      props.put("vigil.regions", String.join(",", regions));
      props.put("vigil.collect.concurrency", Integer.toString(concurrency));
      long contextStart = System.nanoTime();
      var measured = new ArrayList<Run>();
      try (var handler = new CollectEvidenceHandler(ApplicationContext.builder().properties(props))) {
        handler.getApplicationContext().getBean(StorageSetup.class).initialize();
        System.out.printf(Locale.ROOT, "Application context and storage ready in %.1f s "
            + "(not part of the runs).%n%n", (System.nanoTime() - contextStart) / 1e9);
        for (int i = 1; i <= runs; i++) {
          measured.add(run(handler, i, heap, jfrDir));
          System.out.printf(Locale.ROOT, "run %d done: %.1f s, %,d results%n", i,
              measured.get(i - 1).wall().toMillis() / 1000.0, measured.get(i - 1).results());
        }
      }
      System.out.println();
      Report.print(resources, measured);
      if (opts.containsKey("results-file")) {
        var figures = new ArrayList<>(CollectionFigures.of(resources, regions.size(), measured));
        if (measured.size() > 1) {
          figures.addAll(CostModel.figures(measured.get(measured.size() - 1), regions.size(),
              opts.containsKey("coldstart-results") ? Path.of(opts.get("coldstart-results"))
                  : null));
        }
        ResultsJson.write(Path.of(opts.get("results-file")), figures);
      }
    } finally {
      if (moto != null) {
        moto.close();
      }
    }
  }

  private static Run run(CollectEvidenceHandler handler, int number, HeapMonitor heap,
      String jfrDir) {
    var errors = new ConcurrentLinkedQueue<String>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void snapshotFailed(ScanTarget target, String service, String error) {
        errors.add(target + " " + service + ": " + error);
      }
    };
    var event = scheduledEvent("2026-11-28T%02d:00:00Z".formatted(number));
    System.gc();
    heap.reset();
    RequestStats.INSTANCE.reset();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long moto0 = motoCpuNanos();
    var profile = new CpuProfile();
    profile.start();
    long t0 = System.nanoTime();
    var collected = handler.collect(event, listener);
    long t1 = System.nanoTime();
    var samples = profile.stop(jfrDir == null ? null : Path.of(jfrDir, "run-" + number + ".jfr"));
    long cpu = os.getProcessCpuTime() - cpu0;
    long motoCpu = motoCpuNanos() - moto0;
    var stats = RequestStats.INSTANCE;
    List<CheckResult> results = collected.outcome().results();
    var byStatus = results.stream().collect(Collectors.groupingBy(CheckResult::status,
        () -> new java.util.EnumMap<>(CheckStatus.class), Collectors.counting()));
    var byService = results.stream().collect(Collectors.groupingBy(
        r -> r.checkId().value().substring(0, r.checkId().value().indexOf('_')), TreeMap::new,
        Collectors.counting()));
    var response = collected.response();
    // what the queue consumers would be billed for: each unit is one invocation on Lambda
    var unitTime = collected.outcome().units().stream()
        .map(u -> Duration.between(u.summary().startedAt(), u.summary().completedAt()))
        .reduce(Duration.ZERO, Duration::plus);
    return new Run(number, Duration.ofNanos(t1 - t0), results.size(), byStatus,
        response.resultsWritten(), response.findingsOpened(), response.evidenceObjects(),
        response.targets(), stats.snapshot(), stats.calls(), stats.roundTripNanos(), stats.inFlightNanos(), cpu, motoCpu, samples,
        heap.poolPeaks(), heap.maxBeforeGc(), heap.maxAfterGc(), heap.collections(),
        heap.gcMillis(), List.copyOf(errors), byService, unitTime);
  }

  /** CPU time of this JVM's child processes (moto_server and whatever it spawned). */
  private static long motoCpuNanos() {
    return ProcessHandle.current().descendants()
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
  }

  /** An EventBridge scheduled event; a distinct {@code time} makes a distinct run. */
  static Map<String, Object> scheduledEvent(String time) {
    var e = new HashMap<String, Object>();
    e.put("version", "0");
    e.put("id", "bench-" + time);
    e.put("detail-type", "Scheduled Event");
    e.put("source", "aws.events");
    e.put("account", "123456789012");
    e.put("time", time);
    e.put("region", "eu-west-1");
    e.put("resources", List.of("arn:aws:events:eu-west-1:123456789012:rule/bench"));
    e.put("detail", Map.of());
    return e;
  }

  private static Map<String, String> options(String[] args) {
    var out = new HashMap<String, String>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      out.put(args[i].substring(2), args[++i]);
    }
    return out;
  }
}
