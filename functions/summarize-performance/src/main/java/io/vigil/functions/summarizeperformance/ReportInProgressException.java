package io.vigil.functions.summarizeperformance;

import java.time.Instant;

/**
 * Another invocation holds the live claim of this (kind, period) and is producing it now. The
 * invocation fails on purpose, before writing anything, so that Lambda retries the event: by then
 * the other invocation has completed (the retry answers the stored result) or its claim has
 * expired (the retry produces the report). Answering "duplicate" instead would lose the report if
 * the other invocation then crashed.
 */
public final class ReportInProgressException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final transient Instant leaseUntil;

  public ReportInProgressException(SummaryKind kind, String period, Instant leaseUntil) {
    super(kind.id() + " " + period + " is being produced by another invocation (claim held"
        + " until " + leaseUntil + "); failing so that Lambda retries this event later");
    this.leaseUntil = leaseUntil;
  }

  /** When the other invocation's claim expires (its invocation deadline). */
  public Instant leaseUntil() {
    return leaseUntil;
  }
}
