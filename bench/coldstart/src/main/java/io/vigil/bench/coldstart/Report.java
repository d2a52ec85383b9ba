package io.vigil.bench.coldstart;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The comparison's results: Markdown tables for the console and the JSON array of
 * {@code {name, value, unit, target, met, detail}} for {@code bench/results/coldstart.json}.
 */
final class Report {

  /** One JSON element; {@code value}, {@code target} and {@code met} may be null. */
  record Entry(String name, Number value, String unit, Number target, Boolean met,
      String detail) {}

  private final List<ColdStart.Comparison> comparisons;
  private final Map<Scenario, String> missing;
  private final List<Entry> entries = new ArrayList<>();
  private final String header;

  private Report(List<ColdStart.Comparison> comparisons, Map<Scenario, String> missing,
      String header) {
    this.comparisons = comparisons;
    this.missing = missing;
    this.header = header;
  }

  static Report of(List<ColdStart.Comparison> comparisons, Map<Scenario, String> missing,
      List<ColdStart.FlagSet> flagSets, int runs, Duration elapsed, Path repo,
      Map<Scenario, Path> jars, Map<String, String> functionEnv) throws IOException {
    var setup = new StringBuilder("Started ").append(ColdStart.STARTED).append("; ");
    setup.append(runs).append(" timed runs per handler and flag set (median; one untimed first"
        + " run before them: diagnostics with default flags, the archive's training run with"
        + " shipped flags); function and baseline alternate, and a ratio is the median of the"
        + " per-pair ratios (function run i / baseline run i); a new empty table and bucket in moto"
        + " for every run (schedule-audits: its steady state). Flag sets: ");
    for (var fs : flagSets) {
      setup.append(fs.key()).append(" = ").append(fs.describe()).append("; ");
    }
    if (!functionEnv.isEmpty()) {
      setup.append("extra environment of the function's runs only: ").append(functionEnv)
          .append("; ");
    }
    setup.append("machine: ").append(Runtime.getRuntime().availableProcessors())
        .append(" CPUs, load average at the end ").append(loadAverage())
        .append("; elapsed ").append(elapsed.toSeconds()).append(" s; jars: ");
    for (var e : jars.entrySet()) {
      setup.append(e.getKey().name()).append('=').append(e.getValue().getFileName())
          .append(String.format(Locale.ROOT, " (%.1f MB), ", Files.size(e.getValue()) / 1e6));
    }
    var report = new Report(comparisons, missing, setup.toString());
    report.entries.add(new Entry("coldstart.setup", runs, "runs", null, null, setup.toString()));
    report.build();
    return report;
  }

