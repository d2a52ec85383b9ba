package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code vigil registers}, {@code risks}, {@code evidence-tasks} and {@code soa}: usage errors are
 * refused with exit 2 and one clear line before any function starts (the endpoint below is never
 * contacted), and the help shows examples.
 */
class RegisterCommandsTest {

  private static final String NOWHERE = "http://127.0.0.1:1";
  private static final Map<String, String> MANAGER = Map.of("VIGIL_ACTOR", "isms@acme.test",
      "VIGIL_ROLE", "isms-manager");

  private static CliRunner.Run usage(String... args) {
    var run = CliRunner.run(MANAGER, args);
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertEquals("", run.out());
    return run;
  }

  @Test
  void anUnknownRegisterIsAUsageErrorNamingTheRegisters() {
    var run = usage("registers", "list", "assets", "--endpoint-url", NOWHERE);
    assertTrue(run.err().contains("'assets' is not a register; one of scope, issues,"
        + " interested-parties, policies"), run.err());
    assertTrue(run.err().contains("soa-decisions"), run.err());
  }

  @Test
  void fieldsComeFromAFileOrFromSetButNotBoth(@TempDir Path dir) throws Exception {
    var file = dir.resolve("risk.json");
    Files.writeString(file, "{\"title\": \"t\"}");
    var both = usage("registers", "create", "risks", "--file", file.toString(), "--set",
        "title=t", "--endpoint-url", NOWHERE);
    assertTrue(both.err().contains("mutually exclusive"), both.err());
    var neither = usage("registers", "create", "risks", "--endpoint-url", NOWHERE);
    assertTrue(neither.err().contains("--file") && neither.err().contains("--set"),
        neither.err());
    var noEquals = usage("registers", "create", "risks", "--set", "title", "--endpoint-url",
        NOWHERE);
    assertTrue(noEquals.err().contains("--set 'title': expected FIELD=VALUE"), noEquals.err());
    var twice = usage("registers", "update", "risks", "R-1", "--set", "impact=3", "--set",
        "impact=4", "--endpoint-url", NOWHERE);
    assertTrue(twice.err().contains("--set impact is given twice"), twice.err());
  }

  @Test
  void aBadFileIsAUsageError(@TempDir Path dir) throws Exception {
    var missing = usage("registers", "create", "risks", "--file",
        dir.resolve("none.json").toString(), "--endpoint-url", NOWHERE);
    assertTrue(missing.err().contains("none.json: no such file"), missing.err());
    var broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"title\": ");
    assertTrue(usage("registers", "create", "risks", "--file", broken.toString(),
        "--endpoint-url", NOWHERE).err().contains("broken.json: not JSON"));
    var scalars = dir.resolve("scalars.json");
    Files.writeString(scalars, "[{\"title\": \"a\"}, 3]");
    assertTrue(usage("registers", "create", "risks", "--file", scalars.toString(),
        "--endpoint-url", NOWHERE).err().contains("element 1 is not a JSON object"));
    var many = dir.resolve("many.json");
    Files.writeString(many, "[{\"applicable\": true}, {\"applicable\": false}]");
    assertTrue(usage("registers", "create", "soa-decisions", "--id", "A.5.1", "--file",
        many.toString(), "--endpoint-url", NOWHERE).err().contains("--id names one record"));
    assertTrue(usage("registers", "update", "risks", "R-1", "--file", many.toString(),
        "--endpoint-url", NOWHERE).err().contains("update takes one object"));
  }

  @Test
  void setValuesAreJsonWhenTheyAreJsonElseText() {
    assertEquals(3, ((Number) RegisterCommands.Input.value("3")).intValue());
    assertEquals(new BigDecimal("2.5"), RegisterCommands.Input.value("2.5"));
    assertEquals(true, RegisterCommands.Input.value("true"));
    assertNull(RegisterCommands.Input.value("null"));
    assertEquals(List.of("A.8.24", "A.5.1"),
        RegisterCommands.Input.value("[\"A.8.24\", \"A.5.1\"]"));
    assertEquals("3.0", RegisterCommands.Input.value("\"3.0\""));
    assertEquals("Ransomware", RegisterCommands.Input.value("Ransomware"));
    assertEquals("2026-03-02", RegisterCommands.Input.value("2026-03-02"));
    assertEquals("true story", RegisterCommands.Input.value("true story"));
    assertEquals("", RegisterCommands.Input.value(""));
    assertEquals("A.8.24", RegisterCommands.Input.value("A.8.24"));
  }

  @Test
  void attachTakesAFileOrAReference(@TempDir Path dir) {
    var neither = usage("evidence-tasks", "attach", "TASK-1", "--endpoint-url", NOWHERE);
    assertTrue(neither.err().contains("--file") && neither.err().contains("--reference"),
        neither.err());
    var mediaType = usage("evidence-tasks", "attach", "TASK-1", "--reference", "r",
        "--media-type", "application/pdf", "--endpoint-url", NOWHERE);
    assertTrue(mediaType.err().contains("--media-type describes a --file"), mediaType.err());
    var missing = usage("evidence-tasks", "attach", "TASK-1", "--file",
        dir.resolve("gone.pdf").toString(), "--endpoint-url", NOWHERE);
    assertTrue(missing.err().contains("gone.pdf: no such file"), missing.err());
  }

  @Test
  void soaExportNeedsAKnownFormat() {
    var run = usage("soa", "export", "--format", "pdf", "--endpoint-url", NOWHERE);
    assertTrue(run.err().contains("'pdf' is not one of csv, html, json"), run.err());
    assertTrue(usage("soa", "export", "--endpoint-url", NOWHERE).err().contains("--format"));
  }

  @Test
  void theIdentityIsRequired() {
    var run = CliRunner.run(Map.of(), "soa", "show", "--endpoint-url", NOWHERE);
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("no acting identity"), run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"registers", "risks", "evidence-tasks", "soa"})
  void aGroupWithoutASubcommandIsAUsageErrorAndItsHelpHasExamples(String group) {
    var alone = CliRunner.run(Map.of(), group);
    assertEquals(2, alone.exitCode(), alone.err());
    assertTrue(alone.err().contains("vigil " + group + ": missing command"), alone.err());
    var help = CliRunner.run(Map.of(), group, "--help");
    assertEquals(0, help.exitCode(), help.err());
    assertTrue(help.out().contains("Examples:"), help.out());
    assertTrue(help.out().contains("vigil " + group + " "), help.out());
  }

  @Test
  void theTopLevelHelpListsTheNewCommands() {
    var help = CliRunner.run(Map.of(), "--help");
    for (var command : List.of("registers", "risks", "evidence-tasks", "soa")) {
      assertTrue(help.out().contains("  " + command + " "), command + " in\n" + help.out());
    }
  }
}
