package io.vigil.cli;

/** A command failed for a reason its message states in full (exit code 1). */
final class CommandFailure extends RuntimeException {
  CommandFailure(String message) {
    super(message);
  }

  CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
