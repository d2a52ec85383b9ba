package io.vigil.domain.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.access.AccessDeniedException;
import io.vigil.domain.access.Actor;
import io.vigil.domain.access.Role;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.fakes.InMemoryFindingRepository;
import io.vigil.domain.notification.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FindingServiceTest {

  static final Actor MANAGER = new Actor("m", "manager@acme.test", Set.of(Role.ISMS_MANAGER));
  static final Actor AUDITOR = new Actor("a", "auditor@acme.test", Set.of(Role.AUDITOR));
  static final Actor OWNER = new Actor("o", "owner@acme.test", Set.of(Role.OWNER));
  static final Actor OTHER_OWNER = new Actor("x", "other@acme.test", Set.of(Role.OWNER));
  static final Actor VIEWER = new Actor("v", "viewer@acme.test", Set.of(Role.VIEWER));

  private final InMemoryFindingRepository repo = new InMemoryFindingRepository();
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-28T09:00:00Z"));
  private final AtomicInteger seq = new AtomicInteger();
  private final FindingService service = new FindingService(repo, now::get,
      () -> "n" + seq.incrementAndGet());

  private Finding raise(FindingType type) {
    return service.create(new NewFinding("Access reviews are not performed", type,
        FindingSource.INTERNAL_AUDIT, List.of(ControlId.parse("A.5.18")), List.of(),
        "No review in 2026", null, "owner@acme.test", LocalDate.parse("2027-01-31"), "AUD-1"),
        AUDITOR);
  }

  private Finding move(Finding f, Actor actor, FindingStatus to, Map<String, String> fields) {
    return service.change(f.id(), f.version(), new FindingChange(new Transition(to, fields), null,
        null, null, null, null), actor);
  }

  @Test
  void aNonconformityGoesThroughTheWholeWorkflow_withHistoryForEveryStep() {
    var f = raise(FindingType.MINOR_NONCONFORMITY);
    f = move(f, OWNER, FindingStatus.CORRECTED, Map.of("correction", "Reviewed all admins today"));
    f = move(f, OWNER, FindingStatus.ANALYSED, Map.of("rootCause", "No owner for the review",
        "similarNonconformities", "None in other systems"));
    var action = service.addAction(f.id(), "Quarterly review task with named owner",
        "owner@acme.test", LocalDate.parse("2027-01-15"), "Two reviews on time", OWNER);
    f = move(f, OWNER, FindingStatus.ACTION_PLANNED, Map.of());
    service.updateAction(f.id(), action.id(), 0, new ActionChange(null, null, null,
        ActionStatus.IMPLEMENTED, null), OWNER);
    f = move(f, OWNER, FindingStatus.IMPLEMENTED, Map.of());
    f = move(f, AUDITOR, FindingStatus.EFFECTIVE, Map.of("effectivenessReview",
        "Q1 review done on time"));
    f = move(f, AUDITOR, FindingStatus.CLOSED, Map.of("ismsChange", "Access policy updated"));

    assertEquals(FindingStatus.CLOSED, f.status());
    assertEquals("No owner for the review", f.rootCause());
    assertEquals("auditor@acme.test", f.treatment().reviewedBy());
    assertEquals("Access policy updated", f.treatment().ismsChange());
    var history = service.history(f.id(), VIEWER);
    assertEquals(List.of(HistoryEntry.Kind.CREATED, HistoryEntry.Kind.TRANSITION,
        HistoryEntry.Kind.TRANSITION, HistoryEntry.Kind.ACTION_ADDED,
        HistoryEntry.Kind.TRANSITION, HistoryEntry.Kind.ACTION_UPDATED,
        HistoryEntry.Kind.TRANSITION, HistoryEntry.Kind.TRANSITION, HistoryEntry.Kind.TRANSITION),
        history.stream().map(HistoryEntry::kind).toList());
    assertEquals("owner@acme.test", history.get(1).actor());
    assertEquals(FindingStatus.OPEN, history.get(1).from());
    assertEquals(FindingStatus.CORRECTED, history.get(1).to());
  }

  @Test
  void createAndCloseAreAnnounced_andAPublishingFailureDoesNotFailTheRequest() {
    var published = new ArrayList<DomainEvent>();
    var announcing = new FindingService(repo, now::get, () -> "e" + seq.incrementAndGet(),
        published::addAll);
    var f = announcing.create(new NewFinding("t", FindingType.OBSERVATION, FindingSource.INCIDENT,
        List.of(ControlId.parse("A.5.24")), List.of(), "d", null, null, null, null), MANAGER);
    announcing.change(f.id(), 0, new FindingChange(new Transition(FindingStatus.DECLINED,
        Map.of("decisionReason", "accepted risk")), null, null, null, null, null), MANAGER);

    assertEquals(List.of("Finding Opened", "Finding Closed"),
        published.stream().map(DomainEvent::detailType).toList());
    assertEquals("manager@acme.test", published.get(1).detail().get("closedBy"));

    var failing = new FindingService(repo, now::get, () -> "z" + seq.incrementAndGet(), list -> {
      throw new IllegalStateException("bus down");
    });
    var stored = failing.create(new NewFinding("t2", FindingType.OBSERVATION,
        FindingSource.INCIDENT, List.of(ControlId.parse("A.5.24")), List.of(), "d", null, null,
        null, null), MANAGER);
    assertTrue(repo.findById(stored.id()).isPresent(), "the finding is stored regardless");
  }

  @Test
  void anInvalidMoveNamesTheAllowedStates() {
    var f = raise(FindingType.MINOR_NONCONFORMITY);

    var e = assertThrows(InvalidTransitionException.class,
        () -> move(f, MANAGER, FindingStatus.CLOSED, Map.of()));

    assertEquals(Set.of(FindingStatus.CORRECTED), e.allowed(), "a nonconformity cannot be declined");
    assertEquals(0, repo.findById(f.id()).orElseThrow().version(), "nothing written");
  }

  @Test
  void aMoveWithoutItsRequiredFieldNamesTheField() {
    var f = raise(FindingType.MINOR_NONCONFORMITY);
    var e = assertThrows(MissingFieldException.class,
        () -> move(f, OWNER, FindingStatus.CORRECTED, Map.of()));
    assertEquals("correction", e.field());
  }

  @Test
  void nobodyReviewsTheEffectivenessOfTheirOwnAction() {
    var implementer = new Actor("m2", "owner@acme.test", Set.of(Role.ISMS_MANAGER, Role.OWNER));
    var f = raise(FindingType.MAJOR_NONCONFORMITY);
    f = move(f, OWNER, FindingStatus.CORRECTED, Map.of("correction", "c"));
    f = move(f, OWNER, FindingStatus.ANALYSED, Map.of("rootCause", "r", "similarNonconformities",
        "none"));
    var a = service.addAction(f.id(), "fix", "owner@acme.test", LocalDate.parse("2027-01-01"),
        null, OWNER);
    f = move(f, OWNER, FindingStatus.ACTION_PLANNED, Map.of());
    service.updateAction(f.id(), a.id(), 0, new ActionChange(null, null, null,
        ActionStatus.IMPLEMENTED, null), OWNER);
    var implemented = move(f, OWNER, FindingStatus.IMPLEMENTED, Map.of());

    assertThrows(AccessDeniedException.class, () -> move(implemented, implementer,
        FindingStatus.EFFECTIVE, Map.of("effectivenessReview", "looks fine to me")));
    assertEquals(FindingStatus.EFFECTIVE, move(implemented, AUDITOR, FindingStatus.EFFECTIVE,
        Map.of("effectivenessReview", "independent check")).status());
  }

  @Test
  void implementedNeedsEveryActionDone_andPlanningNeedsAnAction() {
    var f0 = raise(FindingType.MINOR_NONCONFORMITY);
    var f1 = move(f0, OWNER, FindingStatus.CORRECTED, Map.of("correction", "c"));
    var f = move(f1, OWNER, FindingStatus.ANALYSED, Map.of("rootCause", "r",
        "similarNonconformities", "none"));
    var planless = f;
    var e = assertThrows(InvalidTransitionException.class,
        () -> move(planless, OWNER, FindingStatus.ACTION_PLANNED, Map.of()));
    assertTrue(e.getMessage().contains("no open corrective action"), e.getMessage());
    service.addAction(f.id(), "fix", "owner@acme.test", LocalDate.parse("2027-01-01"), null, OWNER);
    var planned = move(f, OWNER, FindingStatus.ACTION_PLANNED, Map.of());

    var notDone = assertThrows(InvalidTransitionException.class,
        () -> move(planned, OWNER, FindingStatus.IMPLEMENTED, Map.of()));

    assertTrue(notDone.getMessage().contains("not implemented yet"), notDone.getMessage());
  }

  @Test
  void observationsMayBeAcceptedOrDeclined_nonconformitiesMayNot() {
    var obs = raise(FindingType.OBSERVATION);
    var declined = move(obs, MANAGER, FindingStatus.DECLINED, Map.of("decisionReason",
        "risk accepted by the CISO"));
    assertEquals(FindingStatus.DECLINED, declined.status());
    assertTrue(FindingWorkflow.next(declined).isEmpty());
    assertTrue(service.list(FindingQuery.all(), null, 10, VIEWER).items().stream()
        .anyMatch(x -> x.id().equals(obs.id())));
  }

  @Test
  void aStaleVersionIsRefusedBeforeAnythingIsWritten() {
    var f = raise(FindingType.MINOR_NONCONFORMITY);
    move(f, OWNER, FindingStatus.CORRECTED, Map.of("correction", "c"));

    assertThrows(FindingRepository.ConcurrentModificationException.class,
        () -> move(f, OWNER, FindingStatus.CORRECTED, Map.of("correction", "again")));
    assertEquals(2, service.history(f.id(), VIEWER).size());
  }

  @Test
  void roleMatrix() {
    var f = raise(FindingType.MINOR_NONCONFORMITY);
    var create = new NewFinding("t", FindingType.OBSERVATION, FindingSource.INCIDENT,
        List.of(ControlId.parse("A.5.24")), List.of(), "d", null, null, null, null);
    assertThrows(AccessDeniedException.class, () -> service.create(create, VIEWER));
    assertThrows(AccessDeniedException.class, () -> service.create(create, OWNER));
    assertNotNull(service.create(create, MANAGER));
    assertNotNull(service.get(f.id(), VIEWER));
    assertThrows(AccessDeniedException.class,
        () -> move(f, VIEWER, FindingStatus.CORRECTED, Map.of("correction", "c")));
    assertThrows(AccessDeniedException.class,
        () -> move(f, OTHER_OWNER, FindingStatus.CORRECTED, Map.of("correction", "c")),
        "an owner treats only findings assigned to them");
    assertThrows(AccessDeniedException.class,
        () -> move(f, AUDITOR, FindingStatus.CORRECTED, Map.of("correction", "c")));
    assertThrows(AccessDeniedException.class, () -> service.change(f.id(), 0,
        new FindingChange(null, null, null, "someone@acme.test", null, null), OWNER),
        "only managers reassign");
    assertThrows(AccessDeniedException.class, () -> service.addAction(f.id(), "x",
        "owner@acme.test", LocalDate.parse("2027-01-01"), null, OTHER_OWNER));
    assertThrows(AccessDeniedException.class, () -> service.create(new NewFinding("t",
        FindingType.OBSERVATION, FindingSource.INCIDENT, List.of(ControlId.parse("A.5.24")),
        List.of(), "d", null, null, null, null), new Actor("n", null, Set.of())));
  }

  @Test
  void sweepOverdue_publishesOncePerActionPerDay() {
    var f = raise(FindingType.MINOR_NONCONFORMITY);
    service.addAction(f.id(), "fix", "owner@acme.test", LocalDate.parse("2026-11-30"), null,
        OWNER);
    var published = new ArrayList<DomainEvent>();

    assertEquals(0, service.sweepOverdue(published::addAll).size(), "not due yet");
    now.set(Instant.parse("2026-12-02T06:00:00Z"));
    assertEquals(1, service.sweepOverdue(published::addAll).size());
    assertEquals(0, service.sweepOverdue(published::addAll).size(), "same day: once");
    now.set(Instant.parse("2026-12-03T06:00:00Z"));
    assertEquals(1, service.sweepOverdue(published::addAll).size(), "next day: again");

    now.set(Instant.parse("2026-12-04T06:00:00Z"));
    assertThrows(IllegalStateException.class, () -> service.sweepOverdue(events -> {
      throw new IllegalStateException("event bus unavailable");
    }));
    assertEquals(1, service.sweepOverdue(published::addAll).size(),
        "a notice that could not be published is sent by the next sweep");

    assertEquals(3, published.size());
    assertEquals("Action Overdue", published.get(0).detailType());
    assertEquals(2, published.get(0).detail().get("daysOverdue"));
    assertNull(published.get(0).detail().get("missing"));
  }
}
