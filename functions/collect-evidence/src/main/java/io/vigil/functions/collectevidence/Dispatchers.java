package io.vigil.functions.collectevidence;

import io.vigil.domain.collection.ProgressListener;
import io.vigil.domain.collection.UnitDispatcher;

/** Chooses how the units of a run are dispatched (see {@link VigilSettings#fanOutQueueUrl()}). */
@FunctionalInterface
public interface Dispatchers {

  /** The dispatcher for one run; {@code progress} receives the progress of in-process units. */
  UnitDispatcher forRun(ProgressListener progress);
}
