package io.vigil.bench.jmh;

import io.vigil.bench.Figure;
import io.vigil.bench.ResultsJson;
import io.vigil.bench.Target;
import io.vigil.emulator.MotoServer;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of this package and writes one figure per benchmark method: the mean
 * time per operation with its 99.9 % confidence half-width, judged against the method's
 * {@link Budget}. Seeds the {@link CollectedEstate} once in a moto_server it starts, and hands its
 * endpoint to the forked JVMs. A benchmark that produced no result (it failed) is a figure that
 * did not run.
 *
 * <p>Options: {@code --quick} (1 fork, 2 × 0.5 s warm-up, 5 × 0.5 s measurement; default 2 forks,
 * 3 × 2 s, 5 × 2 s), {@code --include REGEX} (benchmarks to run, default all),
 * {@code --results-file FILE}.
 */
public final class JmhSuite {

  /** The benchmarks, in the order their figures are written. */
  static final List<Class<?>> BENCHMARKS = List.of(SnapshotEvaluationBenchmark.class,
      CanonicalHashingBenchmark.class, KpiAggregationBenchmark.class,
      ProgrammePlanningBenchmark.class);

  /** The benchmarks that evaluate the {@link CollectedEstate} (the only ones that need moto). */
  static final List<Class<?>> ON_ESTATE = List.of(SnapshotEvaluationBenchmark.class,
      CanonicalHashingBenchmark.class);

  private JmhSuite() {}

  public static void main(String[] args) throws RunnerException {
    var list = Arrays.asList(args);
    boolean quick = list.contains("--quick");
    var include = option(list, "--include", ".*");
    var resultsFile = option(list, "--results-file", null);
    int forks = quick ? 1 : 2;
    int warmups = quick ? 2 : 3;
    int measurements = 5;
    var iteration = quick ? TimeValue.milliseconds(500) : TimeValue.seconds(2);

    var jvmArgs = new ArrayList<>(List.of("-Xms1g", "-Xmx1g",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
    MotoServer moto = null;
    List<RunResult> results;
    try {
      if (ON_ESTATE.stream().anyMatch(type -> selected(type, include))) {
        moto = MotoServer.start();
        long t0 = System.nanoTime();
        CollectedEstate.seed(moto.endpoint());
        System.out.printf(Locale.ROOT, "seeded %,d resources in %.1f s%n",
            CollectedEstate.RESOURCES, (System.nanoTime() - t0) / 1e9);
        jvmArgs.add("-D" + CollectedEstate.ENDPOINT_PROPERTY + "=" + moto.endpoint());
      }
      var options = new OptionsBuilder()
          .include(JmhSuite.class.getPackageName().replace(".", "\\.") + "\\.(" + include + ")")
          .forks(forks)
          .warmupIterations(warmups)
          .warmupTime(iteration)
          .measurementIterations(measurements)
          .measurementTime(iteration)
          .shouldFailOnError(false)
          .jvmArgsAppend(jvmArgs.toArray(String[]::new))
          .build();
      results = new ArrayList<>(new Runner(options).run());
    } finally {
      if (moto != null) {
        moto.close();
      }
    }
    var byName = new HashMap<String, RunResult>();
    results.forEach(r -> byName.put(r.getParams().getBenchmark(), r));
    var figures = figures(byName, include, String.format(Locale.ROOT,
        "%d fork(s) x %d iterations of %s after %d warm-up iterations", forks, measurements,
        iteration, warmups));
    figures.forEach(f -> System.out.printf(Locale.ROOT, "%-50s %12s %-6s %-8s %s%n", f.name(),
        f.value() == null ? "-" : f.value(), f.unit(), f.target() == null ? "-" : f.target(),
        f.met() ? "met" : "NOT MET"));
    if (resultsFile != null) {
      ResultsJson.write(Path.of(resultsFile), figures);
    }
  }

  /** One figure per benchmark method matching {@code include}, in {@link #BENCHMARKS} order. */
  static List<Figure> figures(Map<String, RunResult> results, String include, String settings) {
    var out = new ArrayList<Figure>();
    for (var type : BENCHMARKS) {
      for (var m : benchmarkMethods(type)) {
        var qualified = type.getName() + "." + m.getName();
        if (!selected(m, include)) {
          continue;
        }
        var name = "jmh." + type.getSimpleName().replaceFirst("Benchmark$", "") + "."
            + m.getName();
        var budget = m.getAnnotation(Budget.class);
        if (budget == null) {
          throw new IllegalStateException(qualified + " has no @Budget");
        }
        var r = results.get(qualified);
        if (r == null) {
          out.add(Figure.notRun(name, "the benchmark produced no result (it failed: see the JMH"
              + " output)"));
          continue;
        }
        var primary = r.getPrimaryResult();
        var unit = primary.getScoreUnit();
        var expected = unitOf(outputTimeUnit(m)) + "/op";
        if (!unit.equals(expected)) {
          throw new IllegalStateException(qualified + " reports " + unit + ", its budget is in "
              + expected);
        }
        double score = primary.getScore();
        double error = primary.getScoreError();
        out.add(Figure.measured(name, score, decimals(score), unit, Target.atMost(budget.value()),
            String.format(Locale.ROOT, "mean %s ± %s %s (99.9 %% confidence), %d samples: %s;"
                + " budget: %s", plain(score), Double.isNaN(error) ? "?" : plain(error), unit,
                primary.getSampleCount(), settings, budget.why())));
      }
    }
    return out;
  }

  private static List<Method> benchmarkMethods(Class<?> type) {
    return Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(Benchmark.class))
        .sorted(Comparator.comparing(Method::getName)).toList();
  }

  /** Whether JMH runs {@code m} with {@code include} (matched as in {@link #main}). */
  private static boolean selected(Method m, String include) {
    return (m.getDeclaringClass().getSimpleName() + "." + m.getName())
        .matches("(" + include + ").*");
  }

  private static boolean selected(Class<?> type, String include) {
    return benchmarkMethods(type).stream().anyMatch(m -> selected(m, include));
  }

  private static TimeUnit outputTimeUnit(Method m) {
    var onMethod = m.getAnnotation(OutputTimeUnit.class);
    var onType = m.getDeclaringClass().getAnnotation(OutputTimeUnit.class);
    if (onMethod == null && onType == null) {
      throw new IllegalStateException(m + " declares no @OutputTimeUnit for its @Budget");
    }
    return (onMethod != null ? onMethod : onType).value();
  }

  /** JMH's abbreviation of a time unit. */
  private static String unitOf(TimeUnit unit) {
    return switch (unit) {
      case NANOSECONDS -> "ns";
      case MICROSECONDS -> "us";
      case MILLISECONDS -> "ms";
      case SECONDS -> "s";
      case MINUTES -> "min";
      case HOURS -> "hr";
      case DAYS -> "day";
    };
  }

  /** Three significant digits are what a benchmark's error allows at best. */
  private static int decimals(double score) {
    if (score == 0 || !Double.isFinite(score)) {
      return 3;
    }
    return Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(score))));
  }

  private static String plain(double v) {
    return java.math.BigDecimal.valueOf(Figure.round(v, decimals(v))).stripTrailingZeros()
        .toPlainString();
  }

  private static String option(List<String> args, String name, String fallback) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
  }
}
