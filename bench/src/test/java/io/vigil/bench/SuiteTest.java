package io.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteTest {

  @TempDir
  Path dir;

  @Test
  void merge_reportsAnExpectedPartWithoutAFile_asNotRun_neverSkipsIt() {
    // GIVEN only the jmh part wrote its file
    ResultsJson.write(dir.resolve("jmh.json"),
        List.of(Figure.measured("jmh.a", 1, "ms/op", Target.atMost(2), "")));
    // WHEN
    var rows = Suite.merge(dir, List.of("jmh", "coldstart"),
        Map.of("coldstart", "bench/coldstart/run does not exist"));
    // THEN
    assertEquals(List.of("jmh.a", "coldstart"), rows.stream().map(r -> r.get("name")).toList());
    assertEquals(false, rows.get(1).get("met"));
    assertEquals(null, rows.get(1).get("value"));
    assertEquals("not run: bench/coldstart/run does not exist", rows.get(1).get("detail"));
  }

  @Test
  void merge_takesEveryPartFile_expectedOnesFirst_butNeverLatest() throws Exception {
    // GIVEN a foreign part in the suite's format with an extra field, and an old latest.json
    Files.writeString(dir.resolve("coldstart.json"), "[{\"name\": \"coldstart.notify.init\","
        + " \"value\": 812, \"unit\": \"ms\", \"target\": \"<= 1000\", \"met\": true,"
        + " \"detail\": \"p50 of 5\", \"samples\": [800, 812]}]");
    ResultsJson.write(dir.resolve("aaa.json"),
        List.of(Figure.measured("aaa.x", 1, "s", Target.atMost(2), "")));
    ResultsJson.write(dir.resolve("jmh.json"),
        List.of(Figure.measured("jmh.a", 3, "ms/op", Target.atMost(2), "")));
    ResultsJson.write(dir.resolve(Suite.LATEST),
        List.of(Figure.measured("stale", 1, "s", Target.atMost(2), "")));
    // WHEN
    var rows = Suite.merge(dir, List.of("jmh", "coldstart"), Map.of());
    // THEN
    assertEquals(List.of("jmh.a", "coldstart.notify.init", "aaa.x"),
        rows.stream().map(r -> r.get("name")).toList());
    assertEquals(false, rows.get(0).get("met"));
    assertEquals(true, rows.get(1).get("met"));
    assertEquals(List.of(new java.math.BigDecimal("800").longValue(), 812L),
        rows.get(1).get("samples"));
  }

  @Test
  void merge_marksAnUnreadableOrMalformedPart_asNotMet() throws Exception {
    // GIVEN a truncated file and an element without a boolean met
    Files.writeString(dir.resolve("throughput.json"), "[{\"name\": \"x\", \"va");
    Files.writeString(dir.resolve("pack.json"), "[{\"name\": \"pack.x\", \"value\": 1,"
        + " \"met\": \"yes\"}]");
    // WHEN
    var rows = Suite.merge(dir, List.of("throughput", "pack"), Map.of());
    // THEN
    assertEquals("throughput", rows.get(0).get("name"));
    assertEquals(false, rows.get(0).get("met"));
    assertTrue(((String) rows.get(0).get("detail")).startsWith(
        "not run: bench/results/throughput.json is unreadable"), (String) rows.get(0).get("detail"));
    assertEquals("pack.x", rows.get(1).get("name"));
    assertEquals(false, rows.get(1).get("met"));
    assertTrue(((String) rows.get(1).get("detail")).startsWith("malformed element"));
  }

  @Test
  void merge_takesANullMetWithoutATarget_asAFigureWithoutTarget_butNotWithOne() throws Exception {
    // GIVEN a part that leaves met null on its informational figures, and once wrongly
    Files.writeString(dir.resolve("coldstart.json"), "[{\"name\": \"coldstart.setup\","
        + " \"value\": 5, \"unit\": \"runs\", \"target\": null, \"met\": null,"
        + " \"detail\": \"5 runs\"}, {\"name\": \"coldstart.x.ms\", \"value\": 900,"
        + " \"unit\": \"ms\", \"target\": \"<= 1000\", \"met\": null, \"detail\": \"\"}]");
    // WHEN
    var rows = Suite.merge(dir, List.of("coldstart"), Map.of());
    // THEN
    assertEquals(true, rows.get(0).get("met"));
    assertEquals("5 runs", rows.get(0).get("detail"));
    assertEquals(false, rows.get(1).get("met"));
    assertTrue(((String) rows.get(1).get("detail")).startsWith("malformed element"));
  }

  @Test
  void merge_keepsTheFiguresOfAPartThatFailedLater_andAddsAFailedStatus() {
    // GIVEN the pack part wrote a figure, then exited with an error
    ResultsJson.write(dir.resolve("pack.json"),
        List.of(Figure.measured("pack.wall_time", 1500, "ms", Target.atMost(2000), "")));
    // WHEN
    var rows = Suite.merge(dir, List.of("pack"), Map.of("pack", "exit code 1"));
    // THEN
    assertEquals(List.of("pack.wall_time", "pack.status"),
        rows.stream().map(r -> r.get("name")).toList());
    assertEquals(false, rows.get(1).get("met"));
    assertEquals("exit code 1", rows.get(1).get("detail"));
  }

  @Test
  void packages_measureEveryLambdaJar_againstTwentyMib() throws Exception {
    // GIVEN two function modules with Lambda packages either side of the limit, and other jars
    var notify = Files.createDirectories(dir.resolve("functions/notify/target"));
    var collect = Files.createDirectories(dir.resolve("functions/collect-evidence/target"));
    write(notify.resolve("vigil-notify-0.1.0-SNAPSHOT-lambda.jar"), 20 * 1048576);
    write(collect.resolve("vigil-collect-evidence-0.1.0-SNAPSHOT-lambda-network.jar"),
        20 * 1048576 + 1);
    write(collect.resolve("vigil-collect-evidence-0.1.0-SNAPSHOT.jar"), 10);
    write(Files.createDirectories(dir.resolve("cli/target")).resolve("x-lambda.jar"), 10);
    // WHEN
    var figures = Suite.packages(dir);
    // THEN
    assertEquals(List.of("package.vigil-collect-evidence-0.1.0-SNAPSHOT-lambda-network",
        "package.vigil-notify-0.1.0-SNAPSHOT-lambda"), figures.stream().map(Figure::name).toList());
    assertEquals(false, figures.get(0).met());
    assertEquals(true, figures.get(1).met());
    assertEquals(20.0, figures.get(1).value());
    assertEquals("MiB", figures.get(1).unit());
  }

  @Test
  void packages_withoutAnyJar_isOneFigureThatDidNotRun() {
    var figures = Suite.packages(dir);
    assertEquals(1, figures.size());
    assertEquals(false, figures.get(0).met());
    assertTrue(figures.get(0).detail().startsWith("not run: "));
  }

  @Test
  void table_showsEveryRow_withItsTarget_andWhyMissingPartsDidNotRun() {
    // GIVEN
    var rows = List.of(
        Figure.measured("jmh.a", 0.5, "ms/op", Target.atMost(2), "").toMap(),
        Figure.reported("collection.run1.dynamodb_requests_per_result", 2.018, "requests/result",
            "").toMap(),
        Figure.notRun("coldstart", "bench/coldstart/run does not exist").toMap());
    var bytes = new ByteArrayOutputStream();
    // WHEN
    Suite.printTable(rows, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    // THEN
    var lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals("name                                          value  unit             target"
        + "  met", lines.get(0));
    assertTrue(lines.get(2).matches("jmh\\.a\\s+0\\.5  ms/op\\s+<= 2\\s+yes"), lines.get(2));
    assertTrue(lines.get(3).matches(".*2\\.018  requests/result  -\\s+\\(none\\)"), lines.get(3));
    assertTrue(lines.get(4).matches("coldstart\\s+-\\s+-\\s+NO"), lines.get(4));
    assertTrue(lines.contains("3 figures, 1 without a target, 1 not met or not run"));
    assertTrue(lines.contains("- coldstart: not run: bench/coldstart/run does not exist"));
  }

  private static void write(Path file, int size) throws Exception {
    Files.write(file, new byte[size]);
  }
}
