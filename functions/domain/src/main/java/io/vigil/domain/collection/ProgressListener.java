package io.vigil.domain.collection;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.ScanTarget;

/** Receives progress of a long collection run, e.g. to print it in the CLI. */
public interface ProgressListener {

  ProgressListener SILENT = new ProgressListener() {};

  default void snapshotLoading(ScanTarget target, String service) {}

  default void snapshotFailed(ScanTarget target, String service, String error) {}

  default void checkEvaluated(ScanTarget target, CheckId check, int results) {}

  default void recorded(int results, int findingsOpened) {}
}
