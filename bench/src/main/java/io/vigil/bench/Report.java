package io.vigil.bench;

import io.vigil.domain.check.CheckStatus;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/** Prints the measured runs as Markdown tables (pasted into docs/performance.md). */
final class Report {

  private Report() {}

  static void print(int resources, List<Bench.Run> runs) {
    var out = System.out;
    out.printf(Locale.ROOT, "## Runs%n%n| | %s |%n|---|%s%n",
        String.join(" | ", runs.stream().map(r -> "run " + r.number()
            + (r.number() == 1 ? " (first)" : " (unchanged)")).toList()),
        "---:|".repeat(runs.size()));
    row(runs, "wall time (s)", r -> secs(r.wall().toNanos()));
    row(runs, "sum of the units' durations (s)", r -> secs(r.unitTime().toNanos()));
    row(runs, "resources / s", r -> fmt("%.0f", resources / seconds(r.wall().toNanos())));
    row(runs, "results", r -> fmt("%,d", r.results()));
    row(runs, "results / s", r -> fmt("%.0f", r.results() / seconds(r.wall().toNanos())));
    row(runs, "PASS / FAIL / ERROR / N/A", r -> fmt("%d / %d / %d / %d",
        r.byStatus().getOrDefault(CheckStatus.PASS, 0L),
        r.byStatus().getOrDefault(CheckStatus.FAIL, 0L),
        r.byStatus().getOrDefault(CheckStatus.ERROR, 0L),
        r.byStatus().getOrDefault(CheckStatus.NOT_APPLICABLE, 0L)));
    row(runs, "units (account x region)", r -> fmt("%d", r.units()));
    row(runs, "results written (delta)", r -> fmt("%,d", r.resultsWritten()));
    row(runs, "findings opened", r -> fmt("%,d", r.findingsOpened()));
    row(runs, "evidence objects (distinct)", r -> fmt("%,d", r.evidenceObjects()));
    row(runs, "AWS API calls, all services", r -> fmt("%,d", r.allCalls()));
    row(runs, "DynamoDB requests (Vigil table)", r -> fmt("%,d", dynamoStore(r)));
    row(runs, "**DynamoDB requests / result**", r -> fmt("**%.3f**",
        dynamoStore(r) / (double) r.results()));
    row(runs, "DynamoDB write requests / result", r -> fmt("%.3f",
        dynamoWrites(r) / (double) r.results()));
    row(runs, "DynamoDB request units, estimated (RRU / WRU)", r -> fmt("%,.0f / %,.0f",
        readUnits(r), writeUnits(r)));
    row(runs, "S3 requests (evidence vault)", r -> fmt("%,d", s3Vault(r)));
    row(runs, "S3 PutObject bytes (evidence written)", r -> fmt("%,d", s3PutBytes(r)));
    row(runs, "S3 requests / result", r -> fmt("%.3f", s3Vault(r) / (double) r.results()));
    row(runs, "read calls (snapshot loaders, STS)", r -> fmt("%,d", r.allCalls()
        - dynamoStore(r) - s3Vault(r)));
    row(runs, "summed round-trip time to the emulator (s)", r -> secs(r.roundTripNanos()));
    row(runs, "wall time with >= 1 request in flight", r -> fmt("%.1f s (%.0f %%)",
        seconds(r.inFlightNanos()), 100.0 * r.inFlightNanos() / r.wall().toNanos()));
    row(runs, "wall time with no request in flight", r -> fmt("%.1f s (%.0f %%)",
        seconds(r.wall().toNanos() - r.inFlightNanos()),
        100.0 * (r.wall().toNanos() - r.inFlightNanos()) / r.wall().toNanos()));
    row(runs, "CPU time of this JVM (s)", r -> secs(r.jvmCpuNanos()));
    row(runs, "CPU time of moto_server (s)", r -> secs(r.motoCpuNanos()));
    row(runs, "JFR CPU samples (10 ms)", r -> fmt("%,d", r.samples().total()));
    row(runs, "**CPU samples in Vigil code (self)**", r -> pct(r.samples().share(
        r.samples().self(), CpuProfile.VIGIL)));
    row(runs, "**CPU samples in Vigil code (incl. JDK it calls)**", r -> pct(r.samples().share(
        r.samples().caller(), CpuProfile.VIGIL)));
    row(runs, "**Vigil's own CPU as a share of wall time** (JVM CPU x Vigil share / wall)",
        r -> pct(vigilShareOfWall(r)));
    row(runs, "heap: max occupancy before a GC (MiB)", r -> mib(r.maxBeforeGc()));
    row(runs, "heap: max occupancy after a GC (MiB)", r -> mib(r.maxAfterGc()));
    row(runs, "heap: sum of pool peaks (MiB)", r -> mib(r.poolPeaks()));
    row(runs, "GCs / GC time (ms)", r -> fmt("%d / %d", r.gcCount(), r.gcMillis()));
    out.println();

    out.printf(Locale.ROOT, "## Requests by operation (calls; failed calls, e.g. 404, in "
        + "brackets; mean round trip)%n%n| service operation | %s |%n|---|%s%n",
        String.join(" | ", runs.stream().map(r -> "run " + r.number() + " calls | per result"
            + " | mean ms").toList()), "---:|---:|---:|".repeat(runs.size()));
    var keys = new TreeSet<String>();
    runs.forEach(r -> keys.addAll(r.requests().keySet()));
    for (var k : keys) {
      var sb = new StringBuilder("| ").append(k).append(" |");
      for (var r : runs) {
        var op = r.requests().get(k);
        if (op == null) {
          sb.append(" 0 | 0 | - |");
          continue;
        }
        sb.append(fmt(" %,d%s | %.3f | %.1f |", op.calls(),
            op.failures() > 0 ? fmt(" (%,d)", op.failures()) : "",
            op.calls() / (double) r.results(),
            op.attempts() == 0 ? 0 : op.nanos() / 1e6 / op.attempts()));
        if (op.attempts() != op.calls()) {
          sb.append(fmt(" <!-- %d attempts -->", op.attempts()));
        }
      }
      out.println(sb);
    }
    out.println();

    out.printf(Locale.ROOT, "## DynamoDB request units by operation (estimated, see"
        + " DynamoDbCapacity) and request bytes%n%n| operation | %s |%n|---|%s%n",
        String.join(" | ", runs.stream().map(r -> "run " + r.number() + " RRU | WRU | bytes sent")
            .toList()), "---:|---:|---:|".repeat(runs.size()));
    var dynamoKeys = new TreeSet<String>();
    runs.forEach(r -> dynamoKeys.addAll(dynamoOps(r).keySet()));
    for (var k : dynamoKeys) {
      var sb = new StringBuilder("| ").append(k).append(" |");
      for (var r : runs) {
        var op = dynamoOps(r).get(k);
        sb.append(op == null ? " 0 | 0 | 0 |" : fmt(" %,.1f | %,.0f | %,d |", op.readUnits(),
            op.writeUnits(), op.bytesSent()));
      }
      out.println(sb);
    }
    out.println();

    out.printf(Locale.ROOT, "## CPU samples by code owner (JFR jdk.ExecutionSample)%n%n"
        + "| owner | %s |%n|---|%s%n", String.join(" | ", runs.stream()
            .map(r -> "run " + r.number() + " self | run " + r.number() + " incl. JDK callees")
            .toList()), "---:|---:|".repeat(runs.size()));
    var owners = new TreeSet<String>();
    runs.forEach(r -> {
      owners.addAll(r.samples().self().keySet());
      owners.addAll(r.samples().caller().keySet());
    });
    for (var o : owners) {
      var sb = new StringBuilder("| ").append(o).append(" |");
      for (var r : runs) {
        sb.append(' ').append(pct(r.samples().share(r.samples().self(), o))).append(" | ")
            .append(pct(r.samples().share(r.samples().caller(), o))).append(" |");
      }
      out.println(sb);
    }
    out.println();

    out.printf(Locale.ROOT, "## Results by service (run 1)%n%n");
    runs.get(0).resultsByService().forEach((s, n) ->
        out.printf(Locale.ROOT, "- %s: %,d%n", s, n));
    out.println();
    for (var r : runs) {
      if (!r.errors().isEmpty()) {
        out.printf(Locale.ROOT, "Run %d snapshot errors:%n", r.number());
        r.errors().forEach(e -> out.println("- " + e));
        out.println();
      }
    }
  }

