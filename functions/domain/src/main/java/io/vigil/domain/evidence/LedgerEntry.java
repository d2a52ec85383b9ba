package io.vigil.domain.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One link of the {@link EvidenceLedger}: the manifest of one unit of a run, chained to the entry
 * before it.
 *
 * <p>{@code entryHash} is the SHA-256 of the UTF-8 bytes of
 * {@code previousHash.hex ‖ manifestHash.hex ‖ metadata}, where the hashes are 64 lowercase hex
 * characters each and {@code metadata} is the {@link CanonicalJson} of the object with
 * {@code sequence}, {@code unitId}, {@code runId}, {@code accountId}, {@code region},
 * {@code collectedAt}, {@code recordedAt} (ISO-8601 as {@link Instant#toString}) and
 * {@code resultCount} (see {@link #metadata}). Anyone can recompute it with a shell:
 * {@code printf '%s%s%s' PREV MANIFEST 'METADATA' | sha256sum}.
 *
 * <p>The first entry has sequence 1 and previous hash {@link #GENESIS} (64 zeros); every other
 * entry's sequence is its predecessor's plus one and its previous hash is its predecessor's
 * entry hash.
 */
public record LedgerEntry(
    long sequence,
    Sha256 previousHash,
    Sha256 manifestHash,
    String unitId,
    String runId,
    String accountId,
    String region,
    Instant collectedAt,
    Instant recordedAt,
    int resultCount,
    Sha256 entryHash) {

  /** The previous hash of the first entry: 64 zeros. */
  public static final Sha256 GENESIS = new Sha256("0".repeat(64));

  /** The sequence of the first entry. */
  public static final long FIRST_SEQUENCE = 1;

  public LedgerEntry {
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(manifestHash, "manifestHash");
    Objects.requireNonNull(unitId, "unitId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(collectedAt, "collectedAt");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(entryHash, "entryHash");
  }

  /**
   * The entry that records {@code manifest} (stored at {@code manifestHash}) after
   * {@code previous} (null for the first entry), with its hash computed.
   */
  public static LedgerEntry next(LedgerEntry previous, LedgerManifest manifest,
      Sha256 manifestHash, Instant recordedAt) {
    long sequence = previous == null ? FIRST_SEQUENCE : previous.sequence() + 1;
    var previousHash = previous == null ? GENESIS : previous.entryHash();
    var hash = hash(sequence, previousHash, manifestHash, manifest.unitId(), manifest.runId(),
        manifest.ledgerAccountId(), manifest.ledgerRegion(), manifest.collectedAt(), recordedAt,
        manifest.resultCount());
    return new LedgerEntry(sequence, previousHash, manifestHash, manifest.unitId(),
        manifest.runId(), manifest.ledgerAccountId(), manifest.ledgerRegion(),
        manifest.collectedAt(), recordedAt, manifest.resultCount(), hash);
  }

  /** The hash this entry's fields give, which equals {@link #entryHash} unless it was altered. */
  public Sha256 computeHash() {
    return hash(sequence, previousHash, manifestHash, unitId, runId, accountId, region,
        collectedAt, recordedAt, resultCount);
  }

  /** True if {@link #entryHash} is the hash of the other fields. */
  public boolean isSelfConsistent() {
    return computeHash().equals(entryHash);
  }

  /** The run metadata that is hashed, as a plain tree (written as canonical JSON). */
  public Map<String, Object> metadata() {
    return metadata(sequence, unitId, runId, accountId, region, collectedAt, recordedAt,
        resultCount);
  }

  /** A short name for messages, e.g. "entry 42 (unit run-1#123456789012#eu-west-1)". */
  public String describe() {
    return "entry " + sequence + " (unit " + unitId + ")";
  }

  private static Sha256 hash(long sequence, Sha256 previousHash, Sha256 manifestHash,
      String unitId, String runId, String accountId, String region, Instant collectedAt,
      Instant recordedAt, int resultCount) {
    var metadata = CanonicalJson.write(metadata(sequence, unitId, runId, accountId, region,
        collectedAt, recordedAt, resultCount));
    return Sha256.of((previousHash.hex() + manifestHash.hex() + metadata)
        .getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> metadata(long sequence, String unitId, String runId,
      String accountId, String region, Instant collectedAt, Instant recordedAt, int resultCount) {
    var m = new LinkedHashMap<String, Object>();
    m.put("sequence", sequence);
    m.put("unitId", unitId);
    m.put("runId", runId);
    m.put("accountId", accountId);
    m.put("region", region);
    m.put("collectedAt", collectedAt);
    m.put("recordedAt", recordedAt);
    m.put("resultCount", resultCount);
    return m;
  }
}
