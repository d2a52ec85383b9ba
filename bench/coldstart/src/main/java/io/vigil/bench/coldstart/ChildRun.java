package io.vigil.bench.coldstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one child JVM and times it from the parent: {@link System#nanoTime()} just before
 * {@link ProcessBuilder#start()} to the moment the parent reads the launcher's marker line. The
 * child's stderr (the handler's log) goes to a file; its stdout is read line by line.
 */
final class ChildRun {

  /** What one child reported. {@code failure} is null when the handler answered. */
  record Result(
      String failure,
      long wallNanos,
      long jvmToMainNanos,
      long initNanos,
      long deserializeNanos,
      long invokeNanos,
      long serializeNanos,
      int responseBytes,
      String response,
      long peakRssKb,
      String requests,
      Map<String, Long> classes,
      long probeSdkNanos,
      long probeMicronautNanos,
      String serde,
      int exitCode) {

    boolean ok() {
      return failure == null;
    }
  }

  private ChildRun() {}

  /** Runs {@code command} with exactly {@code env} as its environment. */
  static Result run(List<String> command, Map<String, String> env, Path log, Duration timeout)
      throws IOException, InterruptedException {
    var pb = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().clear();
    pb.environment().putAll(env);
    Instant startedAt = Instant.now();
    long t0 = System.nanoTime();
    Process process = pb.start();
    var watchdog = new Thread(() -> {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
      }
    }, "coldstart-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();

    long markerAt = -1;
    Map<String, String> marker = Map.of();
    String failure = null;
    String response = null;
    String rss = null;
    String requests = null;
    String serde = null;
    try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(Launcher.MARKER)) {
          markerAt = System.nanoTime();
          marker = fields(line.substring(Launcher.MARKER.length()));
        } else if (line.startsWith(Launcher.RESPONSE)) {
          response = line.substring(Launcher.RESPONSE.length());
        } else if (line.startsWith(Launcher.RSS)) {
          rss = line.substring(Launcher.RSS.length());
        } else if (line.startsWith(Launcher.REQUESTS)) {
          requests = line.substring(Launcher.REQUESTS.length());
        } else if (line.startsWith(Launcher.SERDE)) {
          serde = line.substring(Launcher.SERDE.length());
        } else if (line.startsWith(Launcher.FAILED)) {
          failure = line.substring(Launcher.FAILED.length());
        }
      }
    }
    int exit = process.waitFor();
    if (failure == null && markerAt < 0) {
      failure = "no marker (exit code " + exit + "; see " + log + ")";
    }
    if (failure != null) {
      return new Result(failure, -1, -1, -1, -1, -1, -1, -1, null, -1, requests, Map.of(), -1, -1,
          null, exit);
    }
    long startMicros = startedAt.getEpochSecond() * 1_000_000L + startedAt.getNano() / 1_000;
    var classes = new HashMap<String, Long>();
    marker.forEach((k, v) -> {
      if (k.startsWith("classes")) {
        classes.put(k, Long.parseLong(v));
      }
    });
    return new Result(null, markerAt - t0,
        (Long.parseLong(marker.get("mainEpochMicros")) - startMicros) * 1_000,
        Long.parseLong(marker.get("initNanos")), Long.parseLong(marker.get("deserializeNanos")),
        Long.parseLong(marker.get("invokeNanos")), Long.parseLong(marker.get("serializeNanos")),
        Integer.parseInt(marker.get("responseBytes")), response,
        rss == null ? -1 : Long.parseLong(fields(rss).getOrDefault("vmHwmKb", "-1")),
        requests, classes, Long.parseLong(marker.getOrDefault("probeSdkNanos", "-1")),
        Long.parseLong(marker.getOrDefault("probeMicronautNanos", "-1")), serde, exit);
  }

  /** {@code a=1 b=2} as a map. */
  static Map<String, String> fields(String text) {
    var out = new HashMap<String, String>();
    for (var part : text.trim().split("\\s+")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        out.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return out;
  }
}
