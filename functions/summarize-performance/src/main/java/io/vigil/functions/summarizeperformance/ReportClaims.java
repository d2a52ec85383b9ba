package io.vigil.functions.summarizeperformance;

import java.util.Map;

/**
 * Idempotency of a (kind, period): claimed before the work, completed with its result after it,
 * so that a re-delivered event for a completed period returns the stored result and does nothing
 * again. A claim still IN_PROGRESS (an attempt that crashed) may be taken over.
 */
public interface ReportClaims {

  /** The outcome of {@link #claim}. */
  sealed interface Claim permits Claimed, Completed {}

  /** This invocation does the work. */
  record Claimed() implements Claim {}

  /** The work was completed before; its result. */
  record Completed(Map<String, Object> result) implements Claim {}

  Claim claim(SummaryKind kind, String period);

  /** Marks the (kind, period) completed with {@code result} (JSON-able, no floating point). */
  void complete(SummaryKind kind, String period, Map<String, Object> result);
}
