package io.vigil.functions.notify;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Runs a delivery with retries: exponential backoff with jitter on retryable failures, the
 * receiver's {@code Retry-After} when given, at most {@link NotifyConfig.Retry#maxAttempts()}
 * attempts and never more than {@link NotifyConfig.Retry#maxTotalWait()} of waiting in total
 * (so a Lambda does not time out while backing off).
 */
public final class Retrier {

  /** One attempt of a delivery. */
  @FunctionalInterface
  public interface Attempt {
    void run() throws DeliveryException;
  }

  /** How a delivery ended: attempts made and, on failure, the last (redacted) reason. */
  public record Outcome(boolean delivered, int attempts, String reason) {}

  private static final Duration MAX_DELAY = Duration.ofSeconds(20);

  private final NotifyConfig.Retry policy;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  public Retrier(NotifyConfig.Retry policy, Sleeper sleeper, DoubleSupplier random) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** Runs {@code attempt} until it succeeds, fails permanently, or the budget is spent. */
  public Outcome run(Attempt attempt) {
    Duration waited = Duration.ZERO;
    for (int n = 1; ; n++) {
      try {
        attempt.run();
        return new Outcome(true, n, null);
      } catch (DeliveryException e) {
        if (!e.retryable()) {
          return new Outcome(false, n, "permanent failure: " + e.getMessage());
        }
        if (n >= policy.maxAttempts()) {
          return new Outcome(false, n, "retries exhausted after " + n + " attempt(s): "
              + e.getMessage());
        }
        final int failed = n;
        var wait = e.retryAfter().orElseGet(() -> backoff(failed));
        if (waited.plus(wait).compareTo(policy.maxTotalWait()) > 0) {
          return new Outcome(false, n, "retries exhausted after " + n + " attempt(s) (next wait"
              + " of " + wait.toMillis() + " ms would exceed the " + policy.maxTotalWait()
              .toSeconds() + " s budget): " + e.getMessage());
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return new Outcome(false, n, "interrupted while waiting to retry: " + e.getMessage());
        }
        waited = waited.plus(wait);
      }
    }
  }

  /** base * 2^(n-1), capped, with "equal jitter": half fixed, half random. */
  Duration backoff(int attempt) {
    long base = policy.baseDelay().toMillis();
    long exp = Math.min(MAX_DELAY.toMillis(), base << Math.min(attempt - 1, 16));
    long half = exp / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (exp - half)));
  }
}
