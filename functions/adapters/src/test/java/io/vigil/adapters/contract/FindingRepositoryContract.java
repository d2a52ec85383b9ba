package io.vigil.adapters.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.domain.control.ControlId;
import io.vigil.domain.finding.ActionStatus;
import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingQuery;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.HistoryEntry;
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
  void recordFailure_opensOnce_thenRefreshesLastSeen_andIgnoresOlderObservations() {
    var f = TestData.automated(id("1"), TestData.arn(p, 1), null);
    var withinRefresh = f.raisedAt().plus(Finding.LAST_SEEN_REFRESH);
    var t1 = withinRefresh.plusSeconds(1);

    assertEquals(FindingRepository.FailureOutcome.OPENED, repo.recordFailure(f, f.raisedAt()));
    assertEquals(FindingRepository.FailureOutcome.STILL_OPEN, repo.recordFailure(
        TestData.automated(id("2"), TestData.arn(p, 1), null), withinRefresh));
    assertEquals(f.raisedAt(), repo.findById(f.id()).orElseThrow().lastSeenAt(),
        "a failure going on for less than the refresh period is not written again");
    assertEquals(FindingRepository.FailureOutcome.STILL_OPEN, repo.recordFailure(
        TestData.automated(id("3"), TestData.arn(p, 1), null), t1));
    assertEquals(FindingRepository.FailureOutcome.STILL_OPEN,
        repo.recordFailure(f, f.raisedAt()), "an older observation changes nothing");

    var stored = repo.findById(f.id()).orElseThrow();
    assertEquals(t1, stored.lastSeenAt());
    assertEquals(0, stored.version(), "automation does not bump the people's version");
    assertEquals(List.of(stored), openOfThisTest());
    assertEquals(Optional.empty(), repo.findById(FindingId.of(id("2"))));
    assertEquals(Optional.empty(), repo.findById(FindingId.of(id("3"))));
  }

  @Test
  void recordFailures_recordsEachLikeRecordFailure_inOrder() {
    // GIVEN subject 1 open (and seen long ago), 2 open and recovered, 3 closed, 4 never failed
    var refresh = Finding.LAST_SEEN_REFRESH.plusSeconds(60);
    var open = TestData.automated(id("1"), TestData.arn(p, 1), null);
    var recovered = TestData.automated(id("2"), TestData.arn(p, 2), null);
    var closed = TestData.automated(id("3"), TestData.arn(p, 3), null);
    repo.recordFailure(open, open.raisedAt());
    repo.recordFailure(recovered, recovered.raisedAt());
    repo.recordRecovery(recovered.subjectKey(), recovered.raisedAt().plusSeconds(60));
    repo.recordFailure(closed, closed.raisedAt());
    repo.update(repo.findById(closed.id()).orElseThrow().withStatus(FindingStatus.CLOSED));
    var at = open.raisedAt().plus(refresh);

    // WHEN one unit's failures are recorded at once, a repeated subject among them
    var outcomes = repo.recordFailures(List.of(
        new FindingRepository.Failure(TestData.automated(id("1b"), TestData.arn(p, 1), null), at),
        new FindingRepository.Failure(TestData.automated(id("2b"), TestData.arn(p, 2), null),
            recovered.raisedAt().plusSeconds(120)),
        new FindingRepository.Failure(TestData.automated(id("3b"), TestData.arn(p, 3), null), at),
        new FindingRepository.Failure(TestData.automated(id("4"), TestData.arn(p, 4), null), at),
        new FindingRepository.Failure(TestData.automated(id("4b"), TestData.arn(p, 4), null), at)));

    // THEN
    assertEquals(List.of(FindingRepository.FailureOutcome.STILL_OPEN,
        FindingRepository.FailureOutcome.STILL_OPEN, FindingRepository.FailureOutcome.REGRESSED,
        FindingRepository.FailureOutcome.OPENED, FindingRepository.FailureOutcome.STILL_OPEN),
        outcomes);
    assertEquals(at, repo.findById(open.id()).orElseThrow().lastSeenAt(), "refreshed");
    var failingAgain = repo.findById(recovered.id()).orElseThrow();
    assertEquals(null, failingAgain.evidenceRecoveredAt(), "recovery cleared");
    assertEquals(recovered.raisedAt().plusSeconds(120), failingAgain.lastSeenAt());
    assertEquals(FindingId.of(closed.id().value()),
        repo.findById(FindingId.of(id("3b"))).orElseThrow().relatedFindingId());
    assertTrue(repo.findById(FindingId.of(id("4"))).isPresent());
    assertEquals(Optional.empty(), repo.findById(FindingId.of(id("4b"))));
    assertEquals(Optional.empty(), repo.findById(FindingId.of(id("1b"))));
    assertEquals(List.of(id("1"), id("2"), id("3b"), id("4")), openOfThisTest().stream()
        .map(f -> f.id().value()).sorted().toList());
  }

  @Test
  void recordFailures_ofManySubjects_opensOneEach_withTheOutcomesInTheOrderGiven() {
    // 60 subjects, each failing twice: the repeats interleaved with other subjects' failures
    var failures = new ArrayList<FindingRepository.Failure>();
    var expected = new ArrayList<FindingRepository.FailureOutcome>();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 60; i++) {
        var f = TestData.automated(id(i + "-" + round), TestData.arn(p, i), null);
        failures.add(new FindingRepository.Failure(f, f.raisedAt()));
        expected.add(round == 0 ? FindingRepository.FailureOutcome.OPENED
            : FindingRepository.FailureOutcome.STILL_OPEN);
      }
    }

    var outcomes = repo.recordFailures(failures);

    assertEquals(expected, outcomes);
    assertEquals(java.util.stream.IntStream.range(0, 60).mapToObj(i -> id(i + "-0")).sorted()
        .toList(), openOfThisTest().stream().map(f -> f.id().value()).sorted().toList());
  }

  @Test
  void recordFailures_refusesAnyBadFailure_beforeWritingAnything() {
    var good = TestData.automated(id("1"), TestData.arn(p, 1), null);
    var notOpen = TestData.automated(id("2"), TestData.arn(p, 2), null)
        .withStatus(FindingStatus.CLOSED);

    assertThrows(IllegalArgumentException.class, () -> repo.recordFailures(List.of(
        new FindingRepository.Failure(good, good.raisedAt()),
        new FindingRepository.Failure(notOpen, good.raisedAt()))));
    assertEquals(List.of(), openOfThisTest());
    assertEquals(Optional.empty(), repo.findById(good.id()));
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

    var edited = new Finding(f.id(), f.type(), f.source(), FindingStatus.CORRECTED, f.title(),
        "containment done", f.severity(), f.controls(), f.clauses(), f.checkId(), f.accountId(),
        f.region(), f.resourceArn(), f.raisedAt(), LocalDate.of(2027, 2, 28), "alice",
        "missing guardrail", f.lastSeenAt(), f.evidenceRecoveredAt(), f.relatedFindingId(),
        "AUDIT-7", TestData.fullTreatment(), f.version());
    var saved = repo.update(edited);

    assertEquals(1, saved.version());
    assertEquals(edited.withVersion(1), saved);
    assertEquals(Optional.of(saved), repo.findById(f.id()));
    assertEquals(List.of(saved), openOfThisTest());
    var again = repo.update(saved.withStatus(FindingStatus.ANALYSED));
    assertEquals(2, again.version());
    assertEquals(Optional.of(again), repo.findById(f.id()));
  }

  @Test
  void updateBasedOnAStaleVersionThrowsAndChangesNothing() {
    var f = TestData.automated(id("1"), TestData.arn(p, 1), null);
    repo.openIfNoneOpen(f);
    var current = repo.update(f.withStatus(FindingStatus.CORRECTED));

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
  // ---- history ------------------------------------------------------------------------------

  private static HistoryEntry entry(int second, String actor, HistoryEntry.Kind kind,
      FindingStatus from, FindingStatus to, String actionId, long version, String... fields) {
    return new HistoryEntry(TestData.T0.plusSeconds(second), actor, kind, from, to,
        List.of(fields), actionId, version);
  }

  @Test
  void everyChangeAppendsItsHistoryEntry_oldestFirst() {
    var f = TestData.audit(id("1"), LocalDate.of(2027, 1, 31));
    var created = entry(0, "alice", HistoryEntry.Kind.CREATED, null, FindingStatus.OPEN, null, 0);
    repo.create(f, created);
    var moved = entry(60, "bob@example.com", HistoryEntry.Kind.TRANSITION, FindingStatus.OPEN,
        FindingStatus.CORRECTED, null, 1, "status", "treatment.correction");
    var saved = repo.update(f.withStatus(FindingStatus.CORRECTED), moved);
    var edited = entry(120, "bob@example.com", HistoryEntry.Kind.EDITED,
        FindingStatus.CORRECTED, FindingStatus.CORRECTED, null, 2, "owner");
    var sameInstant = entry(120, "carol", HistoryEntry.Kind.EDITED, FindingStatus.CORRECTED,
        FindingStatus.CORRECTED, null, 3, "dueDate");
    saved = repo.update(saved, edited);
    repo.update(saved, sameInstant);

    assertEquals(List.of(created, moved, edited, sameInstant), repo.history(f.id()),
        "entries of the same instant are all kept, in the order written");
    assertEquals(List.of(), repo.history(FindingId.of(id("none"))));
  }

  @Test
  void aRejectedUpdateWritesNoHistory() {
    var f = TestData.audit(id("1"), null);
    var created = entry(0, "alice", HistoryEntry.Kind.CREATED, null, FindingStatus.OPEN, null, 0);
    repo.create(f, created);
    repo.update(f, entry(1, "bob", HistoryEntry.Kind.EDITED, FindingStatus.OPEN,
        FindingStatus.OPEN, null, 1, "title"));

    assertThrows(FindingRepository.ConcurrentModificationException.class, () -> repo.update(f,
        entry(2, "carol", HistoryEntry.Kind.EDITED, FindingStatus.OPEN, FindingStatus.OPEN,
            null, 1, "title")));
    assertThrows(IllegalStateException.class, () -> repo.create(f, created));

    assertEquals(2, repo.history(f.id()).size());
  }

  // ---- corrective actions -------------------------------------------------------------------

  private CorrectiveAction action(FindingId finding, String n, String description) {
    return new CorrectiveAction("A-" + p + "-" + n, finding, description, "bob",
        LocalDate.of(2027, 1, 31), ActionStatus.PLANNED, "no failing run for 30 days", null, null,
        0);
  }

  @Test
  void actionsAreStoredInTheOrderAddedWithTheirHistory() {
    var f = TestData.audit(id("1"), null);
    repo.create(f, entry(0, "alice", HistoryEntry.Kind.CREATED, null, FindingStatus.OPEN, null,
        0));
    var second = action(f.id(), "9", "rotate keys");
    var first = action(f.id(), "1", "enforce encryption");
    var added = entry(10, "alice", HistoryEntry.Kind.ACTION_ADDED, FindingStatus.OPEN,
        FindingStatus.OPEN, second.id(), 0, "description", "owner", "dueDate");

    assertEquals(second, repo.addAction(second, added));
    repo.addAction(first, entry(11, "alice", HistoryEntry.Kind.ACTION_ADDED, FindingStatus.OPEN,
        FindingStatus.OPEN, first.id(), 0, "description"));

    assertEquals(List.of(second, first), repo.actionsOf(f.id()), "in the order added, not by id");
    assertEquals(List.of(HistoryEntry.Kind.CREATED, HistoryEntry.Kind.ACTION_ADDED,
        HistoryEntry.Kind.ACTION_ADDED), repo.history(f.id()).stream().map(HistoryEntry::kind)
        .toList());
    assertEquals(added, repo.history(f.id()).get(1));
    assertEquals(List.of(), repo.actionsOf(FindingId.of(id("none"))));
  }

  @Test
  void anActionNeedsAnExistingFindingAndAFreshId() {
    var f = TestData.audit(id("1"), null);
    var orphan = action(FindingId.of(id("none")), "1", "x");
    var e = entry(0, "alice", HistoryEntry.Kind.ACTION_ADDED, null, null, orphan.id(), 0);

    assertThrows(IllegalArgumentException.class, () -> repo.addAction(orphan, e));
    assertEquals(List.of(), repo.history(orphan.findingId()));

    repo.create(f);
    var a = action(f.id(), "1", "enforce encryption");
    repo.addAction(a, e);
    assertThrows(IllegalStateException.class, () -> repo.addAction(a, e));
    assertEquals(List.of(a), repo.actionsOf(f.id()));
    assertEquals(2, repo.history(f.id()).size(), "created + one action added");
  }

  @Test
  void updateActionIncrementsItsVersionAndRefusesStaleEdits() {
    var f = TestData.audit(id("1"), null);
    repo.create(f);
    var a = action(f.id(), "1", "enforce encryption");
    repo.addAction(a, entry(1, "alice", HistoryEntry.Kind.ACTION_ADDED, FindingStatus.OPEN,
        FindingStatus.OPEN, a.id(), 0));
    var implemented = a.edited(a.description(), a.owner(), a.dueDate(), ActionStatus.IMPLEMENTED,
        a.effectivenessCriteria(), "bob", TestData.T0.plusSeconds(90));
    var updated = entry(2, "bob", HistoryEntry.Kind.ACTION_UPDATED, FindingStatus.OPEN,
        FindingStatus.OPEN, a.id(), 0, "status", "implementedBy", "implementedAt");

    var saved = repo.updateAction(implemented, updated);

    assertEquals(implemented.withVersion(1), saved);
    assertEquals(List.of(saved), repo.actionsOf(f.id()));
    assertThrows(FindingRepository.ConcurrentModificationException.class,
        () -> repo.updateAction(a.edited("other", "eve", a.dueDate(), ActionStatus.CANCELLED,
            null, null, null), updated));
    assertThrows(IllegalArgumentException.class,
        () -> repo.updateAction(action(f.id(), "2", "never added"), updated));
    assertEquals(List.of(saved), repo.actionsOf(f.id()), "the stale edit changed nothing");
    assertEquals(3, repo.history(f.id()).size(), "created, added, updated; nothing for refusals");
    assertEquals(updated, repo.history(f.id()).get(2));
  }

  // ---- listing ------------------------------------------------------------------------------

  /** Findings of this test (owner {@code Team-<p>}), raised one minute apart from T0 + i min. */
  private Finding listed(String n, int minute, FindingType type, FindingSource source,
      String control, LocalDate due) {
    return TestData.raised(id(n), type, source, control, "Team-" + p,
        TestData.T0.plusSeconds(60L * minute), due);
  }

  private FindingQuery ofThisTest() {
    return new FindingQuery(null, null, null, null, "team-" + p, null);
  }

  private List<FindingId> all(FindingQuery query, int limit) {
    var ids = new ArrayList<FindingId>();
    String cursor = null;
    int pages = 0;
    do {
      var page = repo.find(query, cursor, limit);
      assertTrue(page.items().size() <= limit);
      assertTrue(page.nextCursor() == null || page.items().size() == limit,
          "only a full page has a next page");
      page.items().forEach(f -> ids.add(f.id()));
      cursor = page.nextCursor();
      assertTrue(++pages < 100, "pagination terminates");
    } while (cursor != null);
    return ids;
  }

  @Test
  void findListsNewestFirstAndPagesWithAnOpaqueCursor() {
    var created = new ArrayList<Finding>();
    for (int i = 0; i < 7; i++) {
      created.add(listed("n" + i, i, FindingType.OBSERVATION, FindingSource.INTERNAL_AUDIT,
          "A.5.1", null));
    }
    created.add(listed("n3b", 3, FindingType.OBSERVATION, FindingSource.INTERNAL_AUDIT, "A.5.1",
        null));
    created.forEach(repo::create);

    var first = repo.find(ofThisTest(), null, 3);

    assertEquals(List.of(created.get(6), created.get(5), created.get(4)), first.items());
    assertTrue(first.nextCursor() != null);
    assertEquals(List.of(6, 5, 4, 3, 7, 2, 1, 0).stream().map(i -> created.get(i).id()).toList(),
        all(ofThisTest(), 3), "newest first; the same instant by id");
    assertEquals(8, all(ofThisTest(), 8).size());
    assertEquals(8, all(ofThisTest(), 100).size());
  }

  @Test
  void findFiltersByEveryField() {
    var day = LocalDate.of(2027, 1, 15);
    var a = listed("a", 1, FindingType.MAJOR_NONCONFORMITY, FindingSource.EXTERNAL_AUDIT,
        "A.8.24", day.minusDays(1));
    var b = listed("b", 2, FindingType.MINOR_NONCONFORMITY, FindingSource.INCIDENT, "A.5.1",
        day);
    var c = listed("c", 3, FindingType.MAJOR_NONCONFORMITY, FindingSource.INCIDENT, "A.5.1",
        day.minusDays(30)).withStatus(FindingStatus.CLOSED);
    var d = listed("d", 4, FindingType.OBSERVATION, FindingSource.INTERNAL_AUDIT, "A.8.24", null)
        .withStatus(FindingStatus.CORRECTED);
    var e = TestData.raised(id("e"), FindingType.OBSERVATION, FindingSource.INTERNAL_AUDIT,
        "A.8.24", "someone-else-" + p, TestData.T0, day.minusDays(5));
    for (var f : List.of(a, b, c, d, e)) {
      repo.create(f);
    }
    var owner = "TEAM-" + p;

    assertEquals(List.of(b.id(), a.id()), all(new FindingQuery(FindingStatus.OPEN, null, null,
        null, owner, null), 2));
    assertEquals(List.of(d.id()), all(new FindingQuery(FindingStatus.CORRECTED, null, null, null,
        owner, null), 2));
    assertEquals(List.of(c.id(), a.id()), all(new FindingQuery(null,
        FindingType.MAJOR_NONCONFORMITY, null, null, owner, null), 2));
    assertEquals(List.of(c.id(), b.id()), all(new FindingQuery(null, null,
        FindingSource.INCIDENT, null, owner, null), 2));
    assertEquals(List.of(d.id(), a.id()), all(new FindingQuery(null, null, null,
        ControlId.parse("A.8.24"), owner, null), 2));
    assertEquals(List.of(d.id(), c.id(), b.id(), a.id()), all(ofThisTest(), 2),
        "the owner filter ignores case");
    assertEquals(List.of(a.id()), all(new FindingQuery(null, null, null, null, owner, day), 2),
        "overdue: open and due before the day (not on it, not closed, not without due date)");
    assertEquals(List.of(e.id()), all(new FindingQuery(null, FindingType.OBSERVATION,
        FindingSource.INTERNAL_AUDIT, ControlId.parse("A.8.24"), "someone-else-" + p, day), 5));
    assertEquals(List.of(), all(new FindingQuery(FindingStatus.CLOSED,
        FindingType.OBSERVATION, null, null, owner, null), 2));
  }

  @Test
  void findPagesThroughManyNonMatchingItems() {
    var expected = new ArrayList<FindingId>();
    for (int i = 0; i < 13; i++) {
      var control = i % 4 == 0 ? "A.5.7" : "A.8.1";
      var f = listed("m" + i, i, FindingType.OBSERVATION, FindingSource.INTERNAL_AUDIT, control,
          null);
      repo.create(f);
      if (i % 4 == 0) {
        expected.add(0, f.id());
      }
    }
    var query = new FindingQuery(null, null, null, ControlId.parse("A.5.7"), "team-" + p, null);

    assertEquals(expected, all(query, 1), "4 matches, one per page, among 13");
    assertEquals(expected, all(query, 3));
  }

  @Test
  void anInvalidCursorIsRefused() {
    for (var bad : List.of("not a cursor!", "", "djF8eHx5")) {
      assertThrows(IllegalArgumentException.class, () -> repo.find(FindingQuery.all(), bad, 5),
          "cursor '" + bad + "'");
    }
  }

  // ---- overdue notices ----------------------------------------------------------------------

  @Test
  void anOverdueNoticeIsMarkedOncePerActionAndDay() {
    var f = FindingId.of(id("1"));
    var day = LocalDate.of(2027, 2, 1);

    assertTrue(repo.markOverdueNotified(f, "A-1", day));
    assertFalse(repo.markOverdueNotified(f, "A-1", day), "same action, same day");
    assertTrue(repo.markOverdueNotified(f, "A-1", day.plusDays(1)));
    repo.clearOverdueNotified(f, "A-1", day);
    assertTrue(repo.markOverdueNotified(f, "A-1", day), "a cleared notice can be sent again");
    assertTrue(repo.markOverdueNotified(f, "A-2", day));
    assertTrue(repo.markOverdueNotified(FindingId.of(id("2")), "A-1", day));
  }
}
