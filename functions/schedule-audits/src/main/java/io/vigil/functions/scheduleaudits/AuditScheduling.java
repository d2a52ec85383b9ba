package io.vigil.functions.scheduleaudits;

import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.AuditPlanner;
import io.vigil.domain.audit.AuditReminders;
import io.vigil.domain.audit.AuditRepository;
import io.vigil.domain.audit.AuditRisks;
import io.vigil.domain.audit.AuditStatus;
import io.vigil.domain.audit.AuditUniverse;
import io.vigil.domain.audit.ProgrammeConfig;
import io.vigil.domain.finding.FindingRepository;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The daily planning run, on ports only: risk inputs from the open findings, the stored audits,
 * the plan from {@link AuditPlanner}, stored with {@link AuditRepository#savePlan} and the reminders synced with
 * {@link AuditReminders#sync}. Running it twice on the same day with the same records changes
 * nothing.
 */
public final class AuditScheduling {

  /** The id of the audit {@link #prime} reads: no audit has it. */
  static final String PRIMING_AUDIT = "PRIMING#";

  private final ProgrammeConfig config;
  private final FindingRepository findings;
  private final AuditRepository audits;
  private final Optional<AuditReminders> reminders;

  public AuditScheduling(ProgrammeConfig config, FindingRepository findings,
      AuditRepository audits, Optional<AuditReminders> reminders) {
    this.config = Objects.requireNonNull(config, "config");
    this.findings = Objects.requireNonNull(findings, "findings");
    this.audits = Objects.requireNonNull(audits, "audits");
    this.reminders = Objects.requireNonNull(reminders, "reminders");
  }

  /**
   * Plans from {@code today} and answers {@code {from, audits, added, changed, removed,
   * unassigned, reminders}}: counts of planned audits, the ids added / changed / removed, the
   * unassigned items with reasons, and the reminder schedules created / updated / deleted.
   */
  public Map<String, Object> run(LocalDate today) {
    var plan = plan(today);
    var changes = audits.savePlan(plan);
    var out = answer(today, plan, changes);
    if (reminders.isPresent()) {
      var sync = reminders.get().sync(audits.planned());
      out.put("reminders", Map.of("created", sync.created(), "updated", sync.updated(),
          "deleted", sync.deleted()));
    }
    return out;
  }

  /**
   * A run's in-process path without its reads and writes, for a SnapStart warm-up: plans from
   * {@code today} with no risk input and no stored audit, answers as {@link #run} does (nothing
   * added), and reads the audit {@value #PRIMING_AUDIT}, which never exists (audit ids are
   * {@code AUD-<date>-<hash>}), through the audit store. Writes nothing, syncs no reminder.
   */
  public Map<String, Object> prime(LocalDate today) {
    var plan = new AuditPlanner(config).plan(AuditUniverse.of(config.notApplicable()),
        AuditRisks.fromOpenFindings(List.of(), id -> List.of()), today, List.of());
    audits.record(PRIMING_AUDIT);
    return answer(today, plan, AuditRepository.PlanChanges.none());
  }

  private static LinkedHashMap<String, Object> answer(LocalDate today, AuditPlan plan,
      AuditRepository.PlanChanges changes) {
    var out = new LinkedHashMap<String, Object>();
    out.put("from", today.toString());
    out.put("audits", plan.audits().size());
    out.put("added", changes.added());
    out.put("changed", changes.changed());
    out.put("removed", changes.removed());
    out.put("unassigned", plan.unassigned().stream()
        .map(u -> Map.of("item", u.item(), "reason", u.reason())).toList());
    return out;
  }

  /**
   * The plan from {@code today} without storing it: risk inputs from the open findings and their
   * corrective actions, and the stored audits of the previous cycle, the current one and the
   * horizon (planned ones are kept while valid, started and completed ones cover their items,
   * cancelled ones release theirs).
   */
  public AuditPlan plan(LocalDate today) {
    return preview(today).plan();
  }

  /**
   * A plan and what it was made from.
   *
   * @param openFindings open findings read as risk inputs
   * @param riskItems items (clauses, controls) with any risk input
   * @param storedAudits stored audits (any status) the planner took into account
   */
  public record Preview(AuditPlan plan, int openFindings, int riskItems, int storedAudits) {}

  /** {@link #plan} with the counts of its inputs (for progress output). */
  public Preview preview(LocalDate today) {
    var planner = new AuditPlanner(config);
    var cycleStart = planner.cycleStart(today);
    var history = audits.records(cycleStart.minusMonths(config.cycleMonths()),
        today.plusMonths(config.cycleMonths()), EnumSet.allOf(AuditStatus.class));
    var open = findings.findOpen();
    var risks = AuditRisks.fromOpenFindings(open, findings::actionsOf);
    var plan = planner.plan(AuditUniverse.of(config.notApplicable()), risks, today, history);
    return new Preview(plan, open.size(), risks.size(), history.size());
  }

  /** The configuration this run plans with. */
  public ProgrammeConfig config() {
    return config;
  }
}
