package io.vigil.domain.register;

import io.vigil.domain.access.AccessDeniedException;
import io.vigil.domain.access.Actor;
import io.vigil.domain.access.Role;
import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.finding.FindingRepository.ConcurrentModificationException;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.MissingFieldException;
import io.vigil.domain.finding.NotFoundException;
import io.vigil.domain.notification.DomainEvent;
import io.vigil.domain.notification.DomainEventPublisher;
import io.vigil.domain.time.Clock;
import io.vigil.domain.time.IdGenerator;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The ISMS registers (clauses 4–7): create, edit (optimistic locking, immutable history), read
 * with derived values, risk treatment approval and residual-risk acceptance by the risk owner,
 * manual evidence attached to evidence tasks (stored content-addressed in the evidence vault),
 * and the daily sweep that announces policy reviews and evidence tasks coming due.
 *
 * <p>Who may do what: every role reads; the ISMS manager creates and edits; the risk owner
 * approves the treatment and accepts the residual risk of their risks; the owner of an evidence
 * task (or the ISMS manager) attaches its evidence.
 */
public final class RegisterService {

  /**
   * Largest manual evidence file accepted, in bytes: 4 MiB, so that its base64 form stays under
   * Lambda's 6 MB synchronous request limit behind API Gateway. Larger evidence is stored elsewhere
   * and attached as a reference.
   */
  public static final int MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;

  /** Fields of a risk whose change withdraws its approvals. */
  private static final Set<String> TREATMENT_FIELDS = Set.of("likelihood", "impact", "treatment",
      "controls", "treatmentPlan", "actions", "residualLikelihood", "residualImpact");

  private final RegisterRepository repository;
  private final FindingRepository findings;
  private final KpiSource kpis;
  private final Optional<EvidenceVault> vault;
  private final Optional<io.vigil.domain.evidence.EvidenceLedger> ledger;
  private final Clock clock;
  private final IdGenerator ids;

  public RegisterService(RegisterRepository repository, FindingRepository findings,
      KpiSource kpis, Optional<EvidenceVault> vault, Clock clock, IdGenerator ids) {
    this(repository, findings, kpis, vault, Optional.empty(), clock, ids);
  }

  /**
   * @param ledger when present, each attached evidence file is also chained into the evidence
   *     ledger as a document entry ({@code document#manual-evidence#<task>.<n>})
   */
  public RegisterService(RegisterRepository repository, FindingRepository findings,
      KpiSource kpis, Optional<EvidenceVault> vault,
      Optional<io.vigil.domain.evidence.EvidenceLedger> ledger, Clock clock, IdGenerator ids) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.repository = Objects.requireNonNull(repository, "repository");
    this.findings = Objects.requireNonNull(findings, "findings");
    this.kpis = Objects.requireNonNull(kpis, "kpis");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /** A record with the values Vigil derives for it. */
  public record View(RegisterRecord record, Map<String, Object> derived) {}

  /** A manual evidence file ({@code content}) or a reference to evidence kept elsewhere. */
  public record Attachment(String fileName, String mediaType, byte[] content, String reference,
      String note) {}

  public RiskMethod riskMethod() {
    return RiskMethod.of(repository.find(RegisterKind.RISK_METHOD, "method"));
  }

  /** The context derived values are computed in: today, the risk method, open findings. */
  public RegisterRules.Context context() {
    var failing = new HashSet<String>();
    var nonconformities = new HashSet<String>();
    for (var f : findings.findOpen()) {
      var items = new ArrayList<String>();
      f.controls().forEach(c -> items.add(c.toString()));
      f.clauses().forEach(c -> items.add(c.toString()));
      if (f.checkId() != null) {
        failing.addAll(items);
      }
      if (f.type() == FindingType.MAJOR_NONCONFORMITY
          || f.type() == FindingType.MINOR_NONCONFORMITY) {
        nonconformities.addAll(items);
      }
    }
    return new RegisterRules.Context(clock.today(), riskMethod(), failing, nonconformities, kpis);
  }

  public View get(RegisterKind kind, String id, Actor actor) {
    requireAnyRole(actor);
    return view(load(kind, id), contextFor(kind));
  }

