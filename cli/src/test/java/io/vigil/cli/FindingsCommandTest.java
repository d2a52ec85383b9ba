package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code vigil findings} usage errors: refused with exit 2 before anything starts. */
class FindingsCommandTest {

  @Test
  void withoutAnIdentityTheCommandRefusesClearly() {
    var run = CliRunner.run(Map.of(), "findings", "list", "--endpoint-url",
        "http://127.0.0.1:1");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("no acting identity: pass --as EMAIL (or set VIGIL_ACTOR)"),
        run.err());
  }

  @Test
  void withoutARoleTheCommandRefusesClearly() {
    var run = CliRunner.run(Map.of("VIGIL_ACTOR", "me@acme.test"), "findings", "show", "F-1",
        "--endpoint-url", "http://127.0.0.1:1");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("no role for me@acme.test"), run.err());
  }

  @Test
  void anUnknownRoleIsAUsageError() {
    var run = CliRunner.run(Map.of(), "findings", "list", "--as", "me@acme.test", "--role",
        "admin", "--endpoint-url", "http://127.0.0.1:1");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("unknown role 'admin'"), run.err());
  }

  @Test
  void aTransitionNeedsAStatus() {
    var run = CliRunner.run(Map.of(), "findings", "transition", "F-1", "--as", "me@acme.test",
        "--role", "owner");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("--status"), run.err());
  }

  @Test
  void findingsWithoutASubcommandIsAUsageError() {
    var run = CliRunner.run(Map.of(), "findings");
    assertEquals(2, run.exitCode(), run.err());
  }

  @Test
  void invokeListsFindingsApi() {
    var run = CliRunner.run(Map.of(), "invoke", "--help");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("findings-api"), run.out());
  }
}
