package io.vigil.functions.collectevidence;

import io.vigil.domain.collection.CollectionUnit;
import io.vigil.domain.collection.ProgressListener;
import io.vigil.domain.collection.UnitDispatcher;
import java.time.Instant;
import java.util.List;

/**
 * Chooses how the units of a run are dispatched: one SQS queue per service group
 * ({@link VigilSettings#fanOutQueues()}), one queue for units of every group
 * ({@link VigilSettings#fanOutQueueUrl()}), or in-process.
 */
public interface Dispatchers {

  /**
   * The dispatcher of a scheduled run; {@code progress} receives the progress of in-process units,
   * which are claimed until {@code claimedUntil} (the invocation's deadline).
   */
  UnitDispatcher forRun(ProgressListener progress, Instant claimedUntil);

  /**
   * The service groups a scheduled run is split into: one unit per account × region × group.
   * {@code [all]} (one unit per account × region) unless the run fans out per group.
   */
  default List<String> serviceGroups() {
    return List.of(CollectionUnit.ALL_GROUPS);
  }

  /**
   * The dispatcher of a change-triggered run: always in-process, in the function that received the
   * event, with the checks of the groups it has (the infrastructure routes each event source to the
   * function of its group). Its units are claimed until {@code claimedUntil}.
   */
  UnitDispatcher inline(ProgressListener progress, Instant claimedUntil);
}
