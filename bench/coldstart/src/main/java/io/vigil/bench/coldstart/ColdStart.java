package io.vigil.bench.coldstart;

import io.vigil.bench.coldstart.baseline.Catalogue;
import io.vigil.emulator.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * The cold-start comparison (issue 10): for each function, whole-process JVM start to first
 * response of its sample event, median of N runs, side by side with a plain-Java baseline handler
 * that makes the same AWS calls from the same shaded jar, under identical JVM flags: the "default"
 * flags and the flags we would ship (C1 only plus a class-data archive trained per jar and
 * handler); on JDK 17 and, when given, on JDK 25 (with its AOT cache).
 *
 * <p>Per (function, flag set, handler) one untimed first run warms the file cache: with default
 * flags it is the diagnostic run, which counts AWS requests (a global SDK interceptor) and, except
 * with {@code --quick}, loaded classes per phase and the probes of {@link Launcher}; with shipped
 * flags it is the training run that writes the archive. With {@code --quick} the two handlers'
 * first runs run at once (nothing in them is timed). Then the
 * timed runs alternate function and baseline. Every run gets a new, empty table and evidence
 * bucket in moto (a steady-state scenario: the same table, in the state its first run left), so
 * every run does the same work. Prints Markdown tables and writes a JSON array of
 * {@code {name, value, unit, target, met, detail}}.
 *
 * <p>Options: {@code --repo DIR}, {@code --launcher JAR}, {@code --serialization JAR},
 * {@code --out FILE}, {@code --runs N} (timed runs per series, default 11), {@code --quick}
 * (5 runs, JDK 17 only), {@code --jdk25 JAVA} (a JDK 25 {@code java} binary; none: skipped),
 * {@code --only a,b} (scenario names), {@code --max-load X} (before each comparison, wait up to 3
 * minutes for the 1-minute load average to fall below X; default: do not wait),
 * {@code --function-env K=V,...} (extra environment for the function's runs only: what-if
 * experiments such as a Micronaut setting; reported in the setup line), {@code --keep-work}
 * (keep the jar copies and archives in the work directory; the handlers' logs are always kept).
 */
public final class ColdStart {

  /** Heap and GC of a 1,024 MB Lambda (see docs/performance.md, "Cold start"). */
  static final List<String> LAMBDA_1024 = List.of("-XX:MaxRAM=1g", "-Xmx870m",
      "-XX:+UseSerialGC");
  static final String C1 = "-XX:TieredStopAtLevel=1";
  static final double RATIO_TARGET = 1.3;
  static final long SHIPPED_TARGET_MS = 1000;
  private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(2);
  /** Time spent resetting and seeding moto (harness overhead, reported at the end). */
  private static final long[] SEEDING_NANOS = new long[1];
  /** Extra environment of the function's runs only ({@code --function-env K=V,...}). */
  private static final Map<String, String> FUNCTION_ENV = new LinkedHashMap<>();
  /** Runs so far (names each run's table and bucket). */
  private static final int[] RUNS = new int[1];
  /** The environment of each scenario, prepared once (moto reset when a scenario starts). */
  private static final Map<String, Map<String, String>> PREPARED = new HashMap<>();
  private static final Pattern CHECK_CLASS = Pattern.compile(
      "io/vigil/checks/[a-z0-9]+/[A-Za-z0-9]+(Check|SnapshotLoader)\\.class");

  private ColdStart() {}

  /** How a flag set caches classes: not at all, an AppCDS archive (JDK 17), an AOT cache (25). */
  enum Cache { NONE, APPCDS, AOT }

  /** A JVM and its flags. */
  record FlagSet(String key, String java, List<String> flags, Cache cache, String describe) {}

  /** One handler under one flag set: the untimed first run and the timed runs. */
  record Series(String impl, ChildRun.Result first, List<ChildRun.Result> runs, String note) {

    boolean ok() {
      return note == null && runs.stream().allMatch(ChildRun.Result::ok) && !runs.isEmpty();
    }

    long median(ToLongFunction<ChildRun.Result> f) {
      return ColdStart.median(runs.stream().mapToLong(f).toArray());
    }
  }

  /** Function and baseline under one flag set, and the load average before and after. */
  record Comparison(Scenario scenario, FlagSet flags, Series function, Series baseline,
      double loadBefore, double loadAfter) {}

  public static void main(String[] args) throws Exception {
    long began = System.nanoTime();
    var opts = options(args);
    var repo = Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize();
    boolean quick = opts.containsKey("quick");
    int runs = Integer.parseInt(opts.getOrDefault("runs", quick ? "5" : "11"));
    var launcher = Path.of(required(opts, "launcher")).toAbsolutePath();
    var serialization = Path.of(required(opts, "serialization")).toAbsolutePath();
    var out = Path.of(opts.getOrDefault("out", repo.resolve("bench/results/coldstart.json")
        .toString()));
    var only = opts.containsKey("only")
        ? List.of(opts.get("only").split(",")) : List.<String>of();
    var java17 = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var java25 = opts.get("jdk25");
    double maxLoad = Double.parseDouble(opts.getOrDefault("max-load", "0"));
    if (opts.containsKey("function-env")) {
      for (var pair : opts.get("function-env").split(",")) {
        int eq = pair.indexOf('=');
        if (eq < 1) {
          throw new IllegalArgumentException("--function-env takes K=V[,K=V...], got " + pair);
        }
        FUNCTION_ENV.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }

    var flagSets = new ArrayList<FlagSet>();
    flagSets.add(new FlagSet("default", java17, LAMBDA_1024, Cache.NONE,
        "JDK 17: " + String.join(" ", LAMBDA_1024)));
    var shipped17 = new ArrayList<>(LAMBDA_1024);
    shipped17.add(C1);
    flagSets.add(new FlagSet("shipped", java17, shipped17, Cache.APPCDS,
        "JDK 17: " + String.join(" ", shipped17) + " -XX:SharedArchiveFile=<per jar and handler>"));
    if (java25 != null && !java25.isBlank()) {
      flagSets.add(new FlagSet("jdk25.default", java25, LAMBDA_1024, Cache.NONE,
          "JDK 25: " + String.join(" ", LAMBDA_1024)));
      flagSets.add(new FlagSet("jdk25.shipped", java25, shipped17, Cache.AOT,
          "JDK 25: " + String.join(" ", shipped17) + " -XX:AOTCache=<per jar and handler>"));
    }

    var work = Files.createTempDirectory("vigil-coldstart-");
    var countDir = work.resolve("count");
    var interceptors = countDir.resolve("software/amazon/awssdk/global/handlers/"
        + "execution.interceptors");
    Files.createDirectories(interceptors.getParent());
    Files.writeString(interceptors, RequestCounter.class.getName() + "\n");

    var scenarios = Scenario.all().stream()
        .filter(s -> only.isEmpty() || only.contains(s.name())).toList();
    // copy every jar first: a concurrent rebuild of a module cannot change a measurement
    var jars = new LinkedHashMap<Scenario, Path>();
    var missing = new LinkedHashMap<Scenario, String>();
    for (var s : scenarios) {
      var jar = s.jar(repo);
      if (!Files.isRegularFile(jar)) {
        missing.put(s, "deployment package missing: " + repo.relativize(jar)
            + " (build it with ./mvnw -pl functions/" + s.module() + " -am package -DskipTests)");
        continue;
      }
      var copy = work.resolve("jars").resolve(jar.getFileName());
      if (!Files.exists(copy)) {
        Files.createDirectories(copy.getParent());
        Files.copy(jar, copy, StandardCopyOption.COPY_ATTRIBUTES);
        System.out.printf("copied %s (%.1f MB, built %s)%n", repo.relativize(jar),
            Files.size(copy) / 1e6, Files.getLastModifiedTime(copy));
      }
      jars.put(s, copy);
    }
    for (var e : jars.entrySet()) {
      if (e.getKey().module().equals("collect-evidence")) {
        var drift = catalogueDrift(e.getValue());
        if (drift != null) {
          missing.put(e.getKey(), drift);
        }
      }
    }

    var comparisons = new ArrayList<Comparison>();
    try (var moto = MotoServer.start(); var slack = SlackStub.start()) {
      System.out.println("moto_server at " + moto.endpoint() + "; Slack stub at " + slack.url());
      for (var s : scenarios) {
        if (missing.containsKey(s)) {
          System.out.println(s.name() + ": skipped, " + missing.get(s));
          continue;
        }
        for (var fs : flagSets) {
          var c = compare(s, fs, jars.get(s), launcher, serialization, countDir, work, repo,
              moto.endpoint(), slack, runs, maxLoad, !quick);
          comparisons.add(c);
          printProgress(c);
        }
      }
    }
    var elapsed = Duration.ofNanos(System.nanoTime() - began);
    var report = Report.of(comparisons, missing, flagSets, runs, elapsed, repo, jars,
        FUNCTION_ENV);
    report.print(System.out);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report.json());
    if (!opts.containsKey("keep-work")) {
      // the jar copies and archives are hundreds of MB; the handlers' logs stay
      for (var dir : List.of("jars", "archives", "count")) {
        deleteTree(work.resolve(dir));
      }
    }
    System.out.println("results: " + out + " (handler logs in " + work.resolve("logs")
        + "; elapsed " + elapsed.toSeconds() + " s, of which resetting and seeding moto "
        + SEEDING_NANOS[0] / 1_000_000_000 + " s)");
  }

  private static Comparison compare(Scenario s, FlagSet fs, Path jar, Path launcher,
      Path serialization, Path countDir, Path work, Path repo, String endpoint, SlackStub slack,
      int runs, double maxLoad, boolean diagnostics)
      throws IOException, InterruptedException {
    waitForLoad(maxLoad);
    double loadBefore = loadAverage();
    var classpath = jar + ":" + launcher + ":" + serialization;
    var event = repo.resolve(s.event()).toString();
    var log = work.resolve("logs").resolve(s.name() + "." + fs.key() + ".log");
    Files.createDirectories(log.getParent());
    var impls = new LinkedHashMap<String, String>();
    impls.put("function", s.handler());
    impls.put("baseline", s.baseline());

    if (s.steadyState() && !PREPARED.containsKey(s.name())) {
      // seed once, then one untimed run brings the store to the state every measured run sees
      var env = environment(s, endpoint, repo, slack);
      var state = ChildRun.run(command(fs.java(), fs.flags(), classpath, s.baseline(), event),
          env, log, CHILD_TIMEOUT);
      if (!state.ok()) {
        var failed = new Series("function", state, List.of(), "state run failed: "
            + state.failure());
        return new Comparison(s, fs, failed, failed, loadBefore, loadAverage());
      }
    }
    // the untimed first run per handler: diagnostics, or the training run of the archive
    var firsts = new HashMap<String, ChildRun.Result>();
    var notes = new HashMap<String, String>();
    var cacheFlags = new HashMap<String, List<String>>();
    var firstCommands = new LinkedHashMap<String, List<String>>();
    var firstEnvs = new HashMap<String, Map<String, String>>();
    for (var impl : impls.entrySet()) {
      var flags = new ArrayList<>(fs.flags());
      String cp = classpath;
      var archive = work.resolve("archives").resolve(s.name() + "." + impl.getKey() + "."
          + fs.key() + (fs.cache() == Cache.AOT ? ".aot" : ".jsa"));
      switch (fs.cache()) {
        case NONE -> {
          cp = classpath + ":" + countDir;
          if (diagnostics) {
            flags.add("-Dcoldstart.classes=true");
            flags.add("-Dcoldstart.probe.sdk=true");
            if (impl.getKey().equals("function")) {
              flags.add("-Dcoldstart.probe.micronaut=true");
              flags.add("-Dcoldstart.probe.serde=true");
            }
          }
          cacheFlags.put(impl.getKey(), List.of());
        }
        case APPCDS -> {
          Files.createDirectories(archive.getParent());
          flags.add("-Dcoldstart.exit=true");
          flags.add("-XX:ArchiveClassesAtExit=" + archive);
          cacheFlags.put(impl.getKey(), List.of("-XX:SharedArchiveFile=" + archive));
        }
        case AOT -> {
          Files.createDirectories(archive.getParent());
          flags.add("-Dcoldstart.exit=true");
          flags.add("-XX:AOTCacheOutput=" + archive);
          cacheFlags.put(impl.getKey(), List.of("-XX:AOTCache=" + archive));
        }
        default -> throw new IllegalStateException();
      }
      firstCommands.put(impl.getKey(), command(fs.java(), flags, cp, impl.getValue(), event));
      var env = environment(s, endpoint, repo, slack);
      if (impl.getKey().equals("function")) {
        env.putAll(FUNCTION_ENV);
      }
      firstEnvs.put(impl.getKey(), env);
    }
    int posts = slack.posts();
    if (diagnostics) {
      // one after the other: the probes' timings must not compete for the CPUs
      for (var impl : firstCommands.keySet()) {
        firsts.put(impl, ChildRun.run(firstCommands.get(impl), firstEnvs.get(impl), log,
            CHILD_TIMEOUT));
      }
    } else {
      // untimed and without probes: both at once (separate tables; counts and archives do not
      // depend on timing)
      var pool = Executors.newFixedThreadPool(2);
      try {
        var futures = new LinkedHashMap<String, Future<ChildRun.Result>>();
        for (var impl : firstCommands.keySet()) {
          futures.put(impl, pool.submit(() -> ChildRun.run(firstCommands.get(impl),
              firstEnvs.get(impl), log, CHILD_TIMEOUT)));
        }
        for (var f : futures.entrySet()) {
          try {
            firsts.put(f.getKey(), f.getValue().get());
          } catch (ExecutionException e) {
            throw new IOException("first run of " + f.getKey() + " could not start", e);
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
    for (var impl : firstCommands.keySet()) {
      var first = firsts.get(impl);
      if (!first.ok()) {
        notes.put(impl, "first run failed: " + first.failure());
      } else if (fs.cache() != Cache.NONE) {
        var verify = verifyArchive(fs, cacheFlags.get(impl), classpath, log);
        if (verify != null) {
          notes.put(impl, verify);
        }
      }
    }
    if (notes.isEmpty() && s.module().equals("notify") && slack.posts() != posts + 2) {
      notes.put("function", "expected one Slack POST per handler, got "
          + (slack.posts() - posts) + " for both");
    }

    if (notes.isEmpty() && fs.cache() == Cache.NONE) {
      // the baseline must make exactly the function's AWS calls, or the comparison is void
      var rf = firsts.get("function").requests();
      var rb = firsts.get("baseline").requests();
      if (rf == null || !rf.equals(rb)) {
        notes.put("baseline", "AWS requests differ from the function's: function " + rf
            + "; baseline " + rb);
      }
    }
    var timed = new LinkedHashMap<String, List<ChildRun.Result>>();
    impls.keySet().forEach(k -> timed.put(k, new ArrayList<>()));
    if (notes.isEmpty()) {
      for (int i = 0; i < runs; i++) {
        for (var impl : impls.entrySet()) {
          var flags = new ArrayList<>(fs.flags());
          flags.addAll(cacheFlags.get(impl.getKey()));
          var env = environment(s, endpoint, repo, slack);
          if (impl.getKey().equals("function")) {
            env.putAll(FUNCTION_ENV);
          }
          var r = ChildRun.run(command(fs.java(), flags, classpath, impl.getValue(), event), env,
              log, CHILD_TIMEOUT);
          timed.get(impl.getKey()).add(r);
          if (!r.ok()) {
            notes.put(impl.getKey(), "run " + (i + 1) + " failed: " + r.failure());
          }
        }
        if (!notes.isEmpty()) {
          break;
        }
      }
    }
    return new Comparison(s, fs,
        new Series("function", firsts.get("function"), timed.get("function"),
            notes.get("function")),
        new Series("baseline", firsts.get("baseline"), timed.get("baseline"),
            notes.get("baseline")), loadBefore, loadAverage());
  }

  /** The 1-minute load average (/proc/loadavg); -1 where unknown. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim()
          .split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * With {@code --max-load X}: waits (up to 3 minutes) until the 1-minute load average is below X,
   * so that a comparison does not start while other jobs hold the CPUs.
   */
  private static void waitForLoad(double maxLoad) throws InterruptedException {
    if (maxLoad <= 0) {
      return;
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (loadAverage() > maxLoad && System.nanoTime() < deadline) {
      Thread.sleep(5_000);
    }
  }

  /** Fails (answers why) if the JVM cannot map the archive: -Xshare:on / AOTMode=on. */
  private static String verifyArchive(FlagSet fs, List<String> cacheFlags, String classpath,
      Path log) throws IOException, InterruptedException {
    var cmd = new ArrayList<String>();
    cmd.add(fs.java());
    cmd.addAll(fs.flags());
    cmd.addAll(cacheFlags);
    cmd.add(fs.cache() == Cache.AOT ? "-XX:AOTMode=on" : "-Xshare:on");
    cmd.addAll(List.of("-cp", classpath, "-version"));
    var p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    int exit = p.waitFor();
    return exit == 0 ? null : "the JVM could not use the archive (" + String.join(" ", cacheFlags)
        + "): exit " + exit + ", see " + log;
  }

  private static List<String> command(String java, List<String> flags, String classpath,
      String handler, String event) {
    var cmd = new ArrayList<String>();
    cmd.add(java);
    cmd.addAll(flags);
    cmd.addAll(List.of("-cp", classpath, Launcher.class.getName(), handler, event));
    return cmd;
  }

  /**
   * The child's whole environment: what a Lambda execution environment has for AWS (region,
   * credentials, here moto's through {@code AWS_ENDPOINT_URL}) and the function's variables; moto
   * is reset and prepared when a scenario starts, and each run (but of a steady-state scenario)
   * gets a new, empty table and bucket.
   */
  private static Map<String, String> environment(Scenario s, String endpoint, Path repo,
      SlackStub slack) {
    long start = System.nanoTime();
    var function = new LinkedHashMap<>(PREPARED.computeIfAbsent(s.name(),
        k -> s.prepare(endpoint, repo, slack.url())));
    if (!s.steadyState()) {
      function.putAll(s.storage(endpoint, ++RUNS[0]));
    }
    SEEDING_NANOS[0] += System.nanoTime() - start;
    var env = new LinkedHashMap<String, String>();
    env.put("PATH", Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin:/bin"));
    env.put("LANG", "C.UTF-8");
    env.put("TZ", "UTC");
    env.put("AWS_REGION", Scenario.REGION);
    env.put("AWS_DEFAULT_REGION", Scenario.REGION);
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_SESSION_TOKEN", "test");
    env.put("AWS_ENDPOINT_URL", endpoint);
    env.put("AWS_LAMBDA_FUNCTION_NAME", s.name());
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
    env.putAll(function);
    return env;
  }

  /**
   * The check and loader classes in {@code jar} that the baseline's hand-written catalogue does
   * not name, or names but the jar lacks; null when both agree.
   */
  static String catalogueDrift(Path jar) throws IOException {
    var inJar = new TreeSet<String>();
    try (var zip = new ZipFile(jar.toFile())) {
      zip.stream().map(e -> e.getName()).filter(n -> CHECK_CLASS.matcher(n).matches())
          .forEach(n -> inJar.add(n.substring(0, n.length() - ".class".length())
              .replace('/', '.')));
    }
    var listed = new TreeSet<>(Catalogue.Listing.classNames());
    if (inJar.equals(listed)) {
      return null;
    }
    var added = new TreeSet<>(inJar);
    added.removeAll(listed);
    var gone = new TreeSet<>(listed);
    gone.removeAll(inJar);
    return "the baseline's check catalogue (bench/coldstart/.../baseline/Catalogue.java) differs"
        + " from the jar: not listed " + added + ", not in the jar " + gone;
  }

  private static void printProgress(Comparison c) {
    if (!c.function().ok() || !c.baseline().ok()) {
      System.out.printf(Locale.ROOT, "%-24s %-14s FAILED: %s%n", c.scenario().name(),
          c.flags().key(), Objects.requireNonNullElse(c.function().note(),
              Objects.requireNonNullElse(c.baseline().note(), "no runs")));
      return;
    }
    long f = c.function().median(ChildRun.Result::wallNanos);
    long b = c.baseline().median(ChildRun.Result::wallNanos);
    System.out.printf(Locale.ROOT, "%-24s %-14s function %5d ms, baseline %5d ms, ratio %.2f"
            + " (load %.1f -> %.1f)%n", c.scenario().name(), c.flags().key(), f / 1_000_000,
        b / 1_000_000, Report.pairedRatio(c), c.loadBefore(), c.loadAfter());
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (var p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static long median(long[] values) {
    if (values.length == 0) {
      return -1;
    }
    var sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String required(Map<String, String> opts, String key) {
    var v = opts.get(key);
    if (v == null) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return v;
  }

  private static Map<String, String> options(String[] args) {
    var out = new HashMap<String, String>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      var key = args[i].substring(2);
      if (key.equals("quick") || key.equals("keep-work")) {
        out.put(key, "true");
      } else if (i + 1 < args.length) {
        out.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException("--" + key + " needs a value");
      }
    }
    return out;
  }

  /** The time the measurement started, for the report. */
  static final Instant STARTED = Instant.now();
}
