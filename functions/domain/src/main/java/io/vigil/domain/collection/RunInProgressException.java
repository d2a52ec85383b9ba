package io.vigil.domain.collection;

import java.time.Instant;

/**
 * Another invocation holds the live claim of this run or unit and is collecting it now. The
 * invocation fails on purpose, before writing or sending anything, so that its trigger retries it
 * (EventBridge and Scheduler retry an asynchronous invocation; SQS delivers the unit message again
 * after its visibility timeout): by then the other invocation has completed (the retry is a
 * duplicate and changes nothing) or its claim has passed (the retry takes over). Answering
 * "duplicate" instead would lose the run if the other invocation then crashed.
 */
public final class RunInProgressException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String runId;
  private final transient Instant claimedUntil;

  public RunInProgressException(String runId, Instant claimedUntil) {
    super("run " + runId + " is being collected by another invocation (claimed until "
        + claimedUntil + "); failing so that the trigger retries it later");
    this.runId = runId;
    this.claimedUntil = claimedUntil;
  }

  /** The run or unit id. */
  public String runId() {
    return runId;
  }

  /** When the other invocation's claim ends (its invocation deadline). */
  public Instant claimedUntil() {
    return claimedUntil;
  }
}