  private void build() {
    for (var e : missing.entrySet()) {
      for (var key : List.of("default", "shipped")) {
        entries.add(new Entry("coldstart." + e.getKey().name() + "." + key + ".ms", null, "ms",
            key.equals("shipped") ? ColdStart.SHIPPED_TARGET_MS : null, false, e.getValue()));
        entries.add(new Entry("coldstart." + e.getKey().name() + "." + key + ".ratio", null,
            "x", ColdStart.RATIO_TARGET, false, e.getValue()));
      }
    }
    for (var c : comparisons) {
      var prefix = "coldstart." + c.scenario().name() + "." + c.flags().key();
      boolean shipped = c.flags().cache() != ColdStart.Cache.NONE;
      Long msTarget = shipped ? ColdStart.SHIPPED_TARGET_MS : null;
      if (!c.function().ok() || !c.baseline().ok()) {
        var why = c.function().note() != null ? "function: " + c.function().note()
            : c.baseline().note() != null ? "baseline: " + c.baseline().note() : "no runs";
        entries.add(new Entry(prefix + ".ms", null, "ms", msTarget, false, why));
        entries.add(new Entry(prefix + ".ratio", null, "x", ColdStart.RATIO_TARGET, false, why));
        continue;
      }
      long f = ms(c.function(), ChildRun.Result::wallNanos);
      long b = ms(c.baseline(), ChildRun.Result::wallNanos);
      // the runs alternate function, baseline, function, ...: the median of the per-pair ratios
      // is robust to load that drifts during a series, the ratio of the medians is not
      double ratio = round2(pairedRatio(c));
      double ofMedians = (double) c.function().median(ChildRun.Result::wallNanos)
          / c.baseline().median(ChildRun.Result::wallNanos);
      var detail = c.scenario().path() + ". " + c.flags().describe() + ". Function "
          + c.scenario().handler() + ": " + breakdown(c.function()) + "; all runs "
          + runs(c.function()) + ". Baseline " + c.scenario().baseline() + ": "
          + breakdown(c.baseline()) + "; all runs " + runs(c.baseline()) + ". "
          + String.format(Locale.ROOT, "Load average %.1f before, %.1f after.", c.loadBefore(),
              c.loadAfter());
      entries.add(new Entry(prefix + ".ms", f, "ms", msTarget,
          msTarget == null ? null : f <= msTarget, detail));
      entries.add(new Entry(prefix + ".ratio", ratio, "x", ColdStart.RATIO_TARGET,
          ratio <= ColdStart.RATIO_TARGET, "median of the per-pair ratios: run i of the function"
              + " / run i of the baseline, started one after the other (robust to load that"
              + " drifts during the series); same flags: " + c.flags().describe()
              + String.format(Locale.ROOT, ". Ratio of the medians: %d ms / %d ms = %.2f", f, b,
                  ofMedians)));
      entries.add(new Entry(prefix + ".baseline.ms", b, "ms", null, null, "plain-Java baseline "
          + c.scenario().baseline() + ", same jar, event and flags"));
      long rssF = c.function().median(ChildRun.Result::peakRssKb) / 1024;
      long rssB = c.baseline().median(ChildRun.Result::peakRssKb) / 1024;
      entries.add(new Entry(prefix + ".rss.mb", rssF, "MB", null, null,
          "peak RSS (VmHWM after the first response), median; baseline " + rssB + " MB"));
      if (c.flags().cache() == ColdStart.Cache.NONE && c.flags().key().equals("default")) {
        var rf = c.function().first().requests();
        var rb = c.baseline().first().requests();
        boolean same = rf != null && rf.equals(rb);
        entries.add(new Entry("coldstart." + c.scenario().name() + ".requests",
            total(rf), "requests", total(rb), same,
            "AWS requests of the first response, counted by a global SDK interceptor in the"
                + " untimed diagnostic run; target = the baseline's count, met = same calls per"
                + " operation. Function: " + rf + ". Baseline: " + rb + ". Classes loaded"
                + " (before INIT, after the probes / after INIT / deserialize / invoke /"
                + " serialize): function "
                + classes(c.function().first()) + ", baseline " + classes(c.baseline().first())
                + ". " + probes(c)));
      }
    }
  }

  /** The diagnostic runs' probes: first SDK client, empty Micronaut context, INIT after them. */
  private static String probes(ColdStart.Comparison c) {
    var f = c.function().first();
    var b = c.baseline().first();
    if (f.probeSdkNanos() < 0 || b.probeSdkNanos() < 0) {
      return "No probes (--quick)";
    }
    return String.format(Locale.ROOT, "Probes in the diagnostic runs (before INIT, one run each):"
            + " first SDK client (DynamoDbClient.create()) %d ms in the function's run, %d ms in"
            + " the baseline's; empty Micronaut context (ApplicationContext.run() on the same"
            + " jar) %d ms; INIT after the probes: function %d ms, baseline %d ms; first"
            + " invocation: function %d ms, baseline %d ms. The managed runtime would"
            + " (de)serialize the function's event and response with the jar's"
            + " CustomPojoSerializer (Micronaut serde) if it has one, not with its own Jackson:"
            + " %s more, measured after the first response (a lower bound)",
        f.probeSdkNanos() / 1_000_000, b.probeSdkNanos() / 1_000_000,
        f.probeMicronautNanos() / 1_000_000, f.initNanos() / 1_000_000,
        b.initNanos() / 1_000_000, f.invokeNanos() / 1_000_000, b.invokeNanos() / 1_000_000,
        serdeMs(f));
  }

