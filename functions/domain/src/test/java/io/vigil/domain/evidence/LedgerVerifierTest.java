package io.vigil.domain.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.evidence.VerificationReport.Kind;
import io.vigil.domain.evidence.VerificationReport.Problem;
import io.vigil.domain.fakes.InMemoryEvidenceVault;
import io.vigil.domain.fakes.InMemoryLedgerRepository;
import io.vigil.domain.fakes.TestManifests;
import io.vigil.domain.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerVerifierTest {

  private static final ScanTarget EU = new ScanTarget("123456789012", "eu-west-1");
  private static final ScanTarget US = new ScanTarget("210987654321", "us-east-1");

  private final InMemoryLedgerRepository repository = new InMemoryLedgerRepository();
  private final InMemoryEvidenceVault vault = new InMemoryEvidenceVault();
  private final EvidenceLedger ledger = new EvidenceLedger(repository, vault, Clock.system());
  private final List<RunManifest> manifests = new ArrayList<>();
  private final List<LedgerEntry> entries = new ArrayList<>();

  @BeforeEach
  void recordFourUnits() {
    // 4 entries; run-1's two units share no evidence, run-2 repeats run-1's evidence for EU
    for (var m : List.of(
        TestManifests.stored(vault, "run-1", EU, 3),
        TestManifests.stored(vault, "run-1", US, 2),
        TestManifests.stored(vault, "run-2", EU, 3),
        TestManifests.stored(vault, "run-3", EU, 4))) {
      manifests.add(m);
      entries.add(ledger.record(m));
    }
  }

  private VerificationReport verify() {
    return new LedgerVerifier(repository, vault, a -> "vault:" + a.hex().substring(0, 8))
        .verify();
  }

  private Problem problemOf(VerificationReport report) {
    assertFalse(report.intact(), "expected a problem, got: " + report.summary());
    return report.problem().orElseThrow();
  }

  private Sha256 evidenceOf(int entry, int result) {
    return manifests.get(entry).entries().get(result).evidenceSha256();
  }

  @Test
  void anIntactLedgerIsVerifiedWithItsCounts() {
    var report = verify();

    assertTrue(report.intact(), report.summary());
    assertEquals(4, report.entries());
    assertEquals(4, report.manifests());
    // run-1/EU (3) + run-1/US (2) + run-3/EU (4, of which 3 are run-1's) = 6 distinct objects
    assertEquals(6, report.evidenceObjects());
    assertEquals("verified 4 entries, 10 objects (4 manifests, 6 evidence objects)",
        report.summary());
  }

  @Test
  void anEmptyLedgerIsIntact() {
    var report = new LedgerVerifier(new InMemoryLedgerRepository(), vault).verify();

    assertTrue(report.intact());
    assertEquals("verified 0 entries, 0 objects (0 manifests, 0 evidence objects)",
        report.summary());
  }

  @Test
  void listenerHearsOfEveryVerifiedEntry() {
    var heard = new ArrayList<Long>();

    new LedgerVerifier(repository, vault).verify((e, n, objects) -> heard.add(e.sequence()));

    assertEquals(List.of(1L, 2L, 3L, 4L), heard);
  }

  @Test
  void aModifiedEvidenceObjectIsNamed() {
    var address = evidenceOf(1, 1);
    vault.tamperOverwrite(address, "{\"encrypted\":true}".getBytes(StandardCharsets.UTF_8));

    var p = problemOf(verify());

    assertEquals(Kind.EVIDENCE_MODIFIED, p.kind());
    assertEquals(2, p.sequence());
    assertEquals(entries.get(1).unitId(), p.unitId());
    assertEquals(address.hex(), p.expected());
    assertEquals(Sha256.of("{\"encrypted\":true}").hex(), p.actual());
    assertEquals("vault:" + address.hex().substring(0, 8), p.location());
    assertTrue(p.message().contains("was modified"), p.message());
    assertTrue(p.message().contains(manifests.get(1).entries().get(1).resourceArn()),
        p.message());
  }

  @Test
  void aModifiedEvidenceObjectIsFoundEvenIfTheVaultDoesNotCheckReads() {
    var address = evidenceOf(0, 0);
    vault.tamperOverwrite(address, "{}".getBytes(StandardCharsets.UTF_8));
    var trusting = new EvidenceVault() {
      private final InMemoryEvidenceVault raw = vault;

      @Override
      public Sha256 put(byte[] canonicalJson) {
        return raw.put(canonicalJson);
      }

      @Override
      public Optional<byte[]> get(Sha256 a) {
        try {
          return raw.get(a);
        } catch (EvidenceIntegrityException e) {
          return Optional.of("{}".getBytes(StandardCharsets.UTF_8));
        }
      }

      @Override
      public boolean contains(Sha256 a) {
        return raw.contains(a);
      }
    };

    var p = problemOf(new LedgerVerifier(repository, trusting).verify());

    assertEquals(Kind.EVIDENCE_MODIFIED, p.kind());
    assertEquals(Sha256.of("{}").hex(), p.actual());
  }

  @Test
  void aMissingEvidenceObjectIsNamed() {
    var address = evidenceOf(2, 0);
    // run-2/EU lists the same evidence as run-1/EU, which comes first
    vault.tamperDelete(address);

    var p = problemOf(verify());

    assertEquals(Kind.EVIDENCE_MISSING, p.kind());
    assertEquals(1, p.sequence(), "reported at the first entry that lists it");
    assertEquals(address.hex(), p.expected());
    assertTrue(p.message().endsWith("is missing"), p.message());
  }

  @Test
  void aModifiedManifestIsNamed() {
    var address = entries.get(2).manifestHash();
    var forged = manifests.get(0).canonicalBytes();
    vault.tamperOverwrite(address, forged);

    var report = verify();
    var p = problemOf(report);

    assertEquals(Kind.MANIFEST_MODIFIED, p.kind());
    assertEquals(3, p.sequence());
    assertEquals(address.hex(), p.expected());
    assertEquals(Sha256.of(forged).hex(), p.actual());
    assertTrue(p.message().startsWith("the manifest of ledger entry 3 (unit run-2#"),
        p.message());
    assertEquals(2, report.entries(), "entries before the problem were verified");
  }

  @Test
  void aMissingManifestIsNamed() {
    vault.tamperDelete(entries.get(0).manifestHash());

    var p = problemOf(verify());

    assertEquals(Kind.MANIFEST_MISSING, p.kind());
    assertEquals(1, p.sequence());
  }

  @Test
  void aModifiedLedgerEntryIsNamed() {
    repository.tamperReplace(2, e -> LedgerEntryTest.copy(e, e.sequence(), e.previousHash(),
        e.manifestHash(), e.unitId(), e.runId(), e.accountId(), e.region(), e.collectedAt(),
        e.recordedAt(), e.resultCount() - 1));

    var p = problemOf(verify());

    assertEquals(Kind.ENTRY_MODIFIED, p.kind());
    assertEquals(2, p.sequence());
    assertEquals(entries.get(1).unitId(), p.unitId());
    assertEquals(entries.get(1).entryHash().hex(), p.expected());
    assertTrue(p.message().startsWith("ledger entry 2 (unit run-1#210987654321#us-east-1)"
        + " at ledger entry 2 was modified"), p.message());
  }

  @Test
  void aModifiedEntryWhoseHashWasRecomputedBreaksTheNextLink() {
    repository.tamperReplace(2, e -> {
      var later = e.recordedAt().plusSeconds(3600);
      var forged = LedgerEntryTest.copy(e, e.sequence(), e.previousHash(), e.manifestHash(),
          e.unitId(), e.runId(), e.accountId(), e.region(), e.collectedAt(), later,
          e.resultCount());
      return new LedgerEntry(forged.sequence(), forged.previousHash(), forged.manifestHash(),
          forged.unitId(), forged.runId(), forged.accountId(), forged.region(),
          forged.collectedAt(), later, forged.resultCount(), forged.computeHash());
    });

    var p = problemOf(verify());

    assertEquals(Kind.BROKEN_LINK, p.kind());
    assertEquals(3, p.sequence());
    assertTrue(p.message().contains("entry 2 or 3 was rewritten"), p.message());
  }

  @Test
  void aModifiedLastEntryWhoseHashWasRecomputedDisagreesWithTheHead() {
    repository.tamperReplace(4, e -> new LedgerEntry(e.sequence(), e.previousHash(),
        e.manifestHash(), e.unitId(), e.runId(), e.accountId(), e.region(), e.collectedAt(),
        e.recordedAt().plusSeconds(1), e.resultCount(),
        LedgerEntryTest.copy(e, e.sequence(), e.previousHash(), e.manifestHash(), e.unitId(),
            e.runId(), e.accountId(), e.region(), e.collectedAt(),
            e.recordedAt().plusSeconds(1), e.resultCount()).computeHash()));

    var p = problemOf(verify());

    assertEquals(Kind.HEAD_MISMATCH, p.kind());
  }

  @Test
  void aDeletedEntryIsNamed() {
    repository.tamperDelete(2);

    var report = verify();
    var p = problemOf(report);

    assertEquals(Kind.ENTRY_MISSING, p.kind());
    assertEquals(2, p.sequence());
    assertEquals("ledger entry 2 is missing (at ledger entry 2): entry 1 is followed by entry 3;"
        + " it was deleted", p.message());
    assertEquals(1, report.entries());
  }

  @Test
  void aDeletedFirstEntryIsNamed() {
    repository.tamperDelete(1);

    var p = problemOf(verify());

    assertEquals(Kind.ENTRY_MISSING, p.kind());
    assertEquals(1, p.sequence());
  }

  @Test
  void aDeletedLastEntryIsFoundThroughTheHead() {
    repository.tamperDelete(4);

    var report = verify();
    var p = problemOf(report);

    assertEquals(Kind.ENTRY_MISSING, p.kind());
    assertEquals(4, p.sequence());
    assertTrue(p.message().contains("the head names entry 4"), p.message());
    assertEquals(3, report.entries());
  }

  @Test
  void aDeletedHeadIsNamed() {
    repository.tamperHead(null);

    var p = problemOf(verify());

    assertEquals(Kind.HEAD_MISMATCH, p.kind());
    assertTrue(p.message().contains("head pointer is missing"), p.message());
  }

  @Test
  void aHeadMovedBackIsNamed() {
    repository.tamperHead(entries.get(1));

    var p = problemOf(verify());

    assertEquals(Kind.HEAD_MISMATCH, p.kind());
    assertTrue(p.message().contains("moved back"), p.message());
  }

  @Test
  void swappedEntriesAreNamed() {
    repository.tamperSwap(2, 3);

    var p = problemOf(verify());

    assertEquals(Kind.ENTRY_MISPLACED, p.kind());
    assertEquals(2, p.sequence());
    assertEquals("3", p.actual());
    assertTrue(p.message().contains("holds entry 3"), p.message());
  }

  @Test
  void swappedContentsUnderTheirOwnSequencesAreNamed() {
    var second = entries.get(1);
    var third = entries.get(2);
    repository.tamperReplace(2, e -> new LedgerEntry(2, third.previousHash(),
        third.manifestHash(), third.unitId(), third.runId(), third.accountId(), third.region(),
        third.collectedAt(), third.recordedAt(), third.resultCount(), third.entryHash()));
    repository.tamperReplace(3, e -> new LedgerEntry(3, second.previousHash(),
        second.manifestHash(), second.unitId(), second.runId(), second.accountId(),
        second.region(), second.collectedAt(), second.recordedAt(), second.resultCount(),
        second.entryHash()));

    var p = problemOf(verify());

    assertEquals(Kind.ENTRY_MODIFIED, p.kind());
    assertEquals(2, p.sequence());
  }

  @Test
  void anUnreadableItemIsNamed() {
    var broken = new EvidenceLedgerTest.DelegatingRepository(repository) {
      @Override
      public Stream<Stored> entriesAfter(long sequence) {
        return super.entriesAfter(sequence).map(s -> {
          if (s.keySequence() == 3) {
            throw new EvidenceIntegrityException("attribute entryHash is 'x'", "item ENTRY#3",
                new IllegalArgumentException("x"));
          }
          return s;
        });
      }
    };

    var p = problemOf(new LedgerVerifier(broken, vault).verify());

    assertEquals(Kind.ENTRY_UNREADABLE, p.kind());
    assertEquals(3, p.sequence());
    assertEquals("item ENTRY#3", p.location());
  }

  @Test
  void aUnitRecordedTwiceIsNamed() {
    // a consistent chain in which run-1/EU appears twice, as a forger with the keys could write
    var chain = new ArrayList<LedgerEntry>();
    LedgerEntry previous = null;
    for (var m : List.of(manifests.get(0), manifests.get(1), manifests.get(0))) {
      previous = LedgerEntry.next(previous, m, m.sha256(), previous == null
          ? TestManifests.T0 : previous.recordedAt().plusSeconds(1));
      chain.add(previous);
    }
    var forged = new EvidenceLedgerTest.DelegatingRepository(repository) {
      @Override
      public Optional<LedgerEntry> head() {
        return Optional.of(chain.get(2));
      }

      @Override
      public Stream<Stored> entriesAfter(long sequence) {
        return chain.stream().filter(e -> e.sequence() > sequence)
            .map(e -> new Stored(e.sequence(), e));
      }
    };

    var p = problemOf(new LedgerVerifier(forged, vault).verify());

    assertEquals(Kind.DUPLICATE_UNIT, p.kind());
    assertEquals(3, p.sequence());
    assertEquals("1", p.expected());
  }

  @Test
  void aManifestThatContradictsItsEntryIsNamed() {
    // an entry, consistently hashed, that points at another unit's manifest
    var m = manifests.get(1);
    var fresh = new InMemoryLedgerRepository();
    var e = LedgerEntry.next(null, manifests.get(0), m.sha256(), TestManifests.T0);
    fresh.append(e);

    var p = problemOf(new LedgerVerifier(fresh, vault).verify());

    assertEquals(Kind.MANIFEST_MISMATCH, p.kind());
    assertTrue(p.message().contains("does not say what its entry says"), p.message());
  }

  @Test
  void entriesAppendedDuringVerificationAreVerifiedToo() {
    var appended = new boolean[1];
    var busy = new EvidenceLedgerTest.DelegatingRepository(repository) {
      @Override
      public Optional<LedgerEntry> head() {
        if (!appended[0]) {
          appended[0] = true;
          ledger.record(TestManifests.stored(vault, "run-4", US, 1));
        }
        return super.head();
      }
    };

    var report = new LedgerVerifier(busy, vault).verify();

    assertTrue(report.intact(), report.summary());
    assertEquals(5, report.entries());
  }

  @Test
  void anUnreachableVaultIsAFailureNotAVerdict() {
    var down = new EvidenceVault() {
      @Override
      public Sha256 put(byte[] canonicalJson) {
        throw new IllegalStateException("down");
      }

      @Override
      public Optional<byte[]> get(Sha256 address) {
        throw new IllegalStateException("S3 is unreachable");
      }

      @Override
      public boolean contains(Sha256 address) {
        throw new IllegalStateException("down");
      }
    };

    var e = assertThrows(IllegalStateException.class,
        () -> new LedgerVerifier(repository, down).verify());
    assertEquals("S3 is unreachable", e.getMessage());
  }
}
