package io.vigil.cli;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.collection.ProgressListener;
import java.io.PrintWriter;

/** Prints a collection run's progress to standard error, one line per step. */
final class ConsoleProgress implements ProgressListener {

  private final PrintWriter err;
  private final boolean quiet;
  private int checks;

  ConsoleProgress(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  /** A line of progress of the command itself (not of the run), e.g. "starting moto_server". */
  void step(String message) {
    print("vigil: " + message);
  }

  @Override
  public void snapshotLoading(ScanTarget target, String service) {
    print("  reading " + service + " in " + target + " ...");
  }

  @Override
  public void snapshotFailed(ScanTarget target, String service, String error) {
    print("  ! could not read " + service + " in " + target + ": " + error);
  }

  @Override
  public void checkEvaluated(ScanTarget target, CheckId check, int count) {
    checks++;
    print("    evaluated " + check + ": " + count + " result" + (count == 1 ? "" : "s"));
  }

  @Override
  public void recorded(int count, int findingsOpened) {
    print("  recorded " + count + " result" + (count == 1 ? "" : "s") + " from " + checks
        + " check evaluation" + (checks == 1 ? "" : "s") + ", opened " + findingsOpened
        + " finding" + (findingsOpened == 1 ? "" : "s"));
  }

  private void print(String line) {
    if (!quiet) {
      err.println(line);
      err.flush();
    }
  }
}