  private static String serdeMs(ChildRun.Result r) {
    if (r.serde() == null) {
      return "?";
    }
    var fields = ChildRun.fields(r.serde());
    if ("none".equals(fields.get("serializer"))) {
      return "none in the jar (the runtime's own Jackson, as measured)";
    }
    long nanos = Long.parseLong(fields.getOrDefault("nanos", "-1"));
    return nanos < 0 ? "?" : nanos / 1_000_000 + " ms";
  }

  /** The median of function run i / baseline run i (the runs alternate). */
  static double pairedRatio(ColdStart.Comparison c) {
    var f = c.function().runs();
    var b = c.baseline().runs();
    int n = Math.min(f.size(), b.size());
    var ratios = new double[n];
    for (int i = 0; i < n; i++) {
      ratios[i] = (double) f.get(i).wallNanos() / b.get(i).wallNanos();
    }
    java.util.Arrays.sort(ratios);
    return n == 0 ? Double.NaN : n % 2 == 1 ? ratios[n / 2]
        : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
  }

  private static Long total(String requests) {
    if (requests == null) {
      return null;
    }
    return Long.parseLong(ChildRun.fields(requests).getOrDefault("total", "-1"));
  }

  private static String classes(ChildRun.Result r) {
    var c = r.classes();
    if (c.isEmpty()) {
      return "not counted (--quick)";
    }
    return c.get("classesAtMain") + "/" + c.get("classesInit") + "/"
        + c.get("classesDeserialize") + "/" + c.get("classesInvoke") + "/"
        + c.get("classesSerialize");
  }

  private static String breakdown(ColdStart.Series s) {
    return String.format(Locale.ROOT, "JVM start to main %d ms, INIT %d ms, deserialize %d ms,"
            + " first invocation %d ms, serialize %d ms (medians), peak RSS %d MB",
        ms(s, ChildRun.Result::jvmToMainNanos), ms(s, ChildRun.Result::initNanos),
        ms(s, ChildRun.Result::deserializeNanos), ms(s, ChildRun.Result::invokeNanos),
        ms(s, ChildRun.Result::serializeNanos), s.median(ChildRun.Result::peakRssKb) / 1024);
  }

  private static String runs(ColdStart.Series s) {
    var out = new ArrayList<String>();
    s.runs().forEach(r -> out.add(Long.toString(r.wallNanos() / 1_000_000)));
    return "[" + String.join(", ", out) + "] ms";
  }

