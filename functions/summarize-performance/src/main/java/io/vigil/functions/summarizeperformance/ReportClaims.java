package io.vigil.functions.summarizeperformance;

import java.time.Instant;
import java.util.Map;

/**
 * Idempotency of a (kind, period): claimed before the work, completed with its result after it,
 * so that a re-delivered event for a completed period returns the stored result and does nothing
 * again. A claim is a lease that lasts until the claiming invocation's deadline: while it lasts,
 * another invocation gets {@link InProgress} and must not do the work; once it has passed (the
 * holder crashed or timed out) the (kind, period) may be claimed again.
 */
public interface ReportClaims {

  /** The outcome of {@link #claim}. */
  sealed interface Claim permits Claimed, Completed, InProgress {}

  /** This invocation does the work. */
  record Claimed() implements Claim {}

  /** The work was completed before; its result. */
  record Completed(Map<String, Object> result) implements Claim {}

  /** Another invocation holds a live claim, until {@code leaseUntil}. */
  record InProgress(Instant leaseUntil) implements Claim {}

  /** Claims the (kind, period) until {@code leaseUntil}, the claiming invocation's deadline. */
  Claim claim(SummaryKind kind, String period, Instant leaseUntil);

  /** Marks the (kind, period) completed with {@code result} (JSON-able, no floating point). */
  void complete(SummaryKind kind, String period, Map<String, Object> result);

  /**
   * SnapStart priming: one harmless read through the claims' client (a key that never exists),
   * so that its request path is loaded before the snapshot. Writes nothing.
   */
  default void prime() {}
}
