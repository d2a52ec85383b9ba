package io.vigil.adapters.dynamodb.internal;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The tie-breaker in the sort keys of history items (finding and register events): two events of
 * the same record at the same instant, written by different environments, must not collide.
 *
 * <p>The counter starts at a random point and is re-seeded after a SnapStart restore: every
 * environment restored from one snapshot would otherwise continue the same counter. Seeds come
 * from {@link SecureRandom}, which reads the operating system's entropy, not from a generator
 * whose state is part of the snapshot. A collision would still only be refused by the conditional
 * write, never overwrite history.
 */
public final class EventSequence implements Resource {

  private static final EventSequence INSTANCE = new EventSequence();

  static {
    Core.getGlobalContext().register(INSTANCE);
  }

  private final AtomicLong next = new AtomicLong(seed());

  private EventSequence() {}

  /** The next tie-breaker: non-negative, unique within this environment until it wraps. */
  public static long next() {
    return INSTANCE.next.getAndIncrement() & Long.MAX_VALUE;
  }

  /** Starts the counter at a fresh random point (what a restore does). */
  static void reseed() {
    INSTANCE.next.set(seed());
  }

  private static long seed() {
    return new SecureRandom().nextLong() >>> 1;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    // nothing to release
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    reseed();
  }
}
