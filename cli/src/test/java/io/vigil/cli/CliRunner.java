package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the CLI in-process with a given environment, capturing exit code, stdout and stderr. */
final class CliRunner {

  /** What one run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  static {
    // as the real main does: logs at warn level on stderr, unless a test passes -v
    VigilCli.configureLogging(false);
  }

  private CliRunner() {}

  /** The JSON object a successful run printed (exit 0). */
  static Map<String, Object> ok(Run run) throws Exception {
    assertEquals(0, run.exitCode(), run.out() + run.err());
    return Json.parseObject(run.out());
  }

  /**
   * The problem a refused API command printed: exit 1, the problem of {@code status} on
   * standard output, its status and detail on standard error.
   */
  static Map<String, Object> refused(Run run, int status) throws Exception {
    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().startsWith("vigil: " + status + " "), run.err());
    var problem = Json.parseObject(run.out());
    assertEquals(status, ((Number) problem.get("status")).intValue());
    return problem;
  }

  static Run run(Map<String, String> env, String... args) {
    return run(env, null, args);
  }

  static Run run(Map<String, String> env, Consumer<CommandLine> setup,
      String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cmd = new VigilCli(env::get).commandLine();
    if (setup != null) {
      setup.accept(cmd);
    }
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
