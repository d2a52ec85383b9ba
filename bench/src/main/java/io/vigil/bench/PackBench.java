package io.vigil.bench;

import io.vigil.reports.ReportHtml;
import io.vigil.reports.ReportMarkdown;
import io.vigil.reports.ReportPdf;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The management review pack over a large ISMS (issue 7, "Scale"; issue 10, item 5): 100,000
 * findings and 1,000,000 latest check results by default ({@link PackEstate}), held in the domain's
 * in-memory stores — so the figures are Vigil's own computation and memory (measure, build, render
 * HTML, PDF and Markdown), without DynamoDB's transfer time, which docs/performance.md estimates
 * from the items read. One measured pass in a fresh JVM, as one Lambda invocation would do it
 * (no warm-up: the JIT compiles as it goes).
 *
 * <p>Heap: what the pack itself needs above the seeded stores, measured as the largest heap
 * occupancy during the pack (just before a GC, or at its end) minus the stores' live set after a
 * full GC — an upper bound, since occupancy includes garbage not yet collected; the bytes the
 * thread allocated are printed as well. In the Lambda the stores are DynamoDB, not heap.
 *
 * <p>Options: {@code --findings N}, {@code --results N}, {@code --results-file FILE} (write the
 * figures there).
 */
public final class PackBench {

  /** The pack must be built and rendered within this (ms) ... */
  static final double WALL_MS = 2000;

  /** ... and within this much heap (MiB) of its own (issue 10). */
  static final double HEAP_MIB = 256;

  private PackBench() {}

  public static void main(String[] args) {
    int findingsCount = intArg(args, "--findings", 100_000);
    int resultsCount = intArg(args, "--results", 1_000_000);
    var resultsFile = stringArg(args, "--results-file");
    var heap = new HeapMonitor();

    long t0 = System.nanoTime();
    var estate = PackEstate.seed(findingsCount, resultsCount);
    long seeded = System.nanoTime();
    System.gc();
    var runtime = Runtime.getRuntime();
    long usedBefore = runtime.totalMemory() - runtime.freeMemory();
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    heap.reset();

    var builder = estate.builder();
    long a = System.nanoTime();
    var current = builder.measure(PackEstate.QUARTER);
    long b = System.nanoTime();
    var pack = builder.managementReview(PackEstate.QUARTER, current);
    long c = System.nanoTime();
    var html = ReportHtml.render(pack);
    long d = System.nanoTime();
    var pdf = ReportPdf.render(pack);
    long e = System.nanoTime();
    var md = ReportMarkdown.render(pack);
    long f = System.nanoTime();
    long usedAfter = runtime.totalMemory() - runtime.freeMemory();
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
    long peakAbove = Math.max(heap.maxBeforeGc(), usedAfter) - usedBefore;

    System.out.printf("%-48s %12s%n", "management review pack", "");
    System.out.printf("%-48s %,12d%n", "findings (10 % open)", findingsCount);
    System.out.printf("%-48s %,12d%n", "latest check results", resultsCount);
    System.out.printf("%-48s %,12d ms%n", "seeding the in-memory stores", ms(t0, seeded));
    System.out.printf("%-48s %,12d ms%n", "measure the period (9 measures)", ms(a, b));
    System.out.printf("%-48s %,12d ms%n", "build the pack (sections a-g)", ms(b, c));
    System.out.printf("%-48s %,12d ms  (%,d bytes)%n", "render HTML", ms(c, d), html.length());
    System.out.printf("%-48s %,12d ms  (%,d bytes)%n", "render PDF", ms(d, e), pdf.length);
    System.out.printf("%-48s %,12d ms  (%,d bytes)%n", "render Markdown", ms(e, f), md.length());
    System.out.printf("%-48s %,12d ms%n", "total (measure, build, render)", ms(a, f));
    System.out.printf("%-48s %,12d MiB%n", "heap held by the seeded stores (after GC)",
        usedBefore >> 20);
    System.out.printf("%-48s %,12d MiB%n", "peak heap of the pack above the stores",
        peakAbove >> 20);
    System.out.printf("%-48s %,12d MiB%n", "bytes allocated by the pack", allocated >> 20);
    System.out.printf("%-48s %,12d / %d ms%n", "GCs during the pack / pause", heap.collections(),
        heap.gcMillis());
    System.out.printf("%-48s %12s%n", "control pass rate", current.get(0).value());

    if (resultsFile != null) {
      var scale = String.format(Locale.ROOT, "%,d findings, %,d results", findingsCount,
          resultsCount);
      ResultsJson.write(Path.of(resultsFile), List.of(
          Figure.measured("pack.wall_time", (f - a) / 1e6, 0, "ms", Target.atMost(WALL_MS),
              String.format(Locale.ROOT, "management review pack of %s over %s, one pass in a"
                  + " fresh JVM (%s): measure %d ms, build %d ms, render HTML %d ms, PDF %d ms,"
                  + " Markdown %d ms; stores in memory (DynamoDB transfer not included); target:"
                  + " <= 2 s over 100k findings / 1M results", PackEstate.QUARTER.id(), scale,
                  jvm(), ms(a, b), ms(b, c), ms(c, d), ms(d, e), ms(e, f))),
          Figure.measured("pack.heap_peak", peakAbove / 1048576.0, 0, "MiB",
              Target.atMost(HEAP_MIB), String.format(Locale.ROOT, "largest heap occupancy during"
                  + " the pack minus the seeded stores' live set (%,d MiB) — an upper bound; %,d"
                  + " MiB allocated in all, %d GCs during the pack; target: <= 256 MB over 100k"
                  + " findings / 1M results", usedBefore >> 20, allocated >> 20,
                  heap.collections()))));
    }
  }

  private static String jvm() {
    return "JDK " + System.getProperty("java.runtime.version") + ", -Xmx"
        + (Runtime.getRuntime().maxMemory() >> 20) + "m";
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }

  private static int intArg(String[] args, String name, int fallback) {
    var v = stringArg(args, name);
    return v == null ? fallback : Integer.parseInt(v);
  }

  private static String stringArg(String[] args, String name) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return null;
  }
}
