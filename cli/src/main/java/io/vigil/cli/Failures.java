package io.vigil.cli;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutionException;

/** Turns an exception into the one-line reason the CLI prints. */
final class Failures {

  private static final int MAX_LENGTH = 300;

  private Failures() {}

  /** The first line of the most telling message in the cause chain, with a hint if known. */
  static String describe(Throwable ex) {
    var line = firstLine(ex);
    if (line.startsWith("Unable to load region")) {
      return "no AWS region configured: pass --region or set AWS_REGION";
    }
    if (line.startsWith("Unable to load credentials")) {
      return "no AWS credentials found (environment, profile, SSO or instance role): configure"
          + " them, or pass --endpoint-url to use an emulator";
    }
    if (line.contains("Connection refused")) {
      return line + ": is the AWS endpoint running?";
    }
    return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "..." : line;
  }

  private static String firstLine(Throwable ex) {
    var t = unwrap(ex);
    var message = t.getMessage();
    if (message == null || message.isBlank()) {
      var cause = t.getCause();
      if (cause != null && cause != t) {
        return firstLine(cause);
      }
      return t.getClass().getSimpleName();
    }
    var line = message.strip();
    int nl = line.indexOf('\n');
    if (nl >= 0) {
      line = line.substring(0, nl).strip();
    }
    return line;
  }

  /**
   * Skips wrappers that only say where an error happened: Micronaut bean-creation exceptions
   * (the cause says what failed) and reflective or concurrent wrappers.
   */
  private static Throwable unwrap(Throwable ex) {
    var t = ex;
    while (t.getCause() != null && t.getCause() != t && isWrapper(t)) {
      t = t.getCause();
    }
    return t;
  }

  private static boolean isWrapper(Throwable t) {
    return t instanceof InvocationTargetException
        || t instanceof ExecutionException
        || t.getClass().getName().startsWith("io.micronaut.context.exceptions.");
  }
}
