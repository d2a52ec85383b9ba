package io.vigil.adapters.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.finding.FindingStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link FindingRepository} must do; subclasses supply the implementation. */
public abstract class FindingRepositoryContract {

  private FindingRepository repo;
  private String p;

  /** A repository; may share its store with earlier tests (each test uses unique ids). */
  protected abstract FindingRepository repository();

  /**
   * False where the store behind the repository cannot isolate concurrent transactions (moto's
   * TransactWriteItems snapshots and restores whole tables, so concurrent requests corrupt each
   * other); the concurrency test is then skipped rather than flaky.
   */
  protected boolean isolatesConcurrentTransactions() {
    return true;
  }

  @BeforeEach
  void setUp() {
    repo = repository();
    p = TestData.unique();
  }

  private String id(String n) {
    return "F-" + p + "-" + n;
  }

  private List<Finding> openOfThisTest() {
    return repo.findOpen().stream().filter(f -> f.id().value().startsWith("F-" + p)).toList();
  }

  @Test
  void recordFailure_opensOnce_thenMovesLastSeenForward_andIgnoresOlderObservations() {
    var f = TestData.automated(id("1"), TestData.arn(p, 1), null);
    var t1 = f.raisedAt().plusSeconds(60);

    assertEquals(FindingRepository.FailureOutcome.OPENED, repo.recordFailure(f, f.raisedAt()));
    assertEquals(FindingRepository.FailureOutcome.STILL_OPEN, repo.recordFailure(
        TestData.automated(id("2"), TestData.arn(p, 1), null), t1));
    assertEquals(FindingRepository.FailureOutcome.STILL_OPEN,
        repo.recordFailure(f, f.raisedAt()), "an older observation changes nothing");

    var stored = repo.findById(f.id()).orElseThrow();
    assertEquals(t1, stored.lastSeenAt());
    assertEquals(0, stored.version(), "automation does not bump the people's version");
    assertEquals(List.of(stored), openOfThisTest());
    assertEquals(Optional.empty(), repo.findById(FindingId.of(id("2"))));
  }

  @Test
  void recordRecovery_marksTheOpenFindingOnce_andAFailureAfterwardsClearsIt() {
    var f = TestData.automated(id("1"), TestData.arn(p, 1), null);
    var t1 = f.raisedAt().plusSeconds(60);
    var t2 = f.raisedAt().plusSeconds(120);
    repo.recordFailure(f, f.raisedAt());

    assertTrue(repo.recordRecovery(f.subjectKey(), t1));
    assertFalse(repo.recordRecovery(f.subjectKey(), t2), "already recovered");
    var recovered = repo.findById(f.id()).orElseThrow();
    assertEquals(t1, recovered.evidenceRecoveredAt());
    assertEquals(FindingStatus.OPEN, recovered.status(), "stays open for the effectiveness review");
    assertEquals(List.of(recovered), openOfThisTest(), "findOpen shows the recovery too");

    repo.recordFailure(f, t2);

    var failing = repo.findById(f.id()).orElseThrow();
    assertEquals(null, failing.evidenceRecoveredAt());
    assertEquals(t2, failing.lastSeenAt());
  }

  @Test
  void recordRecovery_ignoresSubjectsWithoutOpenFindingAndStaleObservations() {
    var f = TestData.automated(id("1"), TestData.arn(p, 1), null);
    assertFalse(repo.recordRecovery(f.subjectKey(), f.raisedAt()));
    repo.recordFailure(f, f.raisedAt().plusSeconds(60));

    assertFalse(repo.recordRecovery(f.subjectKey(), f.raisedAt()), "older than the last failure");
    assertEquals(null, repo.findById(f.id()).orElseThrow().evidenceRecoveredAt());
  }

  @Test
  void openedFindingIsStoredCompletelyAndFoundBySubject() {
    var f = TestData.automated(id("1"), TestData.arn(p, 1), LocalDate.of(2026, 12, 31));

    assertTrue(repo.openIfNoneOpen(f));

    assertEquals(Optional.of(f), repo.findById(f.id()));
    assertEquals(Optional.of(f), repo.findOpenBySubject(f.subjectKey()));
    assertEquals(List.of(f), openOfThisTest());
  }

