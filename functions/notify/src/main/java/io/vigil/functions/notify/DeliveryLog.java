package io.vigil.functions.notify;

/**
 * Port: remembers deliveries per (event id, target) so the same event sends one message. Claim
 * first, then mark the outcome; a claim left IN_PROGRESS longer than the stale limit (a crashed
 * invocation) may be claimed again.
 */
public interface DeliveryLog {

  /** Result of a claim. */
  enum Claim {
    /** This invocation owns the delivery. */
    CLAIMED,
    /** Already delivered (or dead-lettered), or another invocation is delivering it now. */
    DUPLICATE
  }

  Claim claim(String eventId, String target);

  /** The delivery succeeded. */
  void markSent(String eventId, String target, int attempts);

  /** The delivery failed for good and is in the dead-letter queue. */
  void markDeadLettered(String eventId, String target, int attempts);

  /** The delivery failed and was not dead-lettered: forget the claim so a retry may try again. */
  void release(String eventId, String target);
}
