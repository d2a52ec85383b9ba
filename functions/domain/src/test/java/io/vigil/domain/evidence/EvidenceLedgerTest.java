package io.vigil.domain.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.fakes.InMemoryEvidenceVault;
import io.vigil.domain.fakes.InMemoryLedgerRepository;
import io.vigil.domain.fakes.TestManifests;
import io.vigil.domain.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EvidenceLedgerTest {

  private static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");
  private static final Instant NOW = Instant.parse("2026-11-28T06:05:00Z");

  private final InMemoryLedgerRepository repository = new InMemoryLedgerRepository();
  private final InMemoryEvidenceVault vault = new InMemoryEvidenceVault();
  private final EvidenceLedger ledger = new EvidenceLedger(repository, vault, Clock.fixed(NOW));

  private RunManifest manifest(String runId) {
    return TestManifests.stored(vault, runId, TARGET, 3);
  }

  @Test
  void recordStoresTheManifestAndAppendsTheFirstEntry() {
    var m = manifest("run-1");

    var e = ledger.record(m);

    assertEquals(1, e.sequence());
    assertEquals(LedgerEntry.GENESIS, e.previousHash());
    assertEquals(m.sha256(), e.manifestHash());
    assertArrayEquals(m.canonicalBytes(), vault.get(e.manifestHash()).orElseThrow());
    assertEquals(m.unitId(), e.unitId());
    assertEquals("run-1", e.runId());
    assertEquals(TARGET.accountId(), e.accountId());
    assertEquals(TARGET.region(), e.region());
    assertEquals(TestManifests.T0, e.collectedAt());
    assertEquals(NOW, e.recordedAt());
    assertEquals(3, e.resultCount());
    assertTrue(e.isSelfConsistent());
    assertEquals(Optional.of(e), repository.head());
  }

  @Test
  void eachEntryChainsToThePreviousOne() {
    var a = ledger.record(manifest("run-1"));
    var b = ledger.record(manifest("run-2"));
    var c = ledger.record(manifest("run-3"));

    assertEquals(List.of(1L, 2L, 3L), List.of(a.sequence(), b.sequence(), c.sequence()));
    assertEquals(a.entryHash(), b.previousHash());
    assertEquals(b.entryHash(), c.previousHash());
    assertEquals(Optional.of(c), repository.head());
  }

  @Test
  void recordingAUnitAgainReturnsItsEntryAndAppendsNothing() {
    var first = ledger.record(manifest("run-1"));
    ledger.record(manifest("run-2"));

    var again = ledger.record(manifest("run-1"));

    assertEquals(first, again);
    assertEquals(2, repository.appends());
  }

  @Test
  void aRetriedUnitWithOtherResultsKeepsItsFirstRecord() {
    var first = ledger.record(manifest("run-1"));
    var different = TestManifests.stored(vault, "run-1", TARGET, 5);

    assertEquals(first, ledger.record(different));
    assertEquals(1, repository.appends());
  }

  @Test
  void losingTheRaceForTheHeadIsRetriedWithTheNewHead() {
    var other = new EvidenceLedger(repository, vault, Clock.fixed(NOW));
    var lost = new AtomicInteger();
    var racing = new DelegatingRepository(repository) {
      @Override
      public Append append(LedgerEntry entry) {
        if (lost.getAndIncrement() < 2) {
          other.record(manifest("other-" + lost.get()));
        }
        return super.append(entry);
      }
    };
    var ledgerUnderTest = new EvidenceLedger(racing, vault, Clock.fixed(NOW), fastRetry(5));

    var e = ledgerUnderTest.record(manifest("run-1"));

    assertEquals(3, e.sequence(), "two entries were appended by the other writer first");
    assertEquals(3, lost.get(), "two lost attempts and one that won");
    assertEquals(repository.findByUnit("other-2#123456789012#eu-west-1").orElseThrow()
        .entryHash(), e.previousHash());
  }

  @Test
  void aUnitRecordedConcurrentlyByAnotherWriterReturnsThatEntry() {
    var m = manifest("run-1");
    var other = new EvidenceLedger(repository, vault, Clock.fixed(NOW.plusSeconds(1)));
    var racing = new DelegatingRepository(repository) {
      boolean raced;

      @Override
      public Append append(LedgerEntry entry) {
        if (!raced) {
          raced = true;
          other.record(m);
        }
        return super.append(entry);
      }
    };

    var e = new EvidenceLedger(racing, vault, Clock.fixed(NOW)).record(m);

    assertEquals(NOW.plusSeconds(1), e.recordedAt(), "the other writer's entry");
    assertEquals(1, repository.appends());
  }

  @Test
  void aWriterThatAlwaysLosesGivesUpAfterTheLastAttempt() {
    var attempts = new AtomicInteger();
    var alwaysMoved = new DelegatingRepository(repository) {
      @Override
      public Append append(LedgerEntry entry) {
        attempts.incrementAndGet();
        return Append.HEAD_MOVED;
      }
    };

    var e = assertThrows(EvidenceLedger.LedgerContentionException.class,
        () -> new EvidenceLedger(alwaysMoved, vault, Clock.fixed(NOW), fastRetry(4))
            .record(manifest("run-1")));

    assertEquals(4, attempts.get());
    assertTrue(e.getMessage().contains("4 attempts"), e.getMessage());
  }

  @Test
  void concurrentWritersNeverForkTheChain() throws Exception {
    int threads = 8;
    int perThread = 25;
    var pool = Executors.newFixedThreadPool(threads);
    var start = new CountDownLatch(1);
    var futures = new ArrayList<Future<List<LedgerEntry>>>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        var writer = new EvidenceLedger(repository, vault, Clock.system());
        futures.add(pool.submit(() -> {
          start.await();
          var mine = new ArrayList<LedgerEntry>();
          for (int i = 0; i < perThread; i++) {
            var m = TestManifests.stored(vault, "run-" + thread + "-" + i, TARGET, 1);
            mine.add(writer.record(m));
            mine.add(writer.record(m)); // a re-delivery in the same breath
          }
          return mine;
        }));
      }
      start.countDown();
      var recorded = new ArrayList<LedgerEntry>();
      for (var f : futures) {
        recorded.addAll(f.get(120, TimeUnit.SECONDS));
      }

      int total = threads * perThread;
      assertEquals(total, repository.appends());
      var chain = repository.entries().map(LedgerRepository.Stored::entry).toList();
      assertEquals(total, chain.size());
      var previous = LedgerEntry.GENESIS;
      var hashes = new HashSet<Sha256>();
      for (int i = 0; i < chain.size(); i++) {
        var e = chain.get(i);
        assertEquals(i + 1, e.sequence());
        assertEquals(previous, e.previousHash(), "entry " + e.sequence() + " forks the chain");
        assertTrue(e.isSelfConsistent());
        assertTrue(hashes.add(e.previousHash()), "two entries share a previous hash");
        previous = e.entryHash();
      }
      assertEquals(total, recorded.stream().distinct().count());
      assertTrue(new LedgerVerifier(repository, vault).verify().intact());
    } finally {
      pool.shutdownNow();
    }
  }

  private static EvidenceLedger.Retry fastRetry(int attempts) {
    return new EvidenceLedger.Retry(attempts, Duration.ofMillis(1), Duration.ofMillis(2));
  }

  /** Forwards to another repository; tests override what they intercept. */
  static class DelegatingRepository implements LedgerRepository {
    private final LedgerRepository delegate;

    DelegatingRepository(LedgerRepository delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<LedgerEntry> head() {
      return delegate.head();
    }

    @Override
    public Optional<LedgerEntry> findByUnit(String unitId) {
      return delegate.findByUnit(unitId);
    }

    @Override
    public Append append(LedgerEntry entry) {
      return delegate.append(entry);
    }

    @Override
    public Stream<Stored> entriesAfter(long sequence) {
      return delegate.entriesAfter(sequence);
    }
  }
}
