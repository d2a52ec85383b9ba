package io.vigil.domain.register;

import io.vigil.domain.access.AccessDeniedException;
import io.vigil.domain.access.Actor;
import io.vigil.domain.access.Role;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.ResultRepository;
import io.vigil.domain.control.AnnexACatalogue;
import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.evidence.JsonReader;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.finding.FindingRepository.ConcurrentModificationException;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.MissingFieldException;
import io.vigil.domain.finding.NotFoundException;
import io.vigil.domain.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Statement of Applicability (6.1.3 d), generated from the Annex A catalogue: all 93
 * controls, each with the recorded decision (applicable or not, and why), an implementation status
 * derived from the evidence, the risks whose treatment names it and the source of its evidence.
 * An approval stores an immutable, numbered version (in the table and, content-addressed, in the
 * evidence vault); later approvals never change an earlier version.
 *
 * <h2>Implementation status</h2>
 *
 * <ul>
 *   <li>{@code NOT_APPLICABLE}: excluded by its decision;
 *   <li>{@code PARTIALLY_IMPLEMENTED}: applicable and something is wrong — a failing check result,
 *       an open nonconformity on it, an open corrective action of such a finding, or an overdue
 *       manual evidence task;
 *   <li>{@code IMPLEMENTED}: applicable, nothing wrong and evidence exists — passing check results
 *       or attached manual evidence;
 *   <li>{@code NOT_ASSESSED}: applicable, nothing wrong, but no evidence at all yet.
 * </ul>
 *
 * <p>A control without a recorded decision counts as applicable and is listed as lacking a
 * justification; the SoA cannot be approved until every control has one.
 */
public final class SoaService {

  private final RegisterRepository registers;
  private final FindingRepository findings;
  private final ResultRepository results;
  private final CheckIndex checks;
  private final Optional<EvidenceVault> vault;
  private final Optional<io.vigil.domain.evidence.EvidenceLedger> ledger;
  private final Clock clock;

  public SoaService(RegisterRepository registers, FindingRepository findings,
      ResultRepository results, CheckIndex checks, Optional<EvidenceVault> vault, Clock clock) {
    this(registers, findings, results, checks, vault, Optional.empty(), clock);
  }

  /**
   * @param ledger when present (with a vault), each approved version is also chained into the
   *     evidence ledger as a document entry ({@code document#soa-version#<n>})
   */
  public SoaService(RegisterRepository registers, FindingRepository findings,
      ResultRepository results, CheckIndex checks, Optional<EvidenceVault> vault,
      Optional<io.vigil.domain.evidence.EvidenceLedger> ledger, Clock clock) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.registers = Objects.requireNonNull(registers, "registers");
    this.findings = Objects.requireNonNull(findings, "findings");
    this.results = Objects.requireNonNull(results, "results");
    this.checks = Objects.requireNonNull(checks, "checks");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The current SoA (not approved), as JSON-compatible maps. */
  public Map<String, Object> generate(Actor actor) {
    requireAnyRole(actor);
    return build(null, null, null);
  }

  /**
   * Approves the current SoA as the next version.
   *
   * @throws MissingFieldException naming the controls without a justified decision
   */
  public SoaVersion approve(Actor actor) {
    if (!actor.has(Role.ISMS_MANAGER)) {
      throw new AccessDeniedException(actor.label() + " may not approve the Statement of"
          + " Applicability (the ISMS manager does)");
    }
    var latest = registers.latestSoaVersion().map(SoaVersion::number).orElse(0);
    var now = clock.now();
    var soa = build(latest + 1, actor.label(), now.toString());
    @SuppressWarnings("unchecked")
    var undecided = (List<String>) ((Map<String, Object>) soa.get("summary")).get("undecided");
    if (!undecided.isEmpty()) {
      throw new MissingFieldException("justification", undecided.size() + " control(s) have no"
          + " decision with a justification (required for inclusions and exclusions): "
          + String.join(", ", undecided.subList(0, Math.min(20, undecided.size())))
          + (undecided.size() > 20 ? ", …" : ""));
    }
    var json = CanonicalJson.write(soa);
    var bytes = json.getBytes(StandardCharsets.UTF_8);
    var sha = vault.map(v -> v.put(bytes)).orElseGet(() -> Sha256.of(bytes)).hex();
    var version = new SoaVersion(latest + 1, now, actor.label(), sha, json);
    try {
      registers.saveSoaVersion(version);
    } catch (IllegalStateException raced) {
      throw new ConcurrentModificationException("SoA version " + version.number() + " was"
          + " approved by someone else meanwhile; review it and approve again if needed");
    }
    if (vault.isPresent()) {
      ledger.ifPresent(l -> l.record(new io.vigil.domain.evidence.DocumentManifest("soa-version",
          Integer.toString(version.number()), "Statement of Applicability version "
              + version.number(), actor.label(), now,
          List.of(new io.vigil.domain.evidence.DocumentManifest.Document(new Sha256(sha),
              "soa-v" + version.number() + ".json")))));
    }
    return version;
  }