  /**
   * The context a register's derived values need: only risks depend on the risk method and the
   * open findings; the others on the day (and objectives on the KPIs), so they skip those reads.
   */
  private RegisterRules.Context contextFor(RegisterKind kind) {
    if (kind == RegisterKind.RISK) {
      return context();
    }
    return new RegisterRules.Context(clock.today(), RiskMethod.defaults(), Set.of(), Set.of(),
        kpis);
  }

  private RiskMethod methodFor(RegisterKind kind) {
    return kind == RegisterKind.RISK ? riskMethod() : RiskMethod.defaults();
  }

  /** Every record of a register, with derived values. */
  public List<View> list(RegisterKind kind, Actor actor) {
    requireAnyRole(actor);
    var context = contextFor(kind);
    return repository.list(kind).stream().map(r -> view(r, context)).toList();
  }

  public List<RegisterEvent> history(RegisterKind kind, String id, Actor actor) {
    requireAnyRole(actor);
    load(kind, id);
    return repository.history(kind, id);
  }

  /**
   * Creates a record: a singleton register's record has its fixed id, an SoA decision the control
   * id given as {@code id}; other records get a generated id ({@code R-1a2b3c4d}).
   */
  public View create(RegisterKind kind, String id, Map<String, ?> input, Actor actor) {
    requireManager(actor, "create " + kind.path() + " records");
    var recordId = idFor(kind, id);
    var fields = kind.schema().normalise(input);
    RegisterRules.validate(kind, recordId, fields, methodFor(kind));
    if (kind == RegisterKind.RISK_METHOD) {
      requireRisksFit(fields);
    }
    var now = clock.now();
    var record = new RegisterRecord(kind, recordId, fields, Map.of(), now, actor.label(), now,
        actor.label(), 1);
    repository.create(record, new RegisterEvent(now, actor.label(), RegisterEvent.Kind.CREATED,
        List.copyOf(fields.keySet()), null, 1));
    return view(record, contextFor(kind));
  }

  /**
   * Edits a record: {@code changes} set fields ({@code null} clears one); unchanged input writes
   * nothing. A change to a risk's assessment or treatment withdraws its approvals (they were
   * given for what it said before).
   */
  public View update(RegisterKind kind, String id, long expectedVersion, Map<String, ?> changes,
      Actor actor) {
    requireManager(actor, "edit " + kind.path() + " records");
    var current = load(kind, id);
    var fields = kind.schema().merge(current.fields(), changes);
    RegisterRules.validate(kind, id, fields, methodFor(kind));
    var changed = changedFields(current.fields(), fields);
    if (changed.isEmpty()) {
      return view(current, contextFor(kind));
    }
    if (kind == RegisterKind.RISK_METHOD) {
      requireRisksFit(fields);
    }
    checkVersion(current, expectedVersion);
    var system = new LinkedHashMap<>(current.system());
    String note = null;
    if (kind == RegisterKind.RISK && changed.stream().anyMatch(TREATMENT_FIELDS::contains)
        && (system.remove("treatmentApproval") != null
            | system.remove("residualAcceptance") != null)) {
      note = "approvals withdrawn: the assessment or treatment changed";
    }
    var now = clock.now();
    var next = current.with(fields, system).editedBy(actor.label(), now);
    var stored = repository.update(next, new RegisterEvent(now, actor.label(),
        RegisterEvent.Kind.EDITED, changed, note, current.version() + 1));
    return view(stored, contextFor(kind));
  }

  /**
   * A new risk method must still rate every recorded risk: narrowing a scale below a risk's
   * likelihood or impact is refused, naming the scale and the risks to re-assess first.
   */
  private void requireRisksFit(Map<String, Object> methodFields) {
    var method = RiskMethod.of(Optional.of(new RegisterRecord(RegisterKind.RISK_METHOD, "method",
        methodFields, Map.of(), null, null, null, null, 0)));
    var tooLikely = new ArrayList<String>();
    var tooSevere = new ArrayList<String>();
    for (var r : repository.list(RegisterKind.RISK)) {
      long l = Math.max(r.integer("likelihood").orElse(1L),
          r.integer("residualLikelihood").orElse(1L));
      long i = Math.max(r.integer("impact").orElse(1L), r.integer("residualImpact").orElse(1L));
      if (l > method.likelihoodScale().size()) {
        tooLikely.add(r.id());
      }
      if (i > method.impactScale().size()) {
        tooSevere.add(r.id());
      }
    }
    if (!tooLikely.isEmpty()) {
      throw new MissingFieldException("likelihoodScale", "risks " + tooLikely + " have a"
          + " likelihood above " + method.likelihoodScale().size() + ": re-assess them first");
    }
    if (!tooSevere.isEmpty()) {
      throw new MissingFieldException("impactScale", "risks " + tooSevere + " have an impact"
          + " above " + method.impactScale().size() + ": re-assess them first");
    }
  }