  /** DynamoDB data-plane operations on items: the Vigil table (the loader only lists/describes). */
  private static final java.util.Set<String> ITEM_OPERATIONS = java.util.Set.of("GetItem",
      "PutItem", "UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem", "Query", "Scan",
      "TransactWriteItems", "TransactGetItems");

  /** DynamoDB operations that write items. */
  static final java.util.Set<String> WRITE_OPERATIONS = java.util.Set.of("PutItem",
      "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems");

  /** The Vigil table's item operations of run {@code r}, keyed by operation. */
  static java.util.Map<String, RequestStats.Op> dynamoOps(Bench.Run r) {
    var out = new java.util.TreeMap<String, RequestStats.Op>();
    r.requests().forEach((k, v) -> {
      if (k.startsWith("DynamoDb ") && ITEM_OPERATIONS.contains(k.substring(9))) {
        out.put(k.substring(9), v);
      }
    });
    return out;
  }

  static long dynamoStore(Bench.Run r) {
    return dynamoOps(r).values().stream().mapToLong(RequestStats.Op::calls).sum();
  }

  static long dynamoWrites(Bench.Run r) {
    return dynamoOps(r).entrySet().stream().filter(e -> WRITE_OPERATIONS.contains(e.getKey()))
        .mapToLong(e -> e.getValue().calls()).sum();
  }

  static double readUnits(Bench.Run r) {
    return dynamoOps(r).values().stream().mapToDouble(RequestStats.Op::readUnits).sum();
  }

  static double writeUnits(Bench.Run r) {
    return dynamoOps(r).values().stream().mapToDouble(RequestStats.Op::writeUnits).sum();
  }

  /** Object operations: the evidence vault (the S3 loader only reads bucket configuration). */
  static long s3Vault(Bench.Run r) {
    return r.requests().entrySet().stream()
        .filter(e -> e.getKey().equals("S3 HeadObject") || e.getKey().equals("S3 PutObject")
            || e.getKey().equals("S3 GetObject"))
        .mapToLong(e -> e.getValue().calls()).sum();
  }

  static long s3PutBytes(Bench.Run r) {
    var put = r.requests().get("S3 PutObject");
    return put == null ? 0 : put.bytesSent();
  }

  /** Vigil's own code as a share of wall time: JVM CPU x Vigil's share of the CPU samples. */
  static double vigilShareOfWall(Bench.Run r) {
    return r.jvmCpuNanos() * r.samples().share(r.samples().caller(), CpuProfile.VIGIL)
        / r.wall().toNanos();
  }

  private static void row(List<Bench.Run> runs, String label, Function<Bench.Run, String> cell) {
    System.out.println("| " + label + " | " + String.join(" | ", runs.stream().map(cell).toList())
        + " |");
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static String secs(long nanos) {
    return fmt("%.1f", seconds(nanos));
  }

  private static String pct(double share) {
    return fmt("%.1f %%", 100 * share);
  }

  private static String mib(long bytes) {
    return fmt("%,d", bytes >> 20);
  }
}
