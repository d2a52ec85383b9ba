package io.vigil.adapters.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.evidence.EvidenceLedger;
import io.vigil.domain.evidence.LedgerEntry;
import io.vigil.domain.evidence.LedgerRepository;
import io.vigil.domain.evidence.LedgerRepository.Append;
import io.vigil.domain.evidence.LedgerVerifier;
import io.vigil.domain.evidence.RunManifest;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.fakes.InMemoryEvidenceVault;
import io.vigil.domain.fakes.TestManifests;
import io.vigil.domain.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LedgerRepository} must do; subclasses supply an empty ledger per test. The
 * manifests' evidence is kept in an in-memory vault: the store of the chain is under test here.
 */
public abstract class LedgerRepositoryContract {

  private static final ScanTarget TARGET = new ScanTarget(TestData.ACCOUNT, "eu-west-1");

  private LedgerRepository repo;
  private final InMemoryEvidenceVault vault = new InMemoryEvidenceVault();
  private String p;

  /** A repository over a ledger no other test uses. */
  protected abstract LedgerRepository emptyLedger();

  /** False if the store cannot serialise concurrent transactions (embedded moto). */
  protected boolean isolatesConcurrentTransactions() {
    return true;
  }

  @BeforeEach
  void setUp() {
    repo = emptyLedger();
    p = TestData.unique();
  }

  private RunManifest manifest(String run) {
    return TestManifests.stored(vault, "run-" + p + "-" + run, TARGET, 2);
  }

  private LedgerEntry next(LedgerEntry previous, String run) {
    var m = manifest(run);
    return LedgerEntry.next(previous, m, m.sha256(),
        TestData.T0.plusSeconds(previous == null ? 0 : previous.sequence()));
  }

  private List<LedgerEntry> chain() {
    return repo.entries().map(LedgerRepository.Stored::entry).toList();
  }

  @Test
  void anEmptyLedgerHasNoHeadAndNoEntries() {
    assertEquals(Optional.empty(), repo.head());
    assertEquals(List.of(), chain());
    assertEquals(Optional.empty(), repo.findByUnit("run-" + p + "#" + TestData.ACCOUNT));
  }

  @Test
  void appendedEntriesAreStoredCompletelyInSequenceOrder() {
    var a = next(null, "a");
    var b = next(a, "b");
    var c = next(b, "c");

    assertEquals(Append.APPENDED, repo.append(a));
    assertEquals(Append.APPENDED, repo.append(b));
    assertEquals(Append.APPENDED, repo.append(c));

    assertEquals(List.of(a, b, c), chain());
    assertEquals(Optional.of(c), repo.head());
    assertEquals(Optional.of(b), repo.findByUnit(b.unitId()));
    assertEquals(List.of(1L, 2L, 3L),
        repo.entries().map(LedgerRepository.Stored::keySequence).toList());
  }

  @Test
  void entriesAfterASequenceStartAfterIt() {
    LedgerEntry previous = null;
    var all = new ArrayList<LedgerEntry>();
    for (int i = 0; i < 5; i++) {
      previous = next(previous, "r" + i);
      repo.append(previous);
      all.add(previous);
    }

    assertEquals(all.subList(2, 5),
        repo.entriesAfter(2).map(LedgerRepository.Stored::entry).toList());
    assertEquals(List.of(), repo.entriesAfter(5).toList());
  }

  @Test
  void anEntryThatDoesNotExtendTheHeadIsRefused() {
    var a = next(null, "a");
    var b = next(a, "b");
    repo.append(a);
    repo.append(b);

    var anotherFirst = next(null, "x");
    var staleSecond = next(a, "y");
    var skipping = LedgerEntry.next(next(b, "z"), manifest("w"), manifest("w").sha256(),
        TestData.T0);
    var forkedLink = new LedgerEntry(3, Sha256.of("fork"), b.manifestHash(), "unit-" + p,
        b.runId(), b.accountId(), b.region(), b.collectedAt(), b.recordedAt(), 1,
        Sha256.of("whatever"));

    assertEquals(Append.HEAD_MOVED, repo.append(anotherFirst));
    assertEquals(Append.HEAD_MOVED, repo.append(staleSecond));
    assertEquals(Append.HEAD_MOVED, repo.append(skipping));
    assertEquals(Append.HEAD_MOVED, repo.append(forkedLink));
    assertEquals(List.of(a, b), chain());
    assertEquals(Optional.of(b), repo.head());
  }

  @Test
  void aUnitIsAppendedOnlyOnce() {
    var a = next(null, "a");
    repo.append(a);
    var again = LedgerEntry.next(a, manifest("a"), manifest("a").sha256(), TestData.T0);

    assertEquals(Append.UNIT_RECORDED, repo.append(again));

    assertEquals(List.of(a), chain());
    assertEquals(Optional.of(a), repo.head());
  }

  @Test
  void theLedgerRecordsThroughItIdempotentlyAndVerifies() {
    var ledger = new EvidenceLedger(repo, vault, Clock.system());
    var first = ledger.record(manifest("a"));
    ledger.record(manifest("b"));

    assertEquals(first, ledger.record(manifest("a")));
    assertEquals(2, chain().size());
    var report = new LedgerVerifier(repo, vault).verify();
    assertTrue(report.intact(), report.summary());
    assertEquals(2, report.entries());
  }

  @Test
  void concurrentAppendsFormOneUnbrokenChain() throws Exception {
    assumeTrue(isolatesConcurrentTransactions(),
        "the store does not isolate concurrent transactions, so this cannot be tested on it");
    int threads = 8;
    int perThread = 4;
    var pool = Executors.newFixedThreadPool(threads);
    var start = new CountDownLatch(1);
    var futures = new ArrayList<Future<?>>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        var ledger = new EvidenceLedger(repo, vault, Clock.system());
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            var m = manifest(thread + "-" + i);
            ledger.record(m);
            ledger.record(m);
          }
          return null;
        }));
      }
      start.countDown();
      for (var f : futures) {
        f.get(300, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    var chain = chain();
    assertEquals(threads * perThread, chain.size());
    var previous = LedgerEntry.GENESIS;
    var units = new HashSet<String>();
    for (int i = 0; i < chain.size(); i++) {
      var e = chain.get(i);
      assertEquals(i + 1, e.sequence());
      assertEquals(previous, e.previousHash(), "the chain forks at entry " + e.sequence());
      assertTrue(e.isSelfConsistent());
      assertTrue(units.add(e.unitId()), "unit " + e.unitId() + " recorded twice");
      previous = e.entryHash();
    }
    assertEquals(Optional.of(chain.get(chain.size() - 1)), repo.head());
    assertTrue(new LedgerVerifier(repo, vault).verify().intact());
  }
}