  /** The risk owner approves the risk treatment plan (6.1.3 f). */
  public View approveTreatment(String riskId, long expectedVersion, Actor actor) {
    var risk = load(RegisterKind.RISK, riskId);
    requireOwner(risk, actor, "approve the treatment of");
    if (risk.text("treatment").isEmpty()) {
      throw new MissingFieldException("treatment", "choose a treatment option before approving");
    }
    if (risk.system().containsKey("treatmentApproval")) {
      return view(risk, context());
    }
    checkVersion(risk, expectedVersion);
    var now = clock.now();
    var system = new LinkedHashMap<>(risk.system());
    system.put("treatmentApproval", Map.of("by", actor.label(), "at", now.toString()));
    var stored = repository.update(risk.with(risk.fields(), system).editedBy(actor.label(), now),
        new RegisterEvent(now, actor.label(), RegisterEvent.Kind.TREATMENT_APPROVED, List.of(),
            null, risk.version() + 1));
    return view(stored, context());
  }

  /**
   * The risk owner accepts the residual risk (6.1.3 f), after approving its treatment; the level
   * accepted and whether it met the acceptance criterion are recorded.
   */
  public View acceptResidual(String riskId, long expectedVersion, Actor actor) {
    var risk = load(RegisterKind.RISK, riskId);
    requireOwner(risk, actor, "accept the residual risk of");
    if (!risk.system().containsKey("treatmentApproval")) {
      throw new MissingFieldException("treatmentApproval", "approve the treatment of " + riskId
          + " before accepting its residual risk");
    }
    if (risk.system().containsKey("residualAcceptance")) {
      return view(risk, context());
    }
    checkVersion(risk, expectedVersion);
    var derived = RegisterRules.derive(risk, context());
    var level = derived.getOrDefault("residualLevel", derived.get("inherentLevel"));
    var now = clock.now();
    var acceptance = new LinkedHashMap<String, Object>();
    acceptance.put("by", actor.label());
    acceptance.put("at", now.toString());
    acceptance.put("level", level);
    acceptance.put("withinAcceptance", derived.get("withinAcceptance"));
    var system = new LinkedHashMap<>(risk.system());
    system.put("residualAcceptance", acceptance);
    var stored = repository.update(risk.with(risk.fields(), system).editedBy(actor.label(), now),
        new RegisterEvent(now, actor.label(), RegisterEvent.Kind.RESIDUAL_ACCEPTED, List.of(),
            Boolean.TRUE.equals(derived.get("withinAcceptance")) ? null
                : "accepted above the acceptance threshold", risk.version() + 1));
    return view(stored, context());
  }

