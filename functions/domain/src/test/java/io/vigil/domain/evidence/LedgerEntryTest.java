package io.vigil.domain.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.fakes.InMemoryEvidenceVault;
import io.vigil.domain.fakes.TestManifests;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LedgerEntryTest {

  private static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  private static final Instant RECORDED = Instant.parse("2026-11-28T06:01:00.000000001Z");

  private final InMemoryEvidenceVault vault = new InMemoryEvidenceVault();

  private LedgerEntry first() {
    var m = TestManifests.stored(vault, "run-1", TARGET, 2);
    return LedgerEntry.next(null, m, m.sha256(), RECORDED);
  }

  @Test
  void theFirstEntryHasSequenceOneAndTheGenesisHash() {
    var e = first();

    assertEquals(1, e.sequence());
    assertEquals("0".repeat(64), e.previousHash().hex());
    assertEquals(LedgerEntry.GENESIS, e.previousHash());
    assertTrue(e.isSelfConsistent());
  }

  @Test
  void theHashIsTheDocumentedConcatenation() {
    var e = first();
    var metadata = "{\"accountId\":\"123456789012\","
        + "\"collectedAt\":\"2026-11-28T06:00:00.123456789Z\","
        + "\"recordedAt\":\"2026-11-28T06:01:00.000000001Z\",\"region\":\"eu-west-1\","
        + "\"resultCount\":2,\"runId\":\"run-1\",\"sequence\":1,"
        + "\"unitId\":\"run-1#123456789012#eu-west-1\"}";

    var expected = Sha256.of(("0".repeat(64) + e.manifestHash().hex() + metadata)
        .getBytes(StandardCharsets.UTF_8));

    assertEquals(expected, e.entryHash());
    assertEquals(metadata, CanonicalJson.write(e.metadata()));
  }

  @Test
  void theNextEntryLinksToThePrevious() {
    var a = first();
    var m = TestManifests.stored(vault, "run-2", TARGET, 1);

    var b = LedgerEntry.next(a, m, m.sha256(), RECORDED.plusSeconds(1));

    assertEquals(2, b.sequence());
    assertEquals(a.entryHash(), b.previousHash());
    assertTrue(b.isSelfConsistent());
  }

  @Test
  void changingAnyFieldChangesTheComputedHash() {
    var e = first();
    var other = Sha256.of("other");
    List<UnaryOperator<LedgerEntry>> changes = List.of(
        x -> copy(x, x.sequence() + 1, x.previousHash(), x.manifestHash(), x.unitId(), x.runId(),
            x.accountId(), x.region(), x.collectedAt(), x.recordedAt(), x.resultCount()),
        x -> copy(x, x.sequence(), other, x.manifestHash(), x.unitId(), x.runId(),
            x.accountId(), x.region(), x.collectedAt(), x.recordedAt(), x.resultCount()),
        x -> copy(x, x.sequence(), x.previousHash(), other, x.unitId(), x.runId(),
            x.accountId(), x.region(), x.collectedAt(), x.recordedAt(), x.resultCount()),
        x -> copy(x, x.sequence(), x.previousHash(), x.manifestHash(), "u2", x.runId(),
            x.accountId(), x.region(), x.collectedAt(), x.recordedAt(), x.resultCount()),
        x -> copy(x, x.sequence(), x.previousHash(), x.manifestHash(), x.unitId(), "run-9",
            x.accountId(), x.region(), x.collectedAt(), x.recordedAt(), x.resultCount()),
        x -> copy(x, x.sequence(), x.previousHash(), x.manifestHash(), x.unitId(), x.runId(),
            "210987654321", x.region(), x.collectedAt(), x.recordedAt(), x.resultCount()),
        x -> copy(x, x.sequence(), x.previousHash(), x.manifestHash(), x.unitId(), x.runId(),
            x.accountId(), "us-east-1", x.collectedAt(), x.recordedAt(), x.resultCount()),
        x -> copy(x, x.sequence(), x.previousHash(), x.manifestHash(), x.unitId(), x.runId(),
            x.accountId(), x.region(), x.collectedAt().plusNanos(1), x.recordedAt(),
            x.resultCount()),
        x -> copy(x, x.sequence(), x.previousHash(), x.manifestHash(), x.unitId(), x.runId(),
            x.accountId(), x.region(), x.collectedAt(), x.recordedAt().minusNanos(1),
            x.resultCount()),
        x -> copy(x, x.sequence(), x.previousHash(), x.manifestHash(), x.unitId(), x.runId(),
            x.accountId(), x.region(), x.collectedAt(), x.recordedAt(), x.resultCount() + 1));

    for (var change : changes) {
      var changed = change.apply(e);
      assertNotEquals(e.entryHash(), changed.computeHash(), changed.toString());
      assertFalse(changed.isSelfConsistent());
    }
  }

  static LedgerEntry copy(LedgerEntry x, long sequence, Sha256 previousHash, Sha256 manifestHash,
      String unitId, String runId, String accountId, String region, Instant collectedAt,
      Instant recordedAt, int resultCount) {
    return new LedgerEntry(sequence, previousHash, manifestHash, unitId, runId, accountId, region,
        collectedAt, recordedAt, resultCount, x.entryHash());
  }
}
