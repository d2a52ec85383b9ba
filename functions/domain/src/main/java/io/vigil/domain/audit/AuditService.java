package io.vigil.domain.audit;

import io.vigil.domain.access.AccessDeniedException;
import io.vigil.domain.access.Actor;
import io.vigil.domain.access.Role;
import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingRepository.ConcurrentModificationException;
import io.vigil.domain.finding.FindingService;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.MissingFieldException;
import io.vigil.domain.finding.NewFinding;
import io.vigil.domain.finding.NotFoundException;
import io.vigil.domain.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Records internal audits (clause 9.2.2): an auditor starts a planned audit, records a conclusion
 * on each item — with the check results of the period linked automatically for Annex A controls,
 * and every conclusion other than conforming raised as a finding (one per audit and item) — and
 * completes it, which stores its report in the evidence vault. The ISMS manager may act on the
 * auditor's behalf (recorded as such) and cancels audits that have not started; a cancelled
 * audit's items go back into the programme at the next planning run.
 *
 * <p>Every change names the version it is based on (stale: {@link ConcurrentModificationException},
 * HTTP 412). Repeating a change that is already recorded (a re-delivered request) returns the
 * record unchanged and writes nothing.
 */
public final class AuditService {

  /** How far before the audit's start automated results count as evidence of the period. */
  public static final Duration EVIDENCE_PERIOD = Duration.ofDays(31);

  private static final Set<Role> AUDIT_ROLES = Set.of(Role.ISMS_MANAGER, Role.AUDITOR);

  private final AuditRepository audits;
  private final FindingService findings;
  private final AuditEvidence evidence;
  private final Optional<EvidenceVault> vault;
  private final Optional<io.vigil.domain.evidence.EvidenceLedger> ledger;
  private final Clock clock;

  /**
   * @param vault where completed audits' reports are stored; empty: reports are rendered on demand
   *     only and {@code reportSha256} stays unset
   */
  public AuditService(AuditRepository audits, FindingService findings, AuditEvidence evidence,
      Optional<EvidenceVault> vault, Clock clock) {
    this(audits, findings, evidence, vault, Optional.empty(), clock);
  }

  /**
   * @param ledger when present (with a vault), each stored report is also chained into the
   *     evidence ledger as a document entry ({@code document#audit-report#<audit id>})
   */
  public AuditService(AuditRepository audits, FindingService findings, AuditEvidence evidence,
      Optional<EvidenceVault> vault, Optional<io.vigil.domain.evidence.EvidenceLedger> ledger,
      Clock clock) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.audits = Objects.requireNonNull(audits, "audits");
    this.findings = Objects.requireNonNull(findings, "findings");
    this.evidence = Objects.requireNonNull(evidence, "evidence");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What an auditor records on one item. */
  public record ConclusionInput(String item, Conclusion conclusion, String notes,
      List<String> evidence, String owner, LocalDate dueDate) {
    public ConclusionInput {
      evidence = List.copyOf(evidence == null ? List.of() : evidence);
      notes = notes == null ? "" : notes.strip();
    }
  }

  public AuditRecord get(String id, Actor actor) {
    requireAny(actor);
    return load(id);
  }

  /** Audits in {@code statuses} (all when empty) dated {@code from} to {@code to}. */
  public List<AuditRecord> list(LocalDate from, LocalDate to, Set<AuditStatus> statuses,
      Actor actor) {
    requireAny(actor);
    if (to.isBefore(from)) {
      throw new MissingFieldException("to", "'to' (" + to + ") is before 'from' (" + from + ")");
    }
    return audits.records(from, to, statuses == null || statuses.isEmpty()
        ? EnumSet.allOf(AuditStatus.class) : statuses);
  }

  /** PLANNED → IN_PROGRESS, by its auditor (or the ISMS manager on their behalf). */
  public AuditRecord start(String id, long expectedVersion, Actor actor) {
    var record = load(id);
    requireAuditor(record, actor, "start");
    if (record.status() == AuditStatus.IN_PROGRESS && actor.label().equals(record.startedBy())) {
      return record;
    }
    requireStatus(record, AuditStatus.PLANNED, "start it");
    checkVersion(record, expectedVersion);
    return audits.update(record.started(clock.now(), actor.label()));
  }