  /**
   * Attaches evidence to a manual evidence task: a file is stored in the evidence vault (canonical
   * JSON document, content-addressed), a reference is recorded as given; the task's next due date
   * moves on by its frequency.
   */
  public View attachEvidence(String taskId, long expectedVersion, Attachment attachment,
      Actor actor) {
    var task = load(RegisterKind.EVIDENCE_TASK, taskId);
    if (!actor.has(Role.ISMS_MANAGER) && !actor.is(task.text("owner").orElse(null))) {
      throw new AccessDeniedException(actor.label() + " may not attach evidence to " + taskId
          + ": it is " + task.text("owner").orElse("?") + "'s task (or the ISMS manager's)");
    }
    boolean file = attachment.content() != null;
    if (!file && (attachment.reference() == null || attachment.reference().isBlank())) {
      throw new MissingFieldException("content", "attach a file (content) or a reference");
    }
    if (file && attachment.content().length > MAX_ATTACHMENT_BYTES) {
      throw new MissingFieldException("content", "the file is larger than "
          + MAX_ATTACHMENT_BYTES + " bytes; store it elsewhere and attach a reference");
    }
    if (file && (attachment.fileName() == null || attachment.fileName().isBlank())) {
      throw new MissingFieldException("fileName", "name the attached file");
    }
    checkVersion(task, expectedVersion);
    var now = clock.now();
    var entry = new LinkedHashMap<String, Object>();
    entry.put("attachedAt", now.toString());
    entry.put("attachedBy", actor.label());
    if (attachment.note() != null && !attachment.note().isBlank()) {
      entry.put("note", attachment.note().strip());
    }
    if (file) {
      var store = vault.orElseThrow(() -> new IllegalStateException("no evidence vault is"
          + " configured (vigil.evidence-bucket); attach a reference instead"));
      var document = new LinkedHashMap<String, Object>();
      document.put("kind", "vigil.manual-evidence");
      document.put("schemaVersion", 1);
      document.put("taskId", taskId);
      document.put("controls", task.texts("controls"));
      document.put("title", task.text("title").orElse(""));
      document.put("fileName", attachment.fileName().strip());
      document.put("mediaType", attachment.mediaType() == null ? "application/octet-stream"
          : attachment.mediaType());
      document.put("contentSha256", Sha256.of(attachment.content()).hex());
      document.put("contentBase64", Base64.getEncoder().encodeToString(attachment.content()));
      document.put("attachedBy", actor.label());
      document.put("attachedAt", now.toString());
      var address = store.put(CanonicalJson.write(document).getBytes(StandardCharsets.UTF_8));
      entry.put("evidenceSha256", address.hex());
      int n = RegisterRules.attachments(task).size() + 1;
      ledger.ifPresent(l -> l.record(new io.vigil.domain.evidence.DocumentManifest(
          "manual-evidence", taskId + "." + n, "Evidence for " + taskId + " ("
              + String.join(", ", task.texts("controls")) + ")", actor.label(), now,
          List.of(new io.vigil.domain.evidence.DocumentManifest.Document(address,
              attachment.fileName().strip())))));
      entry.put("fileName", attachment.fileName().strip());
      entry.put("contentSha256", document.get("contentSha256"));
    } else {
      entry.put("reference", attachment.reference().strip());
    }
    var attachments = new ArrayList<Object>(RegisterRules.attachments(task));
    attachments.add(entry);
    var system = new LinkedHashMap<>(task.system());
    system.put("attachments", attachments);
    var fields = new LinkedHashMap<>(task.fields());
    var nextDue = task.date("nextDue").orElseThrow()
        .plusMonths(task.integer("frequencyMonths").orElseThrow());
    while (!nextDue.isAfter(clock.today())) {
      nextDue = nextDue.plusMonths(task.integer("frequencyMonths").orElseThrow());
    }
    fields.put("nextDue", nextDue.toString());
    var stored = repository.update(task.with(fields, system).editedBy(actor.label(), now),
        new RegisterEvent(now, actor.label(), RegisterEvent.Kind.EVIDENCE_ATTACHED,
            List.of("nextDue"), file ? "sha256 " + entry.get("evidenceSha256")
                : "reference " + entry.get("reference"), task.version() + 1));
    return view(stored, context());
  }

