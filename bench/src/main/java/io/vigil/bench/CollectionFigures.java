package io.vigil.bench;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The throughput part's figures (issue 10, item 5) from the measured collection runs: per run
 * resources per second, Vigil's own CPU as a share of wall time, DynamoDB and S3 requests per
 * result, peak heap, and for every run after the first (the estate unchanged) the DynamoDB write
 * requests per result.
 */
final class CollectionFigures {

  /** The target: this many resources collected in at most {@link #WALL_SECONDS}. */
  static final double WALL_SECONDS = 60;

  /** Vigil's own CPU may use at most this share of a run's wall time (%). */
  static final double VIGIL_CPU_PERCENT = 10;

  /** An unchanged run writes at most one DynamoDB request per this many results. */
  static final double RESULTS_PER_WRITE = 25;

  /** The collection runs in this heap (-Xmx in bench/run): half the 2,048 MB collect function. */
  static final double HEAP_MIB = 1024;

  private CollectionFigures() {}

  static List<Figure> of(int resources, int regions, List<Bench.Run> runs) {
    var out = new ArrayList<Figure>();
    for (var r : runs) {
      var id = "collection.run" + r.number();
      var what = r.number() == 1 ? "first run into an empty table" : "unchanged run "
          + r.number() + " over the same estate";
      double wall = r.wall().toNanos() / 1e9;
      var errors = r.errors().isEmpty() ? "" : "; " + r.errors().size()
          + " snapshot errors (see the raw output)";
      out.add(Figure.measured(id + ".resources_per_s", resources / wall, 1, "resources/s",
          Target.atLeast(Math.ceil(resources / WALL_SECONDS * 10) / 10), fmt("%s: %,d resources in %.1f s, %,d results"
              + " (%,d / s), %d units (account x region) in %d regions, in-process (no fan-out"
              + " queue), moto_server on loopback; target: 5,000 resources in <= 60 s (the limit"
              + " rounded up to 0.1/s)%s", what,
              resources, wall, r.results(), Math.round(r.results() / wall), r.units(), regions,
              errors)));
      double share = Report.vigilShareOfWall(r);
      out.add(Figure.measured(id + ".vigil_cpu_share_of_wall", 100 * share, 1, "%",
          Target.atMost(VIGIL_CPU_PERCENT), fmt("JVM CPU %.1f s x %.1f %% of its JFR CPU samples in"
              + " io.vigil code (incl. JDK code it calls) / wall %.1f s = %.1f s; AWS SDK %.1f %%"
              + " of samples; moto_server used %.1f s CPU", r.jvmCpuNanos() / 1e9,
              100 * r.samples().share(r.samples().caller(), CpuProfile.VIGIL), wall,
              share * wall, 100 * r.samples().share(r.samples().caller(), CpuProfile.SDK),
              r.motoCpuNanos() / 1e9)));
      long dynamo = Report.dynamoStore(r);
      out.add(Figure.reported(id + ".dynamodb_requests_per_result",
          dynamo / (double) r.results(), 3, "requests/result", fmt("%,d item requests on the"
              + " Vigil table (%s) for %,d results; estimated %,.0f RRU and %,.0f WRU", dynamo,
              byOperation(r), r.results(), Report.readUnits(r), Report.writeUnits(r))));
      if (r.number() > 1) {
        long writes = Report.dynamoWrites(r);
        long failing = r.byStatus().getOrDefault(CheckStatus.FAIL, 0L);
        double refreshes = lastSeenRefreshesPerHourlyRun(failing);
        out.add(Figure.measured(id + ".dynamodb_writes_per_result",
            (writes + refreshes) / r.results(), 3, "requests/result",
            Target.atMost(1 / RESULTS_PER_WRITE), fmt("hourly steady state: %,d write requests"
                + " measured (%s) for %,d unchanged results, %,d of them FAIL, + %.1f last-seen"
                + " refreshes an hourly run makes on average (each open finding once per %d h,"
                + " Finding.LAST_SEEN_REFRESH; this run came minutes after the first, so it made"
                + " none) = %.3f measured + %.3f; target: an unchanged run writes <= 1 DynamoDB"
                + " request per 25 results", writes, writesByOperation(r), r.results(), failing,
                refreshes, Finding.LAST_SEEN_REFRESH.toHours(), writes / (double) r.results(),
                refreshes / r.results())));
      }
      long s3 = Report.s3Vault(r);
      out.add(Figure.reported(id + ".s3_requests_per_result", s3 / (double) r.results(), 3,
          "requests/result", fmt("%,d evidence-vault requests (%s), %,d bytes of evidence"
              + " written", s3, s3ByOperation(r), Report.s3PutBytes(r))));
      out.add(Figure.reported(id + ".unit_seconds", r.unitTime().toNanos() / 1e9, 1, "s",
          fmt("sum of the %d units' durations (claim to ledger entry), what the queue consumers"
              + " would be billed on Lambda; the units ran at once in this JVM on moto", r.units())));
      long peak = r.maxBeforeGc() > 0 ? r.maxBeforeGc() : r.poolPeaks();
      out.add(Figure.measured(id + ".heap_peak", peak / 1048576.0, 0, "MiB",
          Target.atMost(HEAP_MIB), fmt("largest heap occupancy before a GC (%s); after a GC (the"
              + " live set) at most %,d MiB; %d GCs, %d ms; target: the run fits the 1 GiB heap"
              + " it is given, half the collect function's 2,048 MB",
              r.maxBeforeGc() > 0 ? "G1 fills the young generation before collecting"
                  : "no GC during the run: sum of the heap pools' peaks",
              r.maxAfterGc() >> 20, r.gcCount(), r.gcMillis())));
    }
    return out;
  }

  private static String byOperation(Bench.Run r) {
    return Report.dynamoOps(r).entrySet().stream()
        .map(e -> fmt("%s %,d", e.getKey(), e.getValue().calls()))
        .collect(Collectors.joining(", "));
  }

  private static String writesByOperation(Bench.Run r) {
    var parts = Report.dynamoOps(r).entrySet().stream()
        .filter(e -> Report.WRITE_OPERATIONS.contains(e.getKey()))
        .map(e -> fmt("%s %,d", e.getKey(), e.getValue().calls()))
        .collect(Collectors.joining(", "));
    return parts.isEmpty() ? "none" : parts;
  }

  private static String s3ByOperation(Bench.Run r) {
    var parts = r.requests().entrySet().stream()
        .filter(e -> e.getKey().startsWith("S3 ") && e.getKey().endsWith("Object"))
        .map(e -> fmt("%s %,d", e.getKey().substring(3), e.getValue().calls()))
        .collect(Collectors.joining(", "));
    return parts.isEmpty() ? "none" : parts;
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /**
   * Last-seen writes an hourly run over an unchanged estate makes on average: each of the
   * {@code failing} subjects' open findings is refreshed once per {@link Finding#LAST_SEEN_REFRESH}.
   */
  static double lastSeenRefreshesPerHourlyRun(long failing) {
    return failing / (double) Finding.LAST_SEEN_REFRESH.toHours();
  }
}