  /**
   * Records the conclusion on one item of an audit in progress; conclusions other than
   * conforming raise a finding. A conclusion that raised a finding is final here: revise it in
   * the findings workflow (e.g. decline the finding with the reason).
   */
  public AuditRecord conclude(String id, long expectedVersion, ConclusionInput input,
      Actor actor) {
    Objects.requireNonNull(input, "input");
    var record = load(id);
    requireAuditor(record, actor, "record conclusions of");
    requireStatus(record, AuditStatus.IN_PROGRESS, "record conclusions");
    if (input.item() == null || input.item().isBlank()) {
      throw new MissingFieldException("item", "name the audited item (\"A.8.24\" or \"9.2\")");
    }
    if (!record.plan().items().contains(input.item())) {
      throw new MissingFieldException("item", "'" + input.item() + "' is not in the scope of "
          + "audit " + id + " (" + String.join(", ", record.plan().items()) + ")");
    }
    if (input.conclusion() == null) {
      throw new MissingFieldException("conclusion", "state the conclusion: one of "
          + List.of(Conclusion.values()));
    }
    var before = record.conclusions().get(input.item());
    if (before != null && before.conclusion() == input.conclusion()
        && before.notes().equals(input.notes()) && before.evidence().equals(input.evidence())) {
      return record;
    }
    checkVersion(record, expectedVersion);
    if (before != null && before.findingId() != null) {
      throw new AuditStateException(record.status(), "the conclusion on " + input.item()
          + " raised finding " + before.findingId() + " and is final in the audit; revise it in"
          + " the findings workflow (e.g. decline the finding with the reason)");
    }
    if (input.conclusion() != Conclusion.CONFORMING && input.notes().isBlank()) {
      throw new MissingFieldException("notes", "a " + input.conclusion().label()
          + " states what was found (the requirement, the evidence, the gap)");
    }
    var now = clock.now();
    var automated = isControl(input.item())
        ? evidence.forControl(ControlId.parse(input.item()),
            record.startedAt().minus(EVIDENCE_PERIOD))
        : List.<CheckEvidence>of();
    FindingId findingId = null;
    if (input.conclusion().findingType().isPresent()) {
      findingId = findingIdOf(id, input.item());
      findings.raise(findingId, newFinding(record, input), actor);
    }
    var conclusion = new ItemConclusion(input.item(), input.conclusion(), input.notes(),
        input.evidence(), automated, findingId, actor.label(), now);
    return audits.update(record.withConclusion(conclusion));
  }

