package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditsCommandTest {

  private static final Map<String, String> NO_ENV = Map.of();

  @TempDir
  Path dir;

  @Test
  void rootHelpListsAuditsWithExamples() {
    var run = CliRunner.run(NO_ENV, "--help");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("audits"), run.out());
    assertTrue(run.out().contains("vigil audits plan --config"), run.out());
    assertTrue(run.out().contains("vigil audits export --plan"), run.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"audits", "audits plan", "audits export"})
  void everyAuditsCommandHasHelpWithExamples(String command) {
    var args = (command + " --help").split(" ");
    var run = CliRunner.run(NO_ENV, args);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Usage: vigil " + command), run.out());
    assertTrue(run.out().contains("Examples:"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void planHelpDocumentsTheOptions() {
    var out = CliRunner.run(NO_ENV, "audits", "plan", "--help").out();
    for (var word : new String[] {"--config", "--from", "--output", "--format", "table",
        "--endpoint-url", "unassigned"}) {
      assertTrue(out.contains(word), word + " in:\n" + out);
    }
  }

  @Test
  void auditsWithoutASubcommandIsAUsageError() {
    var run = CliRunner.run(NO_ENV, "audits");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("missing command"), run.err());
  }

  @Test
  void aBadConfigExits2WithOneLineNamingTheField() {
    var config = Samples.programme("bad-programme.json");
    var run = CliRunner.run(NO_ENV, "audits", "plan", "--config", config.toString());
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().strip().startsWith("vigil: " + config
        + ": field 'auditors[1].maxAuditsPerMonth': "), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertEquals("", run.out());
  }

  @Test
  void anUnknownFieldExits2() throws Exception {
    var config = Files.writeString(dir.resolve("c.json"), "{\"cycle\": 12}");
    var run = CliRunner.run(NO_ENV, "audits", "plan", "--config", config.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("field 'cycle': unknown field"), run.err());
  }

  @Test
  void aMissingConfigExits2() {
    var run = CliRunner.run(NO_ENV, "audits", "plan", "--config",
        dir.resolve("absent.json").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("absent.json: no such file"), run.err());
  }

  @Test
  void usageErrorsExit2() {
    var config = Samples.programme("programme.json").toString();
    assertEquals(2, CliRunner.run(NO_ENV, "audits", "plan").exitCode());
    var badFormat = CliRunner.run(NO_ENV, "audits", "plan", "--config", config, "--format", "xml");
    assertEquals(2, badFormat.exitCode());
    assertTrue(badFormat.err().contains("use json or table"), badFormat.err());
    var badDate = CliRunner.run(NO_ENV, "audits", "plan", "--config", config, "--from", "soon");
    assertEquals(2, badDate.exitCode(), badDate.err());
    var badExport = CliRunner.run(NO_ENV, "audits", "export", "--plan", "p.json", "--format",
        "pdf");
    assertEquals(2, badExport.exitCode());
    assertTrue(badExport.err().contains("use csv or ics"), badExport.err());
    assertEquals(2, CliRunner.run(NO_ENV, "audits", "export", "--plan", "p.json").exitCode());
  }

  @Test
  void exportsAPlanFileAsCsvAndIcs() throws Exception {
    var plan = Files.writeString(dir.resolve("plan.json"),
        Json.write(AuditPlanFile.toTree(AuditExportsTest.PLAN)));
    var csv = CliRunner.run(NO_ENV, "audits", "export", "--plan", plan.toString(), "--format",
        "csv");
    assertEquals(0, csv.exitCode(), csv.err());
    assertEquals(AuditExports.csv(AuditExportsTest.PLAN), csv.out());

    var ics = dir.resolve("out/audits.ics");
    var run = CliRunner.run(NO_ENV, "audits", "export", "--plan", plan.toString(), "--format",
        "ICS", "--output", ics.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.out());
    var text = Files.readString(ics);
    assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"), text);
    assertEquals(2, text.lines().filter(l -> l.equals("BEGIN:VEVENT")).count());
    assertTrue(text.contains("ATTENDEE;CN=Alice Martin;ROLE=REQ-PARTICIPANT:mailto:"
        + "alice@acme.example\r\n"), text);
  }

  @Test
  void aPlanFileRoundTrips() {
    var json = Json.write(AuditPlanFile.toTree(AuditExportsTest.PLAN));
    assertEquals(AuditExportsTest.PLAN, AuditPlanFile.parse(json));
  }

  @Test
  void aBadPlanFileExits2NamingTheField() throws Exception {
    var plan = Files.writeString(dir.resolve("plan.json"),
        "{\"from\": \"2027-01-01\", \"to\": \"2027-12-31\", \"audits\": [{\"id\": \"IA-1\","
            + " \"date\": \"someday\", \"auditor\": \"a\", \"items\": []}]}");
    var run = CliRunner.run(NO_ENV, "audits", "export", "--plan", plan.toString(), "--format",
        "csv");
    assertEquals(2, run.exitCode());
    assertEquals("vigil: " + plan + ": audits[0].date must be a date YYYY-MM-DD",
        run.err().strip());
  }

  @Test
  void theTableShowsAuditsAndUnassignedItems() {
    var table = AuditPlanFile.table(AuditExportsTest.PLAN);
    assertTrue(table.startsWith("Audit programme 2027-01-01 to 2027-12-31: 2 audit(s), 1 item(s)"
        + " unassigned\n"), table);
    assertTrue(table.contains("2027-01-11  IA-2027-01  alice    4.1 A.8.24\n"), table);
    assertTrue(table.contains("  A.5.1  only its owner can audit it\n"), table);
  }
}
