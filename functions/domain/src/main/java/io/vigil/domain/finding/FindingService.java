package io.vigil.domain.finding;

import io.vigil.domain.access.AccessDeniedException;
import io.vigil.domain.access.Actor;
import io.vigil.domain.access.Role;
import io.vigil.domain.finding.FindingRepository.ConcurrentModificationException;
import io.vigil.domain.notification.ActionOverdue;
import io.vigil.domain.notification.DomainEventPublisher;
import io.vigil.domain.time.Clock;
import io.vigil.domain.time.IdGenerator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Use cases of findings and corrective actions (clause 10.2), with their access rules:
 *
 * <ul>
 *   <li>read: every role;
 *   <li>raise a finding: auditor, ISMS manager;
 *   <li>edit a finding's title, description, owner, due date, type: ISMS manager;
 *   <li>move the workflow: see {@link FindingWorkflow} (owner treats, auditor reviews);
 *   <li>add an action: the finding's owner, ISMS manager;
 *   <li>update an action: its owner (description, progress, implemented), ISMS manager (all).
 * </ul>
 *
 * Every change checks the version the caller read (a stale one fails before anything is written)
 * and writes one history entry in the same transaction as the change.
 */
public final class FindingService {

  /** A finding with its corrective actions. */
  public record View(Finding finding, List<CorrectiveAction> actions, Set<FindingStatus> next) {}

  private static final Set<Role> ANY = EnumSet.allOf(Role.class);

  private static final System.Logger LOG = System.getLogger(FindingService.class.getName());

  private final FindingRepository repository;
  private final Clock clock;
  private final IdGenerator ids;
  private final DomainEventPublisher events;

  public FindingService(FindingRepository repository, Clock clock, IdGenerator ids) {
    this(repository, clock, ids, list -> { });
  }

  /**
   * @param events receives Finding Opened (on create) and Finding Closed (on close or decline)
   */
  public FindingService(FindingRepository repository, Clock clock, IdGenerator ids,
      DomainEventPublisher events) {
    this.repository = Objects.requireNonNull(repository);
    this.clock = Objects.requireNonNull(clock);
    this.ids = Objects.requireNonNull(ids);
    this.events = Objects.requireNonNull(events);
  }

