package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit-record commands' usage errors: refused with exit 2 and one clear line before any
 * function starts (the endpoint below is never contacted), and their help.
 */
class AuditRecordCommandsTest {

  private static final String NOWHERE = "http://127.0.0.1:1";
  private static final Map<String, String> CAROL = Map.of("VIGIL_ACTOR", "carol@acme.test",
      "VIGIL_ROLE", "auditor");

  @Test
  void withoutAnIdentityTheCommandRefusesClearly() {
    var run = CliRunner.run(Map.of(), "audits", "start", "AUD-1", "--endpoint-url", NOWHERE);
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("no acting identity: pass --as EMAIL (or set VIGIL_ACTOR)"),
        run.err());
  }

  @Test
  void anUnknownConclusionIsAUsageErrorNamingTheChoices() {
    var run = CliRunner.run(CAROL, "audits", "conclude", "AUD-1", "--item", "A.8.24",
        "--conclusion", "FINE", "--endpoint-url", NOWHERE);
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("'FINE' is not one of CONFORMING, MAJOR_NONCONFORMITY,"
        + " MINOR_NONCONFORMITY, OBSERVATION, OPPORTUNITY_FOR_IMPROVEMENT"), run.err());
  }

  @Test
  void aConclusionNeedsAnItemAndAConclusion() {
    var noItem = CliRunner.run(CAROL, "audits", "conclude", "AUD-1", "--conclusion",
        "CONFORMING", "--endpoint-url", NOWHERE);
    assertEquals(2, noItem.exitCode(), noItem.err());
    assertTrue(noItem.err().contains("--item"), noItem.err());
    var noConclusion = CliRunner.run(CAROL, "audits", "conclude", "AUD-1", "--item", "9.2",
        "--endpoint-url", NOWHERE);
    assertEquals(2, noConclusion.exitCode(), noConclusion.err());
    assertTrue(noConclusion.err().contains("--conclusion"), noConclusion.err());
  }

  @Test
  void badDatesStatusesAndFormatsAreUsageErrors() {
    var due = CliRunner.run(CAROL, "audits", "conclude", "AUD-1", "--item", "A.8.24",
        "--conclusion", "OBSERVATION", "--notes", "n", "--due", "31/01/2027",
        "--endpoint-url", NOWHERE);
    assertEquals(2, due.exitCode(), due.err());
    assertTrue(due.err().contains("--due"), due.err());
    var status = CliRunner.run(CAROL, "audits", "list", "--status", "PLANNED,DONE",
        "--endpoint-url", NOWHERE);
    assertEquals(2, status.exitCode(), status.err());
    assertTrue(status.err().contains("'DONE' is not one of PLANNED, IN_PROGRESS, COMPLETED,"
        + " CANCELLED"), status.err());
    var format = CliRunner.run(CAROL, "audits", "report", "AUD-1", "--format", "pdf",
        "--endpoint-url", NOWHERE);
    assertEquals(2, format.exitCode(), format.err());
    assertTrue(format.err().contains("'pdf' is not one of HTML, MD, JSON"), format.err());
  }

  @Test
  void aCancellationNeedsAReason() {
    var run = CliRunner.run(Map.of("VIGIL_ACTOR", "isms@acme.test", "VIGIL_ROLE",
        "isms-manager"), "audits", "cancel", "AUD-1", "--endpoint-url", NOWHERE);
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("--reason"), run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"list", "show", "start", "conclude", "complete", "cancel", "report"})
  void everyCommandHasHelpWithAnExample(String command) {
    var run = CliRunner.run(Map.of(), "audits", command, "--help");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Examples:"), run.out());
    assertTrue(run.out().contains("vigil audits " + command), run.out());
    assertTrue(run.out().contains("--as=EMAIL"), run.out());
    assertTrue(run.out().contains("--endpoint-url=URL"), run.out());
  }

  @Test
  void theAuditsHelpListsTheRecordCommands() {
    var run = CliRunner.run(Map.of(), "audits", "--help");
    assertEquals(0, run.exitCode(), run.err());
    for (var command : new String[] {"plan", "export", "list", "show", "start", "conclude",
        "complete", "cancel", "report"}) {
      assertTrue(run.out().contains("  " + command + " "), command + ": " + run.out());
    }
  }
}