  /**
   * The daily sweep: a {@code Policy Review Due} event for every approved policy whose review is
   * due within {@value RegisterRules#DUE_SOON_DAYS} days or overdue, and an {@code Evidence Task
   * Due} event for every evidence task coming due or overdue — each once per day (a re-run of the
   * sweep on the same day publishes nothing again).
   */
  public List<DomainEvent> sweep(DomainEventPublisher publisher) {
    var today = clock.today();
    var context = context();
    var due = new ArrayList<DomainEvent>();
    for (var policy : repository.list(RegisterKind.POLICY)) {
      if ("RETIRED".equals(policy.text("status").orElse("")) || "DRAFT".equals(
          policy.text("status").orElse(""))) {
        continue;
      }
      var derived = RegisterRules.derive(policy, context);
      if (!"OK".equals(derived.get("reviewStatus"))
          && repository.markNotified(POLICY_NOTICE + policy.id(), today)) {
        due.add(new PolicyReviewDue(policy, LocalDate.parse((String) derived.get("reviewDue")),
            today));
      }
    }
    for (var task : repository.list(RegisterKind.EVIDENCE_TASK)) {
      var status = (String) RegisterRules.derive(task, context).get("status");
      if (!"OK".equals(status) && repository.markNotified(TASK_NOTICE + task.id(), today)) {
        due.add(new EvidenceTaskDue(task, today));
      }
    }
    if (!due.isEmpty()) {
      try {
        publisher.publish(due);
      } catch (RuntimeException e) {
        // nothing went out: release the day's marks so that a re-run of the sweep tries again
        for (var event : due) {
          repository.clearNotified(noticeKey(event), today);
        }
        throw e;
      }
    }
    return due;
  }

  private static final String POLICY_NOTICE = "policy-review#";
  private static final String TASK_NOTICE = "evidence-task#";

  private static String noticeKey(DomainEvent event) {
    return event instanceof PolicyReviewDue p ? POLICY_NOTICE + p.policy().id()
        : TASK_NOTICE + ((EvidenceTaskDue) event).task().id();
  }

  private View view(RegisterRecord r, RegisterRules.Context context) {
    return new View(r, RegisterRules.derive(r, context));
  }

  private String idFor(RegisterKind kind, String given) {
    if (kind.singleton()) {
      if (given != null && !given.isBlank() && !given.equals(kind.ids().singleton())) {
        throw new MissingFieldException("id", "the " + kind.path() + " register holds one"
            + " record, '" + kind.ids().singleton() + "'");
      }
      return kind.ids().singleton();
    }
    if (kind.ids().prefix() == null) {
      if (given == null || given.isBlank()) {
        throw new MissingFieldException("id", "a " + kind.path() + " record is keyed: give its"
            + " id");
      }
      if (!RegisterRecord.ID.matcher(given).matches()) {
        throw new MissingFieldException("id", "'" + given + "' is not a record id");
      }
      return given;
    }
    if (given != null && !given.isBlank()) {
      throw new MissingFieldException("id", kind.path() + " ids are generated; do not give one");
    }
    var raw = ids.newId().replace("-", "").toLowerCase(Locale.ROOT);
    return kind.ids().prefix() + "-" + raw.substring(0, Math.min(8, raw.length()));
  }

  private RegisterRecord load(RegisterKind kind, String id) {
    if (id == null || id.isBlank()) {
      throw new MissingFieldException("id", "name the record");
    }
    return repository.find(kind, id).orElseThrow(() -> new NotFoundException("no "
        + kind.path() + " record " + id));
  }

  private static List<String> changedFields(Map<String, Object> before,
      Map<String, Object> after) {
    var names = new java.util.TreeSet<String>();
    names.addAll(before.keySet());
    names.addAll(after.keySet());
    return names.stream().filter(n -> !Objects.equals(before.get(n), after.get(n))).toList();
  }

  private static void checkVersion(RegisterRecord r, long expected) {
    if (r.version() != expected) {
      throw new ConcurrentModificationException(r.kind().path() + " record " + r.id()
          + " was changed by someone else: it is at version " + r.version()
          + ", your change is based on version " + expected + ". Read it again and re-apply your"
          + " change.");
    }
  }

  private static void requireAnyRole(Actor actor) {
    if (actor.roles().isEmpty()) {
      throw new AccessDeniedException(actor.label() + " has no Vigil role and may not read the"
          + " registers");
    }
  }

  private static void requireManager(Actor actor, String what) {
    if (!actor.has(Role.ISMS_MANAGER)) {
      throw new AccessDeniedException(actor.label() + " may not " + what + " (the ISMS manager"
          + " does)");
    }
  }

  private static void requireOwner(RegisterRecord risk, Actor actor, String what) {
    var owner = risk.text("owner").orElse(null);
    if (!actor.is(owner)) {
      throw new AccessDeniedException(actor.label() + " may not " + what + " " + risk.id()
          + ": only its risk owner (" + owner + ") may");
    }
  }
}