  /**
   * Publishes after the change is stored. A publishing failure is logged with the event and does
   * not fail the request: the change is recorded and visible, and failing here would make the
   * caller retry a create that succeeded.
   */
  private void announce(io.vigil.domain.notification.DomainEvent event) {
    try {
      events.publish(List.of(event));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "could not publish " + event.detailType() + " "
          + event.idempotencyKey() + ": " + e);
    }
  }

  public Finding create(NewFinding cmd, Actor actor) {
    require(actor, Set.of(Role.ISMS_MANAGER, Role.AUDITOR), "raise findings");
    if (cmd.source() == FindingSource.AUTOMATED_CHECK) {
      throw new MissingFieldException("source", "findings from automated checks are raised by the"
          + " checks themselves; choose INTERNAL_AUDIT, EXTERNAL_AUDIT, INCIDENT or"
          + " MANAGEMENT_REVIEW");
    }
    var now = clock.now();
    var finding = new Finding(FindingId.of("F-" + ids.newId()), cmd.type(), cmd.source(),
        FindingStatus.OPEN, cmd.title(), cmd.description(), cmd.severityOrDefault(), cmd.controls(),
        cmd.clauses(), null, null, null, null, now, cmd.dueDate(), cmd.owner(), null, null, null,
        null, cmd.auditId(), Treatment.none(), 0);
    repository.create(finding, new HistoryEntry(now, actor.label(), HistoryEntry.Kind.CREATED,
        null, FindingStatus.OPEN, List.of(), null, 0));
    announce(new io.vigil.domain.notification.FindingOpened(finding, null));
    return finding;
  }

  /**
   * Raises a finding under a caller-chosen id, idempotently: when a finding with this id exists
   * already (an earlier delivery of the same request) it is returned unchanged and nothing is
   * written. Used by audits, whose nonconformities have one finding per (audit, item).
   *
   * @throws IllegalStateException if the id belongs to a finding of another audit
   */
  public Finding raise(FindingId id, NewFinding cmd, Actor actor) {
    require(actor, Set.of(Role.ISMS_MANAGER, Role.AUDITOR), "raise findings");
    var existing = repository.findById(id);
    if (existing.isPresent()) {
      return sameOrigin(existing.get(), cmd);
    }
    var now = clock.now();
    var finding = new Finding(id, cmd.type(), cmd.source(), FindingStatus.OPEN, cmd.title(),
        cmd.description(), cmd.severityOrDefault(), cmd.controls(), cmd.clauses(), null, null, null,
        null, now, cmd.dueDate(), cmd.owner(), null, null, null, null, cmd.auditId(),
        Treatment.none(), 0);
    try {
      repository.create(finding, new HistoryEntry(now, actor.label(), HistoryEntry.Kind.CREATED,
          null, FindingStatus.OPEN, List.of(), null, 0));
    } catch (IllegalStateException raced) {
      return sameOrigin(repository.findById(id).orElseThrow(() -> raced), cmd);
    }
    announce(new io.vigil.domain.notification.FindingOpened(finding, null));
    return finding;
  }

  private static Finding sameOrigin(Finding existing, NewFinding cmd) {
    if (!java.util.Objects.equals(existing.auditId(), cmd.auditId())) {
      throw new IllegalStateException("finding " + existing.id() + " exists and belongs to "
          + (existing.auditId() == null ? "no audit" : "audit " + existing.auditId()));
    }
    return existing;
  }

  public View get(FindingId id, Actor actor) {
    require(actor, ANY, "read findings");
    var f = load(id);
    return new View(f, repository.actionsOf(id), FindingWorkflow.next(f));
  }

  public Page<Finding> list(FindingQuery query, String cursor, int limit, Actor actor) {
    require(actor, ANY, "read findings");
    if (limit < 1 || limit > 100) {
      throw new MissingFieldException("limit", "limit must be 1..100, got " + limit);
    }
    return repository.find(query, cursor, limit);
  }

  public List<HistoryEntry> history(FindingId id, Actor actor) {
    require(actor, ANY, "read findings");
    load(id);
    return repository.history(id);
  }

  /**
   * Applies a workflow move and/or edits, if the finding is still at {@code expectedVersion}.
   *
   * @throws ConcurrentModificationException if someone changed it since (412)
   */
  public Finding change(FindingId id, long expectedVersion, FindingChange change, Actor actor) {
    var current = load(id);
    checkVersion("finding " + id, current.version(), expectedVersion);
    var now = clock.now();
    var next = current;
    var fields = new ArrayList<String>();
    if (change.hasEdits()) {
      require(actor, Set.of(Role.ISMS_MANAGER), "edit findings");
      next = next.edited(next.status(), or(change.type(), next.type()), or(change.title(),
          next.title()), or(change.description(), next.description()), or(change.dueDate(),
          next.dueDate()), or(change.owner(), next.owner()), next.rootCause(), next.treatment());
      fields.addAll(change.editedFields());
    }
    HistoryEntry.Kind kind = HistoryEntry.Kind.EDITED;
    if (change.transition() != null) {
      next = FindingWorkflow.apply(next, change.transition(), actor, repository.actionsOf(id), now);
      fields.addAll(change.transition().fields().keySet().stream().sorted().toList());
      kind = HistoryEntry.Kind.TRANSITION;
    }
    if (next.equals(current)) {
      throw new MissingFieldException("status", "the request changes nothing: give a new status"
          + " or a field to edit");
    }
    var saved = repository.update(next, new HistoryEntry(now, actor.label(), kind,
        current.status(), next.status(), fields, null, current.version() + 1));
    if (current.status().isOpen() && !saved.status().isOpen()) {
      announce(new io.vigil.domain.notification.FindingClosed(saved, actor.label()));
    }
    return saved;
  }

  public CorrectiveAction addAction(FindingId id, String description, String owner,
      java.time.LocalDate dueDate, String effectivenessCriteria, Actor actor) {
    var finding = load(id);
    if (!actor.has(Role.ISMS_MANAGER) && !(actor.has(Role.OWNER) && actor.is(finding.owner()))) {
      throw new AccessDeniedException(actor.label() + " may not add actions to finding " + id
          + ": only its owner or an ISMS manager may");
    }
    if (!finding.status().isOpen()) {
      throw new InvalidTransitionException(finding.status(), finding.status(),
          FindingWorkflow.next(finding), "finding " + id + " is " + finding.status()
          + ": reopen it before adding actions");
    }
    var action = new CorrectiveAction("A-" + ids.newId(), id, description, owner, dueDate,
        ActionStatus.PLANNED, effectivenessCriteria, null, null, 0);
    return repository.addAction(action, new HistoryEntry(clock.now(), actor.label(),
        HistoryEntry.Kind.ACTION_ADDED, finding.status(), finding.status(),
        List.of("description", "owner", "dueDate"), action.id(), finding.version()));
  }

  public CorrectiveAction updateAction(FindingId id, String actionId, long expectedVersion,
      ActionChange change, Actor actor) {
    var finding = load(id);
    var current = repository.actionsOf(id).stream().filter(a -> a.id().equals(actionId))
        .findFirst().orElseThrow(() -> new NotFoundException("finding " + id + " has no action "
            + actionId));
    checkVersion("action " + actionId, current.version(), expectedVersion);
    boolean manager = actor.has(Role.ISMS_MANAGER);
    boolean owner = actor.has(Role.OWNER) && actor.is(current.owner());
    if (!manager && !owner) {
      throw new AccessDeniedException(actor.label() + " may not update action " + actionId
          + ": only its owner or an ISMS manager may");
    }
    if (!manager && (change.owner() != null || change.dueDate() != null)) {
      throw new AccessDeniedException("only an ISMS manager may reassign an action or move its due"
          + " date");
    }
    var status = change.status() == null ? current.status() : change.status();
    checkActionMove(current, status);
    var now = clock.now();
    var implementedBy = current.implementedBy();
    var implementedAt = current.implementedAt();
    if (status == ActionStatus.IMPLEMENTED && current.status() != ActionStatus.IMPLEMENTED) {
      implementedBy = actor.label();
      implementedAt = now;
    }
    var next = current.edited(or(change.description(), current.description()),
        or(change.owner(), current.owner()), or(change.dueDate(), current.dueDate()), status,
        or(change.effectivenessCriteria(), current.effectivenessCriteria()), implementedBy,
        implementedAt);
    var fields = new ArrayList<String>();
    if (change.description() != null) {
      fields.add("description");
    }
    if (change.owner() != null) {
      fields.add("owner");
    }
    if (change.dueDate() != null) {
      fields.add("dueDate");
    }
    if (change.status() != null) {
      fields.add("status");
    }
    if (change.effectivenessCriteria() != null) {
      fields.add("effectivenessCriteria");
    }
    if (fields.isEmpty()) {
      throw new MissingFieldException("status", "the request changes nothing");
    }
    return repository.updateAction(next, new HistoryEntry(now, actor.label(),
        HistoryEntry.Kind.ACTION_UPDATED, finding.status(), finding.status(), fields, actionId,
        finding.version()));
  }

  /**
   * Finds the corrective actions that are past due and publishes one {@code Action Overdue} event
   * per action per day, however often it runs. If publishing fails, the day's notices are
   * forgotten again and the exception propagates, so the next sweep (or the scheduler's retry)
   * sends them.
   *
   * @return the events published
   */
  public List<ActionOverdue> sweepOverdue(DomainEventPublisher publisher) {
    var today = clock.today();
    var due = new ArrayList<ActionOverdue>();
    for (var finding : repository.findOpen()) {
      for (var action : repository.actionsOf(finding.id())) {
        if (action.isOverdue(today)
            && repository.markOverdueNotified(finding.id(), action.id(), today)) {
          due.add(new ActionOverdue(finding, action, today));
        }
      }
    }
    if (!due.isEmpty()) {
      try {
        publisher.publish(due);
      } catch (RuntimeException e) {
        // not published: forget today's notices so the next sweep sends them (never dropped)
        due.forEach(n -> repository.clearOverdueNotified(n.finding().id(), n.action().id(), today));
        throw e;
      }
    }
    return due;
  }

  private static void checkActionMove(CorrectiveAction current, ActionStatus to) {
    var from = current.status();
    if (from == to) {
      return;
    }
    boolean ok = switch (from) {
      case PLANNED -> to != ActionStatus.PLANNED;
      case IN_PROGRESS -> true;
      case IMPLEMENTED -> to == ActionStatus.IN_PROGRESS;
      case CANCELLED -> false;
    };
    if (!ok) {
      throw new InvalidTransitionException(null, null, Set.of(), "action " + current.id() + " is "
          + from + " and cannot become " + to);
    }
  }

  private Finding load(FindingId id) {
    return repository.findById(id).orElseThrow(() -> new NotFoundException("no finding " + id));
  }

  private static void checkVersion(String what, long stored, long expected) {
    if (stored != expected) {
      throw new ConcurrentModificationException(what + " was changed by someone else: it is at"
          + " version " + stored + ", your edit is based on version " + expected
          + ". Read it again and re-apply your change.");
    }
  }

  private static void require(Actor actor, Set<Role> roles, String what) {
    if (actor.roles().stream().noneMatch(roles::contains)) {
      throw new AccessDeniedException(actor.label() + " may not " + what + " (roles: "
          + actor.roles() + ")");
    }
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