  private static long ms(ColdStart.Series s, ToLongFunction<ChildRun.Result> f) {
    return Math.round(s.median(f) / 1e6);
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+", 4)[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** The Markdown tables. */
  void print(PrintStream out) {
    out.println();
    out.println("## Cold start: JVM start to first response (median)");
    out.println();
    out.println(header);
    out.println();
    out.println("| function | flags | function ms | baseline ms | ratio (≤ 1.3, paired) |"
        + " ratio of medians | ≤ 1,000 ms | peak RSS function / baseline MB | load avg |");
    out.println("|---|---|---:|---:|---:|---:|---|---:|---|");
    for (var c : comparisons) {
      if (!c.function().ok() || !c.baseline().ok()) {
        out.printf("| %s | %s | failed: %s | | | | | | |%n", c.scenario().name(), c.flags().key(),
            c.function().note() != null ? c.function().note() : c.baseline().note());
        continue;
      }
      long f = ms(c.function(), ChildRun.Result::wallNanos);
      long b = ms(c.baseline(), ChildRun.Result::wallNanos);
      double ratio = round2(pairedRatio(c));
      double ofMedians = (double) c.function().median(ChildRun.Result::wallNanos)
          / c.baseline().median(ChildRun.Result::wallNanos);
      boolean shipped = c.flags().cache() != ColdStart.Cache.NONE;
      out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.2f %s | %.2f | %s | %d / %d |"
              + " %.1f → %.1f |%n",
          c.scenario().name(), c.flags().key(), f, b, ratio,
          ratio <= ColdStart.RATIO_TARGET ? "met" : "missed", ofMedians,
          shipped ? (f <= ColdStart.SHIPPED_TARGET_MS ? "met" : "missed") : "–",
          c.function().median(ChildRun.Result::peakRssKb) / 1024,
          c.baseline().median(ChildRun.Result::peakRssKb) / 1024, c.loadBefore(),
          c.loadAfter());
    }
    for (var e : missing.entrySet()) {
      out.printf("| %s | – | not measured: %s | | | | | | |%n", e.getKey().name(),
          e.getValue());
    }
    out.println();
    out.println("### Where the time goes (medians, ms)");
    out.println();
    out.println("| function | flags | handler | JVM start → main | INIT (constructor) |"
        + " deserialize | first invocation | serialize | total |");
    out.println("|---|---|---|---:|---:|---:|---:|---:|---:|");
    for (var c : comparisons) {
      for (var s : List.of(c.function(), c.baseline())) {
        if (!s.ok()) {
          continue;
        }
        out.printf(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %d | %d | %d |%n",
            c.scenario().name(), c.flags().key(), s.impl(),
            ms(s, ChildRun.Result::jvmToMainNanos), ms(s, ChildRun.Result::initNanos),
            ms(s, ChildRun.Result::deserializeNanos), ms(s, ChildRun.Result::invokeNanos),
            ms(s, ChildRun.Result::serializeNanos), ms(s, ChildRun.Result::wallNanos));
      }
    }
    out.println();
    out.println("### AWS requests and classes loaded (untimed diagnostic run, default flags)");
    out.println();
    out.println("| function | requests function / baseline | same calls | classes function"
        + " (before INIT/INIT/deser/invoke/ser) | classes baseline | response bytes function /"
        + " baseline |");
    out.println("|---|---:|---|---|---|---:|");
    for (var c : comparisons) {
      if (!c.flags().key().equals("default") || c.function().first() == null
          || c.baseline().first() == null || !c.function().first().ok()
          || !c.baseline().first().ok()) {
        continue;
      }
      var rf = c.function().first().requests();
      var rb = c.baseline().first().requests();
      out.printf("| %s | %s / %s | %s | %s | %s | %d / %d |%n", c.scenario().name(),
          total(rf), total(rb), rf != null && rf.equals(rb) ? "yes" : "NO",
          classes(c.function().first()), classes(c.baseline().first()),
          c.function().first().responseBytes(), c.baseline().first().responseBytes());
      out.println("|   | function: " + rf + " |  |  |  |  |");
      if (rf == null || !rf.equals(rb)) {
        out.println("|   | baseline: " + rb + " |  |  |  |  |");
      }
    }
    out.println();
    out.println("### INIT split (diagnostic runs, default flags, one run each)");
    out.println();
    out.println("| function | first SDK client fn / base | empty Micronaut context |"
        + " INIT after probes fn / base | first invocation fn / base | runtime's custom"
        + " serializer (fn, after) |");
    out.println("|---|---:|---:|---:|---:|---:|");
    for (var c : comparisons) {
      var f = c.function().first();
      var b = c.baseline().first();
      if (!c.flags().key().equals("default") || f == null || b == null || !f.ok() || !b.ok()
          || f.probeSdkNanos() < 0) {
        continue;
      }
      out.printf("| %s | %d / %d | %d | %d / %d | %d / %d | %s |%n", c.scenario().name(),
          f.probeSdkNanos() / 1_000_000, b.probeSdkNanos() / 1_000_000,
          f.probeMicronautNanos() / 1_000_000, f.initNanos() / 1_000_000,
          b.initNanos() / 1_000_000, f.invokeNanos() / 1_000_000, b.invokeNanos() / 1_000_000,
          serdeMs(f));
    }
    out.println();
  }

  /** The JSON array. */
  String json() {
    var out = new StringBuilder("[\n");
    for (int i = 0; i < entries.size(); i++) {
      var e = entries.get(i);
      out.append("  {\"name\": ").append(quote(e.name()))
          .append(", \"value\": ").append(e.value() == null ? "null" : e.value())
          .append(", \"unit\": ").append(quote(e.unit()))
          .append(", \"target\": ").append(e.target() == null ? "null" : e.target())
          .append(", \"met\": ").append(e.met() == null ? "null" : e.met())
          .append(", \"detail\": ").append(quote(e.detail())).append('}')
          .append(i + 1 < entries.size() ? ",\n" : "\n");
    }
    return out.append("]\n").toString();
  }

  private static String quote(String s) {
    if (s == null) {
      return "null";
    }
    var out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
