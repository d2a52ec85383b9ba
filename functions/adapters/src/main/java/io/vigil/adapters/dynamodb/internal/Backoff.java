package io.vigil.adapters.dynamodb.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded exponential backoff with full jitter: before retry {@code n} (1-based) it sleeps a random
 * time between zero and {@code min(cap, base * 2^(n-1))}.
 */
public final class Backoff {

  /** Sleeps; replaceable so that tests do not wait. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final int maxAttempts;
  private final Duration base;
  private final Duration cap;
  private final Sleeper sleeper;

  public Backoff(int maxAttempts, Duration base, Duration cap, Sleeper sleeper) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.maxAttempts = maxAttempts;
    this.base = base;
    this.cap = cap;
    this.sleeper = sleeper;
  }

  /** 8 attempts, 50 ms base, 2 s cap: about 6 s of waiting in the worst case. */
  public static Backoff standard() {
    return new Backoff(8, Duration.ofMillis(50), Duration.ofSeconds(2),
        d -> Thread.sleep(d.toMillis()));
  }

  /** How many attempts (the first one included) a caller makes before giving up. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Waits before retry number {@code retry} (1 for the first retry). */
  public void pause(int retry) {
    long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry - 1, 20));
    long millis = ThreadLocalRandom.current().nextLong(ceiling + 1);
    try {
      sleeper.sleep(Duration.ofMillis(millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off before a DynamoDB retry", e);
    }
  }
}
