package io.vigil.functions.findingsapi;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link IdempotencyStore} in memory, with the semantics of {@link DynamoDbIdempotencyStore}
 * (atomic claims, leases, expiry by {@code now}), and a hook run before a response is stored so
 * that tests can hold a request "in flight".
 */
final class InMemoryIdempotencyStore implements IdempotencyStore {

  /** One stored key. */
  record Entry(String fingerprint, String token, Instant lockedUntil, Instant expiresAt,
      StoredResponse response) {}

  private final Map<Scope, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicReference<Runnable> beforeComplete = new AtomicReference<>(() -> { });

  /** Runs {@code hook} in the requesting thread before each response is stored. */
  void beforeComplete(Runnable hook) {
    beforeComplete.set(Objects.requireNonNull(hook));
  }

  /** What is stored, by scope. */
  Map<Scope, Entry> entries() {
    return Map.copyOf(entries);
  }

  @Override
  public Claim claim(Scope scope, String fingerprint, Instant now, Duration lease,
      Duration ttl) {
    var token = UUID.randomUUID().toString();
    var outcome = new AtomicReference<Claim>();
    entries.compute(scope, (k, stored) -> {
      boolean free = stored == null || !stored.expiresAt().isAfter(now)
          || (stored.response() == null && !stored.lockedUntil().isAfter(now)
              && stored.fingerprint().equals(fingerprint));
      if (free) {
        outcome.set(new Claimed(token));
        return new Entry(fingerprint, token, now.plus(lease), now.plus(ttl), null);
      }
      if (!stored.fingerprint().equals(fingerprint)) {
        outcome.set(new Mismatch());
      } else if (stored.response() != null) {
        outcome.set(new Completed(stored.response()));
      } else {
        outcome.set(new InFlight());
      }
      return stored;
    });
    return outcome.get();
  }

  @Override
  public boolean complete(Scope scope, String token, StoredResponse response) {
    beforeComplete.get().run();
    var done = new AtomicReference<>(false);
    entries.computeIfPresent(scope, (k, stored) -> {
      if (!stored.token().equals(token)) {
        return stored;
      }
      done.set(true);
      return new Entry(stored.fingerprint(), token, null, stored.expiresAt(), response);
    });
    return done.get();
  }

  @Override
  public void release(Scope scope, String token) {
    entries.computeIfPresent(scope, (k, stored) ->
        stored.token().equals(token) && stored.response() == null ? null : stored);
  }
}