  @Test
  void secondOpenForTheSameSubjectReturnsFalseAndLeavesOneFinding() {
    var first = TestData.automated(id("1"), TestData.arn(p, 1), null);
    var second = TestData.automated(id("2"), TestData.arn(p, 1), null);

    assertTrue(repo.openIfNoneOpen(first));
    assertFalse(repo.openIfNoneOpen(second));
    assertFalse(repo.openIfNoneOpen(first), "re-opening the same finding changes nothing");

    assertEquals(Optional.of(first), repo.findOpenBySubject(first.subjectKey()));
    assertEquals(Optional.empty(), repo.findById(second.id()));
    assertEquals(List.of(first), openOfThisTest());
  }

  @Test
  void otherSubjectsAreIndependent() {
    var a = TestData.automated(id("1"), TestData.arn(p, 1), null);
    var b = TestData.automated(id("2"), TestData.arn(p, 2), null);

    assertTrue(repo.openIfNoneOpen(a));
    assertTrue(repo.openIfNoneOpen(b));

    assertEquals(Optional.of(b), repo.findOpenBySubject(b.subjectKey()));
  }

  @Test
  void concurrentOpensOfOneSubjectOpenExactlyOne() throws Exception {
    assumeTrue(isolatesConcurrentTransactions(),
        "the store does not isolate concurrent transactions, so this cannot be tested on it");
    int threads = 8;
    var pool = Executors.newFixedThreadPool(threads);
    var start = new CountDownLatch(1);
    var futures = new ArrayList<Future<Boolean>>();
    try {
      for (int i = 0; i < threads; i++) {
        var f = TestData.automated(id("c" + i), TestData.arn(p, 1), null);
        Callable<Boolean> open = () -> {
          start.await();
          return repo.openIfNoneOpen(f);
        };
        futures.add(pool.submit(open));
      }
      start.countDown();
      var opened = new ArrayList<Integer>();
      for (int i = 0; i < threads; i++) {
        if (futures.get(i).get(60, TimeUnit.SECONDS)) {
          opened.add(i);
        }
      }

      assertEquals(1, opened.size(), "exactly one call opens a finding, got " + opened);
      var winner = FindingId.of(id("c" + opened.get(0)));
      assertEquals(winner, repo.findOpenBySubject(TestData.subjectOf(TestData.arn(p, 1)))
          .orElseThrow().id());
      assertEquals(List.of(winner), openOfThisTest().stream().map(Finding::id).toList());
      for (int i = 0; i < threads; i++) {
        if (i != opened.get(0)) {
          assertEquals(Optional.empty(), repo.findById(FindingId.of(id("c" + i))));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void updateIncrementsTheVersionAndStoresTheEdit() {
    var f = TestData.automated(id("1"), TestData.arn(p, 1), LocalDate.of(2027, 1, 31));
    repo.openIfNoneOpen(f);

    var edited = new Finding(f.id(), f.type(), f.source(), FindingStatus.IN_TREATMENT, f.title(),
        "containment done", f.severity(), f.controls(), f.clauses(), f.checkId(), f.accountId(),
        f.region(), f.resourceArn(), f.raisedAt(), LocalDate.of(2027, 2, 28), "alice",
        "missing guardrail", f.lastSeenAt(), f.evidenceRecoveredAt(), f.relatedFindingId(),
        f.version());
    var saved = repo.update(edited);

    assertEquals(1, saved.version());
    assertEquals(edited.withVersion(1), saved);
    assertEquals(Optional.of(saved), repo.findById(f.id()));
    assertEquals(List.of(saved), openOfThisTest());
    var again = repo.update(saved.withStatus(FindingStatus.PENDING_VERIFICATION));
    assertEquals(2, again.version());
    assertEquals(Optional.of(again), repo.findById(f.id()));
  }

  @Test
  void updateBasedOnAStaleVersionThrowsAndChangesNothing() {
    var f = TestData.automated(id("1"), TestData.arn(p, 1), null);
    repo.openIfNoneOpen(f);
    var current = repo.update(f.withStatus(FindingStatus.IN_TREATMENT));

    assertThrows(FindingRepository.ConcurrentModificationException.class,
        () -> repo.update(f.withStatus(FindingStatus.CLOSED)));
    assertThrows(FindingRepository.ConcurrentModificationException.class,
        () -> repo.update(f.withVersion(7)));

    assertEquals(Optional.of(current), repo.findById(f.id()));
    assertEquals(Optional.of(current), repo.findOpenBySubject(f.subjectKey()));
  }

  @Test
  void updateOfAnUnknownFindingFails() {
    var f = TestData.automated(id("1"), TestData.arn(p, 1), null);

    assertThrows(IllegalArgumentException.class, () -> repo.update(f));
    assertEquals(Optional.empty(), repo.findById(f.id()));
  }

  @Test
  void closingReleasesTheSubjectSoANewFindingCanOpen() {
    var first = TestData.automated(id("1"), TestData.arn(p, 1), LocalDate.of(2026, 12, 1));
    repo.openIfNoneOpen(first);

    var closed = repo.update(first.withStatus(FindingStatus.CLOSED));

    assertEquals(Optional.empty(), repo.findOpenBySubject(first.subjectKey()));
    assertEquals(List.of(), openOfThisTest());
    assertEquals(Optional.of(closed), repo.findById(first.id()));

    var second = TestData.automated(id("2"), TestData.arn(p, 1), null);
    assertTrue(repo.openIfNoneOpen(second));
    assertEquals(Optional.of(second.relatedTo(first.id())),
        repo.findOpenBySubject(first.subjectKey()), "a regression links the closed finding");
  }

  @Test
  void editingAClosedFindingDoesNotReleaseTheSubjectsNewFinding() {
    var first = TestData.automated(id("1"), TestData.arn(p, 1), null);
    repo.openIfNoneOpen(first);
    var closed = repo.update(first.withStatus(FindingStatus.CLOSED));
    var second = TestData.automated(id("2"), TestData.arn(p, 1), null);
    repo.openIfNoneOpen(second);

    repo.update(closed);

    assertEquals(Optional.of(second.relatedTo(first.id())),
        repo.findOpenBySubject(first.subjectKey()));
    assertFalse(repo.openIfNoneOpen(TestData.automated(id("3"), TestData.arn(p, 1), null)));
  }

  @Test
  void findOpenListsOpenFindingsByDueDateWithoutDueDateLast() {
    var late = TestData.automated(id("a"), TestData.arn(p, 1), LocalDate.of(2027, 3, 1));
    var none = TestData.automated(id("b"), TestData.arn(p, 2), null);
    var early = TestData.automated(id("c"), TestData.arn(p, 3), LocalDate.of(2026, 12, 1));
    var closedOne = TestData.automated(id("d"), TestData.arn(p, 4), LocalDate.of(2026, 1, 1));
    var audit = TestData.audit(id("e"), LocalDate.of(2027, 1, 15));
    var sameDay = TestData.automated(id("f"), TestData.arn(p, 6), LocalDate.of(2027, 3, 1));
    for (var f : List.of(late, none, early, closedOne, sameDay)) {
      repo.openIfNoneOpen(f);
    }
    repo.create(audit);
    repo.update(closedOne.withStatus(FindingStatus.CLOSED));

    assertEquals(List.of(early.id(), audit.id(), late.id(), sameDay.id(), none.id()),
        openOfThisTest().stream().map(Finding::id).toList());
  }

  @Test
  void createStoresAnyFindingOnceAndTakesNoSubjectLock() {
    var audit = TestData.audit(id("1"), null);

    repo.create(audit);

    assertEquals(Optional.of(audit), repo.findById(audit.id()));
    assertThrows(IllegalStateException.class, () -> repo.create(audit));
    var automated = TestData.automated(id("2"), TestData.arn(p, 1), null);
    repo.create(automated);
    assertEquals(Optional.empty(), repo.findOpenBySubject(automated.subjectKey()));
  }

  @Test
  void unknownIdsAndSubjectsAreEmpty() {
    assertEquals(Optional.empty(), repo.findById(FindingId.of(id("none"))));
    assertEquals(Optional.empty(), repo.findOpenBySubject(TestData.subjectOf(TestData.arn(p, 9))));
  }
}