  /**
   * IN_PROGRESS → COMPLETED once every item has a conclusion; renders the report and stores it in
   * the evidence vault (content-addressed), keeping its address on the record.
   */
  public AuditRecord complete(String id, long expectedVersion, String summary, Actor actor) {
    var record = load(id);
    requireAuditor(record, actor, "complete");
    if (record.status() == AuditStatus.COMPLETED) {
      return record;
    }
    requireStatus(record, AuditStatus.IN_PROGRESS, "complete it");
    var open = record.openItems();
    if (!open.isEmpty()) {
      throw new AuditStateException(record.status(), "record a conclusion on "
          + String.join(", ", open) + " before completing audit " + id);
    }
    checkVersion(record, expectedVersion);
    var completed = record.completed(clock.now(), actor.label(),
        summary == null ? "" : summary.strip(), null);
    String address = null;
    if (vault.isPresent()) {
      var report = new AuditReport(completed);
      var stored = vault.get().put(CanonicalJson.write(report.document()).getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
      address = stored.hex();
      var entryOf = new io.vigil.domain.evidence.DocumentManifest("audit-report", id,
          "Internal audit report " + id, actor.label(), completed.completedAt(),
          List.of(new io.vigil.domain.evidence.DocumentManifest.Document(stored,
              "audit-report-" + id + ".json")));
      ledger.ifPresent(l -> l.record(entryOf));
    }
    return audits.update(completed.completed(completed.completedAt(), completed.completedBy(),
        completed.summary(), address));
  }

  /** PLANNED → CANCELLED, by the ISMS manager, with the reason. */
  public AuditRecord cancel(String id, long expectedVersion, String reason, Actor actor) {
    if (!actor.has(Role.ISMS_MANAGER)) {
      throw new AccessDeniedException(actor.label() + " may not cancel audits (the ISMS manager"
          + " does)");
    }
    var record = load(id);
    if (record.status() == AuditStatus.CANCELLED) {
      return record;
    }
    requireStatus(record, AuditStatus.PLANNED, "cancel it (an audit in progress is completed,"
        + " with the items it could not cover concluded as observations)");
    if (reason == null || reason.isBlank()) {
      throw new MissingFieldException("reason", "say why the audit is cancelled");
    }
    checkVersion(record, expectedVersion);
    return audits.update(record.cancelled(clock.now(), actor.label(), reason.strip()));
  }

  /** The report of an audit (any status; complete only once completed). */
  public AuditReport report(String id, Actor actor) {
    requireAny(actor);
    return new AuditReport(load(id));
  }

  /** The id of the finding raised on {@code item} by audit {@code auditId}. */
  public static FindingId findingIdOf(String auditId, String item) {
    var raw = "F-" + (auditId + "-" + item).replaceAll("[^A-Za-z0-9-]", "-");
    if (raw.length() > 66) {
      raw = "F-" + io.vigil.domain.evidence.Sha256.of(auditId + "|" + item).hex().substring(0, 40);
    }
    return FindingId.of(raw);
  }

  private NewFinding newFinding(AuditRecord record, ConclusionInput input) {
    var type = input.conclusion().findingType().orElseThrow();
    var title = capitalise(input.conclusion().label()) + " on " + input.item()
        + " (internal audit " + record.id() + ")";
    var controls = isControl(input.item()) ? List.of(ControlId.parse(input.item()))
        : List.<ControlId>of();
    var clauses = isControl(input.item()) ? List.<ClauseId>of()
        : List.of(ClauseId.parse(input.item()));
    var description = input.notes() + (input.evidence().isEmpty() ? ""
        : "\n\nEvidence: " + String.join("; ", input.evidence()));
    return new NewFinding(title, type, FindingSource.INTERNAL_AUDIT, controls, clauses,
        description, null, input.owner(), input.dueDate(), record.id());
  }

  private AuditRecord load(String id) {
    if (id == null || id.isBlank()) {
      throw new MissingFieldException("id", "name the audit (AUD-...)");
    }
    return audits.record(id).orElseThrow(() -> new NotFoundException("no audit " + id));
  }

  private static boolean isControl(String item) {
    return item.startsWith("A.");
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static void requireAny(Actor actor) {
    if (actor.roles().isEmpty()) {
      throw new AccessDeniedException(actor.label() + " has no Vigil role and may not read audits");
    }
  }

  /** The audit's own auditor (by id or e-mail) with an audit role, or the ISMS manager. */
  private static void requireAuditor(AuditRecord record, Actor actor, String what) {
    if (actor.has(Role.ISMS_MANAGER)) {
      return;
    }
    var plan = record.plan();
    boolean assigned = actor.is(plan.auditor()) || actor.is(plan.auditorEmail());
    if (!assigned || actor.roles().stream().noneMatch(AUDIT_ROLES::contains)) {
      throw new AccessDeniedException(actor.label() + " may not " + what + " audit "
          + record.id() + ": it is assigned to " + (plan.auditorEmail() == null ? plan.auditor()
              : plan.auditor() + " <" + plan.auditorEmail() + ">")
          + " (or the ISMS manager on their behalf)");
    }
  }

  private static void requireStatus(AuditRecord record, AuditStatus wanted, String what) {
    if (record.status() != wanted) {
      throw new AuditStateException(record.status(), "audit " + record.id() + " is "
          + record.status() + "; it must be " + wanted + " to " + what);
    }
  }

  private static void checkVersion(AuditRecord record, long expected) {
    if (record.version() != expected) {
      throw new ConcurrentModificationException("audit " + record.id() + " was changed by someone"
          + " else: it is at version " + record.version() + ", your change is based on version "
          + expected + ". Read it again and re-apply your change.");
    }
  }
}
