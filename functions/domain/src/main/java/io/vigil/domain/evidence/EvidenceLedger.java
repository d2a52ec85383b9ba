package io.vigil.domain.evidence;

import io.vigil.domain.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The tamper-evident evidence ledger: records each unit's {@link RunManifest} in the vault and
 * appends a {@link LedgerEntry} that chains its hash to the previous entry's, so that changing,
 * removing or reordering anything recorded afterwards breaks the chain ({@link LedgerVerifier}).
 *
 * <p>Recording is idempotent per unit and safe to call concurrently, from threads or from
 * separate processes: the {@link LedgerRepository} accepts an append only if it extends the
 * current head, and a writer that lost the race reads the new head and tries again after a
 * jittered pause (bounded; losing a race is not an error).
 */
public final class EvidenceLedger {

  /**
   * How often and how patiently a writer retries after losing a race for the head.
   *
   * @param maxAttempts appends tried before giving up, the first one included
   * @param base ceiling of the first pause; it doubles per retry (full jitter below it)
   * @param cap largest ceiling of a pause
   */
  public record Retry(int maxAttempts, Duration base, Duration cap) {

    public Retry {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(cap, "cap");
    }

    /**
     * 100 attempts, pauses up to 5 ms doubling to at most 250 ms: dozens of units recorded at the
     * same moment all get in, and a writer gives up only after roughly 20 s of losing.
     */
    public static Retry standard() {
      return new Retry(100, Duration.ofMillis(5), Duration.ofMillis(250));
    }

    long pauseMillis(int retry) {
      long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry - 1, 20));
      return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }
  }

  /** Thrown when a writer lost the race for the head on every attempt. */
  public static final class LedgerContentionException extends IllegalStateException {
    LedgerContentionException(String message) {
      super(message);
    }
  }

  private final LedgerRepository repository;
  private final EvidenceVault vault;
  private final Clock clock;
  private final Retry retry;

  public EvidenceLedger(LedgerRepository repository, EvidenceVault vault, Clock clock) {
    this(repository, vault, clock, Retry.standard());
  }

  public EvidenceLedger(LedgerRepository repository, EvidenceVault vault, Clock clock,
      Retry retry) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retry = Objects.requireNonNull(retry, "retry");
  }

  /**
   * Records {@code manifest}: stores its canonical bytes in the vault (content-addressed), then
   * appends the entry chaining its hash to the head. If the unit was recorded before, returns that
   * entry and changes nothing (a retried unit whose results differ keeps its first record).
   *
   * @return the unit's entry
   * @throws LedgerContentionException if every attempt lost the race for the head
   * @throws EvidenceIntegrityException if the unit is marked recorded but its entry is missing
   */
  public LedgerEntry record(LedgerManifest manifest) {
    Objects.requireNonNull(manifest, "manifest");
    var recorded = repository.findByUnit(manifest.unitId());
    if (recorded.isPresent()) {
      return recorded.get();
    }
    var bytes = manifest.canonicalBytes();
    var manifestHash = vault.put(bytes);
    var expected = Sha256.of(bytes);
    if (!manifestHash.equals(expected)) {
      throw new IllegalStateException("the vault stored the manifest of unit " + manifest.unitId()
          + " under " + manifestHash + ", not under its SHA-256 " + expected);
    }
    for (int attempt = 1; ; attempt++) {
      var head = repository.head().orElse(null);
      var entry = LedgerEntry.next(head, manifest, manifestHash, clock.now());
      var outcome = repository.append(entry);
      if (outcome == LedgerRepository.Append.APPENDED) {
        return entry;
      }
      if (outcome == LedgerRepository.Append.UNIT_RECORDED) {
        return repository.findByUnit(manifest.unitId()).orElseThrow(() ->
            new EvidenceIntegrityException("unit " + manifest.unitId() + " is marked recorded"
                + " but its ledger entry is missing: run 'vigil verify'",
                "ledger unit " + manifest.unitId()));
      }
      if (attempt >= retry.maxAttempts()) {
        throw new LedgerContentionException("could not append the entry of unit "
            + manifest.unitId() + " to the evidence ledger: other writers appended first on all "
            + attempt + " attempts; retry later");
      }
      pause(attempt);
    }
  }

  private void pause(int attempt) {
    try {
      Thread.sleep(retry.pauseMillis(attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to append to the ledger", e);
    }
  }
}