  /** An approved version, as stored. */
  public Map<String, Object> version(int number, Actor actor) {
    requireAnyRole(actor);
    var v = registers.soaVersion(number).orElseThrow(() -> new NotFoundException(
        "no approved SoA version " + number));
    return parse(v);
  }

  /** The latest approved version; empty when none has been approved. */
  public Optional<SoaVersion> latestVersion(Actor actor) {
    requireAnyRole(actor);
    return registers.latestSoaVersion();
  }

  /** A stored version's JSON, checked against its SHA-256. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(SoaVersion v) {
    var bytes = v.json().getBytes(StandardCharsets.UTF_8);
    if (!Sha256.of(bytes).hex().equals(v.sha256())) {
      throw new IllegalStateException("SoA version " + v.number() + " does not match its"
          + " SHA-256 " + v.sha256() + ": it was altered");
    }
    return (Map<String, Object>) JsonReader.read(bytes);
  }

  private Map<String, Object> build(Integer version, String approvedBy, String approvedAt) {
    var decisions = new HashMap<String, RegisterRecord>();
    registers.list(RegisterKind.SOA_DECISION).forEach(d -> decisions.put(d.id(), d));
    var risksByControl = new HashMap<String, List<String>>();
    for (var risk : registers.list(RegisterKind.RISK)) {
      risk.texts("controls").forEach(c -> risksByControl.computeIfAbsent(c,
          k -> new ArrayList<>()).add(risk.id()));
    }
    var tasksByControl = new HashMap<String, List<RegisterRecord>>();
    for (var task : registers.list(RegisterKind.EVIDENCE_TASK)) {
      task.texts("controls").forEach(c -> tasksByControl.computeIfAbsent(c,
          k -> new ArrayList<>()).add(task));
    }
    var openNc = new HashMap<String, Long>();
    var openActions = new HashMap<String, Long>();
    for (var f : findings.findOpen()) {
      boolean nc = f.type() == FindingType.MAJOR_NONCONFORMITY
          || f.type() == FindingType.MINOR_NONCONFORMITY;
      if (!nc) {
        continue;
      }
      long actions = findings.actionsOf(f.id()).stream()
          .filter(a -> a.status().isOutstanding())
          .count();
      for (var c : f.controls()) {
        openNc.merge(c.toString(), 1L, Long::sum);
        openActions.merge(c.toString(), actions, Long::sum);
      }
    }
    var checkCounts = new HashMap<String, long[]>();
    for (var check : checks.all()) {
      var counts = new long[3];
      for (var r : results.findLatestOfCheck(new CheckId(check.id()))) {
        if (r.status() == CheckStatus.PASS) {
          counts[0]++;
        } else if (r.status() == CheckStatus.FAIL) {
          counts[1]++;
        } else if (r.status() == CheckStatus.ERROR) {
          counts[2]++;
        }
      }
      checkCounts.put(check.id(), counts);
    }
    var today = clock.today();
    var entries = new ArrayList<Map<String, Object>>();
    var summary = new LinkedHashMap<String, Object>();
    long applicable = 0;
    long excluded = 0;
    long implemented = 0;
    long partially = 0;
    long notAssessed = 0;
    long withFailingEvidence = 0;
    var undecided = new ArrayList<String>();
    for (var control : AnnexACatalogue.standard().all()) {
      var id = control.id().toString();
      var decision = Optional.ofNullable(decisions.get(id));
      boolean isApplicable = decision.map(d -> !Boolean.FALSE.equals(
          d.fields().get("applicable"))).orElse(true);
      if (decision.isEmpty()) {
        undecided.add(id);
      }
      var checkRows = new ArrayList<Map<String, Object>>();
      long failing = 0;
      long evidence = 0;
      for (var check : checks.checksFor(control.id())) {
        var c = checkCounts.get(check.id());
        var row = new LinkedHashMap<String, Object>();
        row.put("checkId", check.id());
        row.put("passed", c[0]);
        row.put("failed", c[1]);
        row.put("errors", c[2]);
        checkRows.add(row);
        failing += c[1];
        evidence += c[0] + c[1];
      }
      var taskRows = new ArrayList<Map<String, Object>>();
      boolean overdueTask = false;
      for (var task : tasksByControl.getOrDefault(id, List.of())) {
        var due = task.date("nextDue").orElseThrow();
        var status = RegisterRules.dueStatus(due, today);
        overdueTask |= "OVERDUE".equals(status);
        var attachments = RegisterRules.attachments(task).size();
        evidence += attachments;
        var row = new LinkedHashMap<String, Object>();
        row.put("taskId", task.id());
        row.put("owner", task.text("owner").orElse(""));
        row.put("nextDue", due.toString());
        row.put("status", status);
        row.put("attachments", (long) attachments);
        taskRows.add(row);
      }
      long nc = openNc.getOrDefault(id, 0L);
      long actions = openActions.getOrDefault(id, 0L);
      String status;
      if (!isApplicable) {
        status = "NOT_APPLICABLE";
        excluded++;
      } else {
        applicable++;
        if (failing > 0 || nc > 0 || actions > 0 || overdueTask) {
          status = "PARTIALLY_IMPLEMENTED";
          partially++;
        } else if (evidence > 0) {
          status = "IMPLEMENTED";
          implemented++;
        } else {
          status = "NOT_ASSESSED";
          notAssessed++;
        }
        if (failing > 0) {
          withFailingEvidence++;
        }
      }
      var e = new LinkedHashMap<String, Object>();
      e.put("control", id);
      e.put("title", control.title());
      e.put("theme", control.theme().label());
      e.put("applicable", isApplicable);
      e.put("justification", decision.flatMap(d -> d.text("justification")).orElse(""));
      e.put("implementation", decision.flatMap(d -> d.text("implementation")).orElse(""));
      e.put("status", status);
      e.put("evidenceSource", !checkRows.isEmpty() && !taskRows.isEmpty() ? "automated and manual"
          : !checkRows.isEmpty() ? "automated checks"
          : !taskRows.isEmpty() ? "manual evidence tasks" : "none");
      e.put("checks", checkRows);
      e.put("evidenceTasks", taskRows);
      e.put("openNonconformities", nc);
      e.put("openActions", actions);
      e.put("risks", risksByControl.getOrDefault(id, List.of()));
      entries.add(e);
    }
    summary.put("controls", (long) entries.size());
    summary.put("applicable", applicable);
    summary.put("excluded", excluded);
    summary.put("implemented", implemented);
    summary.put("partiallyImplemented", partially);
    summary.put("notAssessed", notAssessed);
    summary.put("withFailingEvidence", withFailingEvidence);
    summary.put("undecided", undecided);
    var soa = new LinkedHashMap<String, Object>();
    soa.put("kind", "vigil.statement-of-applicability");
    soa.put("schemaVersion", 1);
    soa.put("standard", "ISO/IEC 27001:2022 Annex A");
    soa.put("generatedOn", today.toString());
    if (version != null) {
      soa.put("version", (long) version);
      soa.put("approvedBy", approvedBy);
      soa.put("approvedAt", approvedAt);
    }
    soa.put("summary", summary);
    soa.put("controls", entries);
    return soa;
  }

  private static void requireAnyRole(Actor actor) {
    if (actor.roles().isEmpty()) {
      throw new AccessDeniedException(actor.label() + " has no Vigil role and may not read the"
          + " Statement of Applicability");
    }
  }
}
