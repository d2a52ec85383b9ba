package io.vigil.functions.notify;

import java.time.Instant;

/**
 * Port: remembers deliveries per (event id, target) so the same event sends one message. Claim
 * first, then mark the outcome. A claim is a lease that lasts until the claiming invocation's
 * deadline: while it lasts, another invocation gets {@link Claim#IN_PROGRESS} and must not send;
 * once it has passed (the holder crashed or timed out without marking an outcome) the delivery may
 * be claimed again.
 */
public interface DeliveryLog {

  /** Result of a claim. */
  enum Claim {
    /** This invocation owns the delivery. */
    CLAIMED,
    /** Already delivered or dead-lettered: nothing to do. */
    DUPLICATE,
    /**
     * Another invocation holds a live claim: it is delivering now, or it crashed and its lease
     * has not expired yet. Not a success: the caller fails so that the event is retried.
     */
    IN_PROGRESS
  }

  /**
   * Claims the delivery of {@code eventId} to {@code target} until {@code leaseUntil} (the
   * deadline of the claiming invocation).
   */
  Claim claim(String eventId, String target, Instant leaseUntil);

  /** The delivery succeeded. */
  void markSent(String eventId, String target, int attempts);

  /** The delivery failed for good and is in the dead-letter queue. */
  void markDeadLettered(String eventId, String target, int attempts);

  /** The delivery failed and was not dead-lettered: forget the claim so a retry may try again. */
  void release(String eventId, String target);

  /**
   * SnapStart priming: one harmless read through the log's client (a key that never exists), so
   * that its request path is loaded before the snapshot. Writes nothing.
   */
  default void prime() {}
}
