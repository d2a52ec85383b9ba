package io.vigil.domain.finding;

import static io.vigil.domain.finding.FindingStatus.ACCEPTED;
import static io.vigil.domain.finding.FindingStatus.ACTION_PLANNED;
import static io.vigil.domain.finding.FindingStatus.ANALYSED;
import static io.vigil.domain.finding.FindingStatus.CLOSED;
import static io.vigil.domain.finding.FindingStatus.CORRECTED;
import static io.vigil.domain.finding.FindingStatus.DECLINED;
import static io.vigil.domain.finding.FindingStatus.EFFECTIVE;
import static io.vigil.domain.finding.FindingStatus.IMPLEMENTED;
import static io.vigil.domain.finding.FindingStatus.OPEN;
import static io.vigil.domain.finding.FindingStatus.REOPENED;

import io.vigil.domain.access.AccessDeniedException;
import io.vigil.domain.access.Actor;
import io.vigil.domain.access.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The corrective-action workflow of clause 10.2 as a state machine. {@link #next} lists the moves
 * allowed from a state; {@link #apply} checks the move, its required fields, its preconditions
 * and the actor's right to make it, and returns the finding in its new state.
 *
 * <table>
 *   <caption>moves and what they require</caption>
 *   <tr><th>to</th><th>from</th><th>requires</th><th>who</th></tr>
 *   <tr><td>CORRECTED</td><td>OPEN, REOPENED</td><td>correction</td><td>owner, manager</td></tr>
 *   <tr><td>ANALYSED</td><td>CORRECTED, REOPENED</td><td>rootCause, similarNonconformities</td>
 *       <td>owner, manager</td></tr>
 *   <tr><td>ACTION_PLANNED</td><td>ANALYSED, ACCEPTED, REOPENED</td><td>at least one open action
 *       with owner and due date</td><td>owner, manager</td></tr>
 *   <tr><td>IMPLEMENTED</td><td>ACTION_PLANNED</td><td>every action implemented</td>
 *       <td>owner, manager</td></tr>
 *   <tr><td>EFFECTIVE</td><td>IMPLEMENTED</td><td>effectivenessReview; the reviewer implemented
 *       and owns none of the actions; a finding raised by a check: the check passed since
 *       implementation</td><td>auditor, manager</td></tr>
 *   <tr><td>CLOSED</td><td>EFFECTIVE, ACCEPTED</td><td>(ismsChange optional)</td>
 *       <td>auditor, manager</td></tr>
 *   <tr><td>REOPENED</td><td>IMPLEMENTED (review found it ineffective), EFFECTIVE, CLOSED</td>
 *       <td>effectivenessReview or decisionReason</td><td>auditor, manager</td></tr>
 *   <tr><td>ACCEPTED, DECLINED</td><td>OPEN (observations, opportunities)</td>
 *       <td>decisionReason</td><td>manager</td></tr>
 * </table>
 */
public final class FindingWorkflow {

  private static final Map<FindingStatus, Set<FindingStatus>> MOVES = Map.of(
      OPEN, EnumSet.of(CORRECTED, ACCEPTED, DECLINED),
      CORRECTED, EnumSet.of(ANALYSED),
      ANALYSED, EnumSet.of(ACTION_PLANNED),
      ACTION_PLANNED, EnumSet.of(IMPLEMENTED),
      IMPLEMENTED, EnumSet.of(EFFECTIVE, REOPENED),
      EFFECTIVE, EnumSet.of(CLOSED, REOPENED),
      CLOSED, EnumSet.of(REOPENED),
      REOPENED, EnumSet.of(CORRECTED, ANALYSED, ACTION_PLANNED),
      ACCEPTED, EnumSet.of(ACTION_PLANNED, CLOSED),
      DECLINED, EnumSet.noneOf(FindingStatus.class));

  private FindingWorkflow() {}

  /** The states {@code finding} may move to now. */
  public static Set<FindingStatus> next(Finding finding) {
    var moves = EnumSet.noneOf(FindingStatus.class);
    moves.addAll(MOVES.get(finding.status()));
    if (finding.type().isNonconformity()) {
      moves.removeAll(EnumSet.of(ACCEPTED, DECLINED));
    }
    return moves;
  }

  /**
   * The finding after {@code transition}, made by {@code actor} at {@code now}.
   *
   * @throws InvalidTransitionException if the move is not allowed now (409)
   * @throws MissingFieldException if a required field is missing (400)
   * @throws AccessDeniedException if the actor may not make this move (403)
   */
  public static Finding apply(Finding finding, Transition transition, Actor actor,
      List<CorrectiveAction> actions, Instant now) {
    var to = transition.to();
    var allowed = next(finding);
    if (!allowed.contains(to)) {
      throw new InvalidTransitionException(finding.status(), to, allowed, "finding " + finding.id()
          + " is " + finding.status() + ": it can move to " + (allowed.isEmpty() ? "no other state"
          : allowed) + ", not " + to);
    }
    authorize(finding, to, actor);
    var t = finding.treatment();
    var rootCause = finding.rootCause();
    switch (to) {
      case CORRECTED -> t = t.withCorrection(transition.require(Transition.CORRECTION));
      case ANALYSED -> {
        rootCause = transition.require(Transition.ROOT_CAUSE);
        t = t.withSimilarNonconformities(transition.require(Transition.SIMILAR));
      }
      case ACTION_PLANNED -> {
        if (actions.stream().noneMatch(CorrectiveAction::isOutstanding)) {
          throw new InvalidTransitionException(finding.status(), to, allowed, "finding "
              + finding.id() + " has no open corrective action: add one (POST /findings/"
              + finding.id() + "/actions) before planning");
        }
      }
      case IMPLEMENTED -> {
        var pending = actions.stream().filter(CorrectiveAction::isOutstanding)
            .map(CorrectiveAction::id).toList();
        if (pending.isEmpty() && actions.isEmpty()) {
          throw new InvalidTransitionException(finding.status(), to, allowed, "finding "
              + finding.id() + " has no corrective action");
        }
        if (!pending.isEmpty()) {
          throw new InvalidTransitionException(finding.status(), to, allowed, "actions "
              + pending + " are not implemented yet");
        }
        t = t.withImplementedAt(now);
      }
      case EFFECTIVE -> {
        var review = transition.require(Transition.REVIEW);
        for (var a : actions) {
          if (actor.is(a.implementedBy()) || actor.is(a.owner())) {
            throw new AccessDeniedException(actor.label() + " owns or implemented action " + a.id()
                + " and so cannot review its effectiveness (clause 10.2 d: impartial review)");
          }
        }
        if (finding.source() == FindingSource.AUTOMATED_CHECK) {
          var recovered = finding.evidenceRecoveredAt();
          var implemented = t.implementedAt();
          if (recovered == null || (implemented != null && recovered.isBefore(implemented))) {
            throw new InvalidTransitionException(finding.status(), to, allowed, "check "
                + finding.checkId() + " has not passed on " + finding.resourceArn()
                + " since the actions were implemented: effectiveness is not yet evidenced");
          }
        }
        t = t.withReview(review, actor.label(), now);
      }
      case CLOSED -> t = t.withIsmsChange(transition.optional(Transition.ISMS_CHANGE));
      case REOPENED -> {
        var why = transition.optional(Transition.REVIEW);
        if (why == null) {
          why = transition.require(Transition.DECISION_REASON);
        }
        t = t.withReview(why, actor.label(), now);
      }
      case ACCEPTED, DECLINED -> t = t.withDecisionReason(
          transition.require(Transition.DECISION_REASON));
      default -> throw new IllegalStateException("unhandled move to " + to);
    }
    return finding.edited(to, finding.type(), finding.title(), finding.description(),
        finding.dueDate(), finding.owner(), rootCause, t);
  }

  private static void authorize(Finding finding, FindingStatus to, Actor actor) {
    if (actor.has(Role.ISMS_MANAGER)) {
      return;
    }
    boolean treatment = EnumSet.of(CORRECTED, ANALYSED, ACTION_PLANNED, IMPLEMENTED).contains(to);
    boolean review = EnumSet.of(EFFECTIVE, CLOSED, REOPENED).contains(to);
    if (treatment && actor.has(Role.OWNER) && actor.is(finding.owner())) {
      return;
    }
    if (review && actor.has(Role.AUDITOR)) {
      return;
    }
    throw new AccessDeniedException(actor.label() + " may not move finding " + finding.id()
        + " to " + to + (treatment ? ": only its owner or an ISMS manager may"
        : review ? ": only an auditor or an ISMS manager may" : ": only an ISMS manager may"));
  }
}
