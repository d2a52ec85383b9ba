package io.vigil.functions.notify;

import java.time.Duration;
import java.util.Optional;

/**
 * One delivery attempt failed. {@code retryable} for 429, 5xx and I/O errors; {@code retryAfter}
 * when the receiver said how long to wait. The message is already redacted.
 */
public final class DeliveryException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final transient Optional<Duration> retryAfter;

  public DeliveryException(String reason, boolean retryable, Optional<Duration> retryAfter) {
    super(Redaction.redact(reason));
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public static DeliveryException permanent(String reason) {
    return new DeliveryException(reason, false, Optional.empty());
  }

  public static DeliveryException retryable(String reason) {
    return new DeliveryException(reason, true, Optional.empty());
  }

  public boolean retryable() {
    return retryable;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
