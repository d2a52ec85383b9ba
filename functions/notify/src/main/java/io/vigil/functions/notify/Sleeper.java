package io.vigil.functions.notify;

import java.time.Duration;

/** Waits between delivery attempts; tests substitute one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  /** The real one. */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
