package io.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostModelTest {

  @TempDir
  Path dir;

  /** An unchanged run: 100 s of units, 10,000 RRU, 4,000 WRU, 2 manifests of 1 MB each. */
  private static Bench.Run run() {
    return run(Map.of());
  }

  private static Bench.Run run(Map<io.vigil.domain.check.CheckStatus, Long> byStatus) {
    var get = new RequestStats.Op();
    get.calls.add(10_000);
    get.readUnits.add(10_000);
    var putItem = new RequestStats.Op();
    putItem.calls.add(4_000);
    putItem.writeUnits.add(4_000);
    var putObject = new RequestStats.Op();
    putObject.calls.add(2);
    putObject.bytesSent.add(2_000_000);
    return new Bench.Run(2, Duration.ofSeconds(60), 12_000, byStatus, 0, 0, 0, 2,
        Map.of("DynamoDb GetItem", get, "DynamoDb PutItem", putItem, "S3 PutObject", putObject),
        0, 0, 0, 0, 0, new CpuProfile.Samples(Map.of(), Map.of(), 0), 0, 0, 0, 0, 0, List.of(),
        Map.of(), Duration.ofSeconds(100));
  }

  @Test
  void lines_multiplyEachRunsQuantity_byRunsPerMonth_andTheListPrice() {
    // GIVEN two regions: 4 consumers and a dispatcher, INIT 2 s and 3 s
    var lines = CostModel.lines(run(), 2, Map.of("dispatcher", 2.0, "consumer", 3.0));
    var byItem = new java.util.LinkedHashMap<String, Double>();
    lines.forEach(l -> byItem.put(l.item(), l.dollars()));
    // THEN
    assertEquals(2.0 * (100 + 0.5 + 2 + 4 * 3) * 730 * 0.0000133334,
        byItem.get("Lambda duration (arm64, 2,048 MB, INIT billed)"), 1e-9);
    assertEquals(5 * 730 * 0.20 / 1e6, byItem.get("Lambda requests"), 1e-12);
    assertEquals(10_000 * 730 * 0.125 / 1e6, byItem.get("DynamoDB reads (on demand)"), 1e-12);
    assertEquals(4_000 * 730 * 0.625 / 1e6, byItem.get("DynamoDB writes (on demand)"), 1e-12);
    assertEquals(2 * 730 * 0.005 / 1000, byItem.get("S3 PUT"), 1e-12);
    assertEquals(2e6 * 730 / 1e9 / 2 * 0.023, byItem.get("S3 storage, month 1 (grows monthly)"),
        1e-12);
    assertEquals((4 * 3 * 730 + 2 * 15.0 * 60 * 730) * 0.40 / 1e6, byItem.get("SQS"), 1e-12);
  }

  @Test
  void writes_includeTheLastSeenRefreshes_anHourlyRunMakesOnAverage() {
    // GIVEN 1,200 failing results: their open findings are refreshed once per 12 hours
    var lines = CostModel.lines(run(Map.of(io.vigil.domain.check.CheckStatus.FAIL, 1_200L)), 2,
        Map.of());
    var writes = lines.stream().filter(l -> l.item().equals("DynamoDB writes (on demand)"))
        .findFirst().orElseThrow();
    // THEN 100 refresh WRU per run on top of the measured 4,000
    assertEquals(4_100 * 730 * 0.625 / 1e6, writes.dollars(), 1e-12);
    assertTrue(writes.arithmetic().contains("100 WRU of last-seen refreshes"), writes.arithmetic());
  }

  @Test
  void figures_judgeTheTotal_againstFiveDollars() {
    var figures = CostModel.figures(run(), 2, null);
    var total = figures.get(0);
    assertEquals("cost.monthly_usd", total.name());
    double sum = CostModel.lines(run(), 2, Map.of()).stream()
        .mapToDouble(CostModel.Line::dollars).sum();
    assertEquals(Figure.round(sum, 2), total.value());
    assertEquals(sum <= 5, total.met());
    assertTrue(total.detail().contains("2.0 s per invocation assumed"), total.detail());
    // 36 months of 2 MB per hourly run
    assertEquals(Figure.round(2e6 * 730 * 36 / 1e9 * 0.023, 2), figures.get(1).value());
  }

  @Test
  void initDurations_comeFromTheColdStartResults_whenBothAreThere() {
    // GIVEN
    var file = dir.resolve("coldstart.json");
    ResultsJson.write(file, List.of(
        Figure.reported("coldstart.collect-evidence.shipped.ms", 1860, "ms", ""),
        Figure.reported("coldstart.collect-evidence-queue.shipped.ms", 2067, "ms", "")));
    // WHEN
    var init = CostModel.initSeconds(file);
    // THEN
    assertEquals(Map.of("dispatcher", 1.86, "consumer", 2.067), init.values());
    assertTrue(init.source().contains("coldstart.json"));
  }

  @Test
  void initDurations_fallBackToTheAssumption_whenMissingOrIncomplete() {
    var file = dir.resolve("coldstart.json");
    ResultsJson.write(file, List.of(
        Figure.reported("coldstart.collect-evidence.shipped.ms", 1860, "ms", "")));
    assertEquals(Map.of(), CostModel.initSeconds(file).values());
    assertEquals(Map.of(), CostModel.initSeconds(dir.resolve("absent.json")).values());
    assertFalse(CostModel.initSeconds(null).source().isEmpty());
  }
}
