package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class VigilCliTest {

  private static final Map<String, String> NO_ENV = Map.of();

  @Test
  void helpListsEveryCommandAndTheEnvironment() {
    var run = CliRunner.run(NO_ENV, "--help");
    assertEquals(0, run.exitCode(), run.err());
    for (var word : new String[] {"demo", "init", "collect", "invoke", "AWS_ENDPOINT_URL",
        "AWS_REGION", "VIGIL_EVIDENCE_BUCKET", "Exit codes"}) {
      assertTrue(run.out().contains(word), "help mentions " + word + ":\n" + run.out());
    }
    assertEquals("", run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "init", "collect", "invoke"})
  void everyCommandHasHelpWithExamples(String command) {
    var run = CliRunner.run(NO_ENV, command, "--help");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Usage: vigil " + command), run.out());
    assertTrue(run.out().contains("Examples:"), run.out());
    assertTrue(run.out().contains("--endpoint-url"), run.out());
  }

  @Test
  void collectHelpDocumentsFormatsAndScope() {
    var run = CliRunner.run(NO_ENV, "collect", "--help");
    assertTrue(run.out().contains("ocsf"), run.out());
    assertTrue(run.out().contains("--accounts"), run.out());
    assertTrue(run.out().contains("--role-name"), run.out());
    assertTrue(run.out().contains("--external-id"), run.out());
  }

  @Test
  void collectRefusesAnUnknownFormat_asAUsageError() {
    var run = CliRunner.run(NO_ENV, "collect", "--endpoint-url", "http://127.0.0.1:9", "--format",
        "xml");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("use json, csv or ocsf"), run.err());
  }

  @Test
  void controlsListsAll93ControlsAndMarksManualOnes() {
    var run = CliRunner.run(NO_ENV, "controls", "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    var rows = (java.util.List<?>) assertDoesNotThrow(() -> Json.parse(run.out()));
    assertEquals(93, rows.size());
    var evidence = rows.stream().map(r -> ((java.util.Map<?, ?>) r).get("evidence")).toList();
    assertTrue(evidence.contains("MANUAL"), evidence::toString);
    assertTrue(evidence.contains("AUTOMATED"), evidence::toString);
    var a824 = (java.util.Map<?, ?>) rows.stream()
        .filter(r -> "A.8.24".equals(((java.util.Map<?, ?>) r).get("control"))).findFirst()
        .orElseThrow();
    assertTrue(((java.util.List<?>) a824.get("primaryChecks"))
        .contains("s3_bucket_default_encryption_enabled"), a824::toString);
  }

  @Test
  void controlsTableSummarisesCoverage() {
    var run = CliRunner.run(NO_ENV, "controls");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("A.8.24"), run.out());
    assertTrue(run.out().matches("(?s).*93 controls: \\d+ automated, \\d+ partial.*"), run.out());
  }

  @Test
  void invokeHelpListsKnownFunctions() {
    var run = CliRunner.run(NO_ENV, "invoke", "--help");
    assertTrue(run.out().contains("collect-evidence"), run.out());
  }

  @Test
  void noCommandIsAUsageError() {
    var run = CliRunner.run(NO_ENV);
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("vigil: missing command"), run.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    var run = CliRunner.run(NO_ENV, "collect", "--no-such-option");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("Unknown option: '--no-such-option'"), run.err());
    assertTrue(run.err().contains("Try 'vigil collect --help'"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void unknownCommandIsAUsageError() {
    var run = CliRunner.run(NO_ENV, "colect");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("collect"), "suggests the right command: " + run.err());
  }

  @Test
  void unknownFunctionIsAUsageErrorNamingTheKnownOnes(@TempDir Path dir) throws Exception {
    var event = Files.writeString(dir.resolve("x.json"), "{}");
    var run = CliRunner.run(NO_ENV, "invoke", "unknown-fn", event.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("unknown function 'unknown-fn'"), run.err());
    assertTrue(run.err().contains("known functions: collect-evidence"), run.err());
  }

  @Test
  void unknownFunctionIsReportedBeforeAMissingFile() {
    var run = CliRunner.run(NO_ENV, "invoke", "unknown-fn", "x.json");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("known functions: collect-evidence"), run.err());
  }

  @Test
  void missingEventFileIsAUsageError(@TempDir Path dir) {
    var run = CliRunner.run(NO_ENV, "invoke", "collect-evidence",
        dir.resolve("missing.json").toString(), "--endpoint-url", "http://127.0.0.1:1");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("event file not found"), run.err());
  }

  @Test
  void eventFileThatIsNotJsonIsAUsageError(@TempDir Path dir) throws Exception {
    var event = Files.writeString(dir.resolve("bad.json"), "{\"id\": ");
    var run = CliRunner.run(NO_ENV, "invoke", "collect-evidence", event.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("is not a JSON object"), run.err());
  }

  @Test
  void missingFunctionArgumentsAreAUsageError() {
    var run = CliRunner.run(NO_ENV, "invoke");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("Missing required parameters"), run.err());
  }

  @Test
  void realAwsWithoutABucketIsAUsageErrorNamingTheFix() {
    var run = CliRunner.run(NO_ENV, "collect");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--bucket"), run.err());
    assertTrue(run.err().contains("VIGIL_EVIDENCE_BUCKET"), run.err());
  }

  @Test
  void malformedEndpointIsAUsageError() {
    var run = CliRunner.run(NO_ENV, "init", "--endpoint-url", "localhost:4566");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("endpoint URL 'localhost:4566' is not valid"), run.err());
  }

  @Test
  void failureExitsOneWithAOneLineReasonAndNoStackTrace() {
    var run = CliRunner.run(NO_ENV, VigilCliTest::addFailingCommand, "boom");
    assertEquals(1, run.exitCode());
    assertEquals("vigil: the table is on fire", run.err().strip());
  }

  @Test
  void verbosePrintsTheStackTrace() {
    var run = CliRunner.run(NO_ENV, VigilCliTest::addFailingCommand, "boom", "-v");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("vigil: the table is on fire"), run.err());
    assertTrue(run.err().contains("\tat "), run.err());
  }

  @Test
  void versionIsPrinted() {
    var run = CliRunner.run(NO_ENV, "--version");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("vigil "), run.out());
    assertFalse(run.out().isBlank());
  }

  private static void addFailingCommand(CommandLine cmd) {
    cmd.addSubcommand("boom", new Boom());
  }

  /** A command that fails with a wrapped cause, like a bean that could not be created. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("the table is on fire\nsecond line of detail");
    }
  }
}
