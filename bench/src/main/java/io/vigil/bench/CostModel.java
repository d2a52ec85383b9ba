package io.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The monthly AWS bill of collecting the benchmark's estate hourly in one account, from an
 * unchanged run's measured requests, request units, bytes and durations and the published
 * us-east-1 list prices below (checked 2026-11; no free tier, no savings plan). Every line is
 * quantity per run x runs per month x unit price; docs/performance.md shows the same arithmetic.
 *
 * <p>What the benchmark cannot measure is an explicit assumption: the fan-out (one dispatcher
 * invocation, one queue-consumer invocation per account x region x service group), each
 * invocation a cold start (an hourly function is not kept warm) whose billed INIT phase lasts
 * what the cold-start part measured for the shipped flags (or {@link #DEFAULT_INIT_SECONDS}),
 * the units' durations on Lambda equal to those measured on moto, the idle long polling of the
 * SQS event source mappings, and the log volume per invocation.
 */
final class CostModel {

  /** Lambda, arm64, per GB-second (first 7.5 billion GB-s per month). */
  static final double LAMBDA_GB_SECOND = 0.0000133334;
  /** Lambda, per request. */
  static final double LAMBDA_REQUEST = 0.20 / 1e6;
  /** DynamoDB on demand, standard table class, per write request unit. */
  static final double DYNAMODB_WRU = 0.625 / 1e6;
  /** DynamoDB on demand, standard table class, per read request unit. */
  static final double DYNAMODB_RRU = 0.125 / 1e6;
  /** S3 Standard, per PUT, COPY, POST or LIST request. */
  static final double S3_PUT = 0.005 / 1000;
  /** S3 Standard, per GB-month of storage (first 50 TB). */
  static final double S3_GB_MONTH = 0.023;
  /** SQS standard queue, per request (first 100 billion). */
  static final double SQS_REQUEST = 0.40 / 1e6;
  /** EventBridge Scheduler, per invocation. */
  static final double SCHEDULER_INVOCATION = 1.00 / 1e6;
  /** EventBridge, per custom event published. */
  static final double EVENT = 1.00 / 1e6;
  /** CloudWatch Logs, standard class, per GB ingested. */
  static final double LOGS_GB = 0.50;

  /** Hours in an average month (8,760 / 12): hourly runs per month. */
  static final double RUNS_PER_MONTH = 730;
  /** Memory of the collect-evidence functions (FunctionsStack): 2,048 MB. */
  static final double FUNCTION_GB = 2.0;
  /** Service groups, one queue and one consumer package each (network, governance). */
  static final int GROUPS = 2;
  /** Billed INIT when the cold-start part has not run. */
  static final double DEFAULT_INIT_SECONDS = 2.0;
  /** The dispatcher claims the run and sends the units: a few requests, assumed 0.5 s warm. */
  static final double DISPATCH_SECONDS = 0.5;
  /** Idle SQS event source mapping: 5 pollers, each a 20 s long poll: 15 requests / minute. */
  static final double POLLS_PER_QUEUE_PER_MONTH = 15.0 * 60 * 730;
  /** CloudWatch Logs: START/END/REPORT and a few INFO lines per invocation, assumed 2 KB. */
  static final double LOG_BYTES_PER_INVOCATION = 2048;
  /** Object Lock retention of the evidence bucket in production (VigilConfig): 3 years. */
  static final int RETENTION_MONTHS = 36;
  /** The cost target of issue 10 ($ per month). */
  static final double TARGET_DOLLARS = 5;

  /** One line of the bill: what, how much per month, and the dollars. */
  record Line(String item, String arithmetic, double dollars) {}

  private CostModel() {}

  /**
   * The month's bill for hourly runs like {@code unchanged} (a run over an unchanged estate),
   * with {@code regions} regions in one account.
   */
  static List<Line> lines(Bench.Run unchanged, int regions, Map<String, Double> initSeconds) {
    var out = new ArrayList<Line>();
    int consumers = regions * GROUPS;
    double invocations = 1 + consumers;
    double dispatcherInit = initSeconds.getOrDefault("dispatcher", DEFAULT_INIT_SECONDS);
    double consumerInit = initSeconds.getOrDefault("consumer", DEFAULT_INIT_SECONDS);
    double units = unchanged.unitTime().toNanos() / 1e9;
    double gbSeconds = FUNCTION_GB * (units + DISPATCH_SECONDS + dispatcherInit
        + consumers * consumerInit);
    out.add(new Line("Lambda duration (arm64, 2,048 MB, INIT billed)", fmt("2 GB x (%.1f s of"
        + " units + %.1f s dispatch + %.1f s + %d x %.1f s INIT) = %.1f GB-s/run x %.0f runs x"
        + " $%.10f", units, DISPATCH_SECONDS, dispatcherInit, consumers, consumerInit, gbSeconds,
        RUNS_PER_MONTH, LAMBDA_GB_SECOND), gbSeconds * RUNS_PER_MONTH * LAMBDA_GB_SECOND));
    out.add(new Line("Lambda requests", fmt("%.0f invocations/run x %.0f x $0.20/M", invocations,
        RUNS_PER_MONTH), invocations * RUNS_PER_MONTH * LAMBDA_REQUEST));
    double rru = Report.readUnits(unchanged);
    double measuredWru = Report.writeUnits(unchanged);
    // the evidence item a refresh rewrites is far below 1 KB: 1 WRU each
    double refreshWru = CollectionFigures.lastSeenRefreshesPerHourlyRun(
        unchanged.byStatus().getOrDefault(io.vigil.domain.check.CheckStatus.FAIL, 0L));
    double wru = measuredWru + refreshWru;
    out.add(new Line("DynamoDB reads (on demand)", fmt("%,.0f RRU/run x %.0f x $0.125/M", rru,
        RUNS_PER_MONTH), rru * RUNS_PER_MONTH * DYNAMODB_RRU));
    out.add(new Line("DynamoDB writes (on demand)", fmt("(%,.0f WRU measured + %,.0f WRU of"
        + " last-seen refreshes on average) /run x %.0f x $0.625/M", measuredWru, refreshWru,
        RUNS_PER_MONTH), wru * RUNS_PER_MONTH * DYNAMODB_WRU));
    var put = unchanged.requests().get("S3 PutObject");
    long puts = put == null ? 0 : put.calls();
    long bytes = Report.s3PutBytes(unchanged);
    out.add(new Line("S3 PUT", fmt("%,d PUT/run x %.0f x $0.005/1,000", puts, RUNS_PER_MONTH),
        puts * RUNS_PER_MONTH * S3_PUT));
    double gbPerMonth = bytes * RUNS_PER_MONTH / 1e9;
    out.add(new Line("S3 storage, month 1 (grows monthly)", fmt("%,d bytes/run x %.0f = %.2f GB"
        + " written a month, on average half of it stored in month 1 x $0.023/GB-month", bytes,
        RUNS_PER_MONTH, gbPerMonth), gbPerMonth / 2 * S3_GB_MONTH));
    double sqs = consumers * 3 + GROUPS * POLLS_PER_QUEUE_PER_MONTH / RUNS_PER_MONTH;
    out.add(new Line("SQS", fmt("(%d messages x 3 requests + %d queues x %.0f idle long polls)"
        + " per run x %.0f x $0.40/M", consumers, GROUPS, POLLS_PER_QUEUE_PER_MONTH
        / RUNS_PER_MONTH, RUNS_PER_MONTH), sqs * RUNS_PER_MONTH * SQS_REQUEST));
    out.add(new Line("EventBridge Scheduler", fmt("1 invocation/run x %.0f x $1.00/M",
        RUNS_PER_MONTH), RUNS_PER_MONTH * SCHEDULER_INVOCATION));
    out.add(new Line("EventBridge events", fmt("%d RunCompleted/run x %.0f x $1.00/M",
        1 + consumers, RUNS_PER_MONTH), (1 + consumers) * RUNS_PER_MONTH * EVENT));
    out.add(new Line("CloudWatch Logs ingestion", fmt("%.0f invocations x 2 KB x %.0f x"
        + " $0.50/GB", invocations, RUNS_PER_MONTH),
        invocations * LOG_BYTES_PER_INVOCATION * RUNS_PER_MONTH / 1e9 * LOGS_GB));
    return out;
  }

  /** The evidence bucket's storage once it holds {@link #RETENTION_MONTHS} months of runs. */
  static double retainedStorageDollars(Bench.Run unchanged) {
    return Report.s3PutBytes(unchanged) * RUNS_PER_MONTH * RETENTION_MONTHS / 1e9 * S3_GB_MONTH;
  }

  /** The figures: the month-1 total against the target, and the storage after the retention. */
  static List<Figure> figures(Bench.Run unchanged, int regions, Path coldstartResults) {
    var init = initSeconds(coldstartResults);
    var lines = lines(unchanged, regions, init.values());
    double total = lines.stream().mapToDouble(Line::dollars).sum();
    var breakdown = lines.stream().map(l -> fmt("%s $%.3f (%s)", l.item(), l.dollars(),
        l.arithmetic())).collect(Collectors.joining("; "));
    double retained = retainedStorageDollars(unchanged);
    return List.of(
        Figure.measured("cost.monthly_usd", total, 2, "USD/month", Target.atMost(TARGET_DOLLARS),
            fmt("hourly collection of this estate (run %d, unchanged) in one account, %d regions,"
                + " us-east-1 list prices, no free tier: %s; INIT: %s; target: <= $5/month",
                unchanged.number(), regions, breakdown, init.source())),
        Figure.reported("cost.evidence_storage_after_retention_usd", retained, 2, "USD/month",
            fmt("S3 storage once %d months of hourly runs are retained (Object Lock, production"
                + " default 1,095 days): %,d bytes/run x %.0f x %d / 1e9 GB x $0.023; not in"
                + " cost.monthly_usd, which is month 1", RETENTION_MONTHS,
                Report.s3PutBytes(unchanged), RUNS_PER_MONTH, RETENTION_MONTHS)));
  }

  /** INIT durations and where they come from. */
  record Init(Map<String, Double> values, String source) {}

  /**
   * The shipped-flag cold starts of the collect-evidence dispatcher and queue consumer from the
   * cold-start part's results, when it has written them.
   */
  static Init initSeconds(Path coldstartResults) {
    var fallback = new Init(Map.of(), fmt("%.1f s per invocation assumed (no cold-start results)",
        DEFAULT_INIT_SECONDS));
    if (coldstartResults == null || !Files.isRegularFile(coldstartResults)) {
      return fallback;
    }
    try {
      var values = new java.util.HashMap<String, Double>();
      for (var e : ResultsJson.read(coldstartResults)) {
        if (e.get("value") instanceof Number n) {
          if ("coldstart.collect-evidence.shipped.ms".equals(e.get("name"))) {
            values.put("dispatcher", n.doubleValue() / 1000);
          } else if ("coldstart.collect-evidence-queue.shipped.ms".equals(e.get("name"))) {
            values.put("consumer", n.doubleValue() / 1000);
          }
        }
      }
      if (values.size() < 2) {
        return fallback;
      }
      return new Init(values, fmt("dispatcher %.1f s, consumer %.1f s: JVM start to first response"
          + " with the shipped flags, from %s (modified %s)", values.get("dispatcher"),
          values.get("consumer"), coldstartResults.getFileName(),
          Files.getLastModifiedTime(coldstartResults).toInstant()
              .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    } catch (RuntimeException | java.io.IOException e) {
      return fallback;
    }
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
