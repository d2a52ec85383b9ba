package io.vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * CPU samples of one run from Java Flight Recorder ({@code jdk.ExecutionSample}: threads running
 * Java code, sampled every 10 ms; threads blocked on a socket are not sampled). Each sample is
 * attributed twice:
 *
 * <ul>
 *   <li><b>self</b>: by the package of its top-most frame;
 *   <li><b>caller</b>: by the first frame from the top that is not JDK code
 *       ({@code java.}, {@code javax.}, {@code jdk.}, {@code sun.}, {@code com.sun.}), so that a
 *       HashMap lookup or SHA-256 digest that Vigil calls counts as Vigil, and one the SDK calls
 *       counts as the SDK.
 * </ul>
 */
public final class CpuProfile {

  /**
   * Sample counts per category, by top frame ({@code self}) and by first non-JDK frame
   * ({@code caller}), out of {@code total} samples.
   */
  public record Samples(Map<String, Long> self, Map<String, Long> caller, long total) {
    /** The share of {@code category} in {@code counts} (0 when nothing was sampled). */
    public double share(Map<String, Long> counts, String category) {
      return total == 0 ? 0 : counts.getOrDefault(category, 0L) / (double) total;
    }
  }

  private Recording recording;

  /** Starts sampling. */
  public void start() {
    recording = new Recording();
    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
    recording.start();
  }

  /** Stops sampling and attributes the samples; {@code keep} receives the .jfr file if not null. */
  public Samples stop(Path keep) {
    recording.stop();
    try {
      var file = keep != null ? keep : Files.createTempFile("vigil-bench-", ".jfr");
      recording.dump(file);
      recording.close();
      var self = new TreeMap<String, Long>();
      var caller = new TreeMap<String, Long>();
      long total = 0;
      for (var event : RecordingFile.readAllEvents(file)) {
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")
            || event.getStackTrace() == null) {
          continue;
        }
        var frames = event.getStackTrace().getFrames();
        if (frames.isEmpty()) {
          continue;
        }
        total++;
        self.merge(category(className(frames.get(0))), 1L, Long::sum);
        caller.merge(callerCategory(frames), 1L, Long::sum);
      }
      if (keep == null) {
        Files.deleteIfExists(file);
      }
      return new Samples(self, caller, total);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String className(RecordedFrame frame) {
    return frame.getMethod() == null || frame.getMethod().getType() == null ? "?"
        : frame.getMethod().getType().getName();
  }

  private static String callerCategory(List<RecordedFrame> frames) {
    for (var f : frames) {
      var c = category(className(f));
      if (!c.equals(JDK)) {
        return c;
      }
    }
    return JDK + " (no caller in stack depth)";
  }

  static final String VIGIL = "Vigil (io.vigil)";
  static final String SDK = "AWS SDK (software.amazon.awssdk)";
  static final String JSON = "Jackson / JSON";
  static final String MICRONAUT = "Micronaut";
  static final String JDK = "JDK (java, jdk, sun)";
  static final String BENCH = "bench harness";
  static final String OTHER = "other";

  /** The category of a class by its package. */
  static String category(String className) {
    if (className.startsWith("io.vigil.bench.")) {
      return BENCH;
    }
    if (className.startsWith("io.vigil.")) {
      return VIGIL;
    }
    if (className.startsWith("software.amazon.awssdk.thirdparty.jackson")
        || className.startsWith("com.fasterxml.jackson")) {
      return JSON;
    }
    if (className.startsWith("software.amazon.awssdk.")) {
      return SDK;
    }
    if (className.startsWith("io.micronaut.")) {
      return MICRONAUT;
    }
    if (className.startsWith("java.") || className.startsWith("javax.")
        || className.startsWith("jdk.") || className.startsWith("sun.")
        || className.startsWith("com.sun.")) {
      return JDK;
    }
    return OTHER;
  }
}
