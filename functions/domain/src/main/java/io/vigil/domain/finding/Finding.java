package io.vigil.domain.finding;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A finding: a nonconformity, observation or improvement opportunity, raised by an automated check,
 * an audit, an incident or a management review. People edit findings, so each carries a version for
 * optimistic locking. For automated findings {@code checkId}, {@code accountId} and
 * {@code resourceArn} name the failing subject; otherwise they are null.
 *
 * <p>Automated findings also track the evidence: {@code lastSeenAt} is the last time the check saw
 * the subject failing, refreshed at most once per {@link #LAST_SEEN_REFRESH} while the failure
 * goes on (every observation is in the run manifests of the evidence ledger; a finding is not
 * rewritten each hour to say so), {@code evidenceRecoveredAt} is set when a later run saw it
 * passing (closing
 * still needs a person's effectiveness review, clause 10.2 d), and {@code relatedFindingId} links a
 * regression to the closed finding it repeats.
 */
public record Finding(
    FindingId id,
    FindingType type,
    FindingSource source,
    FindingStatus status,
    String title,
    String description,
    Severity severity,
    List<ControlId> controls,
    List<ClauseId> clauses,
    CheckId checkId,
    String accountId,
    String region,
    String resourceArn,
    Instant raisedAt,
    LocalDate dueDate,
    String owner,
    String rootCause,
    Instant lastSeenAt,
    Instant evidenceRecoveredAt,
    FindingId relatedFindingId,
    String auditId,
    Treatment treatment,
    long version) {

  /**
   * How often a failure that goes on moves {@code lastSeenAt}: a repeated failure seen less than
   * this after the recorded one changes nothing, so an hourly run over an unchanged estate writes
   * no finding (one write per open finding every 12 hours instead of every hour).
   */
  public static final Duration LAST_SEEN_REFRESH = Duration.ofHours(12);

  public Finding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(raisedAt, "raisedAt");
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a finding needs a title");
    }
    controls = List.copyOf(controls == null ? List.of() : controls);
    clauses = List.copyOf(clauses == null ? List.of() : clauses);
    if (controls.isEmpty() && clauses.isEmpty()) {
      throw new IllegalArgumentException(
          "a finding names the requirement it is about: at least one Annex A control or clause");
    }
    if (source == FindingSource.AUTOMATED_CHECK
        && (checkId == null || accountId == null || resourceArn == null)) {
      throw new IllegalArgumentException(
          "an automated finding names its check, account and resource");
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
    if (lastSeenAt == null) {
      lastSeenAt = raisedAt;
    }
    treatment = treatment == null ? Treatment.none() : treatment;
  }

  /** True when a later run saw the failing subject pass (and has not seen it fail since). */
  public boolean isEvidenceRecovered() {
    return evidenceRecoveredAt != null;
  }

  /** Key of the subject an automated finding is about; at most one finding per key is open. */
  public String subjectKey() {
    return checkId == null ? null : accountId + "#" + checkId + "#" + resourceArn;
  }

  public boolean isOverdue(LocalDate today) {
    return status.isOpen() && dueDate != null && dueDate.isBefore(today);
  }

  public Finding withStatus(FindingStatus newStatus) {
    return new Finding(id, type, source, newStatus, title, description, severity, controls, clauses,
        checkId, accountId, region, resourceArn, raisedAt, dueDate, owner, rootCause, lastSeenAt,
        evidenceRecoveredAt, relatedFindingId, auditId, treatment, version);
  }

  public Finding withVersion(long newVersion) {
    return new Finding(id, type, source, status, title, description, severity, controls, clauses,
        checkId, accountId, region, resourceArn, raisedAt, dueDate, owner, rootCause, lastSeenAt,
        evidenceRecoveredAt, relatedFindingId, auditId, treatment, newVersion);
  }

  /**
   * True when a failure seen again at {@code at} is recorded on a finding last seen failing at
   * {@code lastSeen} (null: never): when {@link #LAST_SEEN_REFRESH} has passed since.
   */
  public static boolean refreshesLastSeen(Instant lastSeen, Instant at) {
    return lastSeen == null || at.isAfter(lastSeen.plus(LAST_SEEN_REFRESH));
  }

  /**
   * An open finding's subject was seen failing again at {@code at}: this finding itself when that
   * changes nothing recorded (see {@link #refreshesLastSeen}); otherwise last seen moves forward
   * and a recovery seen no later than {@code at} is cleared.
   */
  public Finding seenFailingAgain(Instant at) {
    boolean clearsRecovery = evidenceRecoveredAt != null && !at.isBefore(evidenceRecoveredAt);
    if (!clearsRecovery && !refreshesLastSeen(lastSeenAt, at)) {
      return this;
    }
    var last = at.isAfter(lastSeenAt) ? at : lastSeenAt;
    return new Finding(id, type, source, status, title, description, severity, controls, clauses,
        checkId, accountId, region, resourceArn, raisedAt, dueDate, owner, rootCause, last,
        clearsRecovery ? null : evidenceRecoveredAt, relatedFindingId, auditId, treatment, version);
  }

  /** The subject was seen failing at {@code at}: last seen moves forward, recovery is cleared. */
  public Finding seenFailing(Instant at) {
    var last = at.isAfter(lastSeenAt) ? at : lastSeenAt;
    return new Finding(id, type, source, status, title, description, severity, controls, clauses,
        checkId, accountId, region, resourceArn, raisedAt, dueDate, owner, rootCause, last, null,
        relatedFindingId, auditId, treatment, version);
  }

  /** The subject was seen passing at {@code at}; the first recovery time is kept. */
  public Finding seenPassing(Instant at) {
    var recovered = evidenceRecoveredAt != null ? evidenceRecoveredAt : at;
    return new Finding(id, type, source, status, title, description, severity, controls, clauses,
        checkId, accountId, region, resourceArn, raisedAt, dueDate, owner, rootCause, lastSeenAt,
        recovered, relatedFindingId, auditId, treatment, version);
  }

  /** This finding with its people-edited fields changed (workflow and edits). */
  public Finding edited(FindingStatus newStatus, FindingType newType, String newTitle,
      String newDescription, LocalDate newDueDate, String newOwner, String newRootCause,
      Treatment newTreatment) {
    return new Finding(id, newType, source, newStatus, newTitle, newDescription, severity, controls,
        clauses, checkId, accountId, region, resourceArn, raisedAt, newDueDate, newOwner,
        newRootCause, lastSeenAt, evidenceRecoveredAt, relatedFindingId, auditId, newTreatment,
        version);
  }

  /** This finding as a regression of {@code previous}, a closed finding on the same subject. */
  public Finding relatedTo(FindingId previous) {
    return new Finding(id, type, source, status, title, description, severity, controls, clauses,
        checkId, accountId, region, resourceArn, raisedAt, dueDate, owner, rootCause, lastSeenAt,
        evidenceRecoveredAt, previous, auditId, treatment, version);
  }
}
