package io.vigil.cli;

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
