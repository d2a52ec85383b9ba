package io.vigil.functions.scheduleaudits;

import io.vigil.domain.audit.AuditPlanner;
import io.vigil.domain.audit.AuditReminders;
import io.vigil.domain.audit.AuditRepository;
import io.vigil.domain.audit.AuditUniverse;
import io.vigil.domain.audit.ItemRisk;
import io.vigil.domain.audit.ProgrammeConfig;
import io.vigil.domain.finding.FindingRepository;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The daily planning run, on ports only: risk inputs from the open findings, the plan from
 * {@link AuditPlanner}, stored with {@link AuditRepository#savePlan} and the reminders synced with
 * {@link AuditReminders#sync}. Running it twice on the same day with the same records changes
 * nothing.
 */
public final class AuditScheduling {

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
    var risks = risks();
    var plan = new AuditPlanner(config).plan(AuditUniverse.of(config.notApplicable()), risks,
        today);
    var changes = audits.savePlan(plan);
    var out = new LinkedHashMap<String, Object>();
    out.put("from", today.toString());
    out.put("audits", plan.audits().size());
    out.put("added", changes.added());
    out.put("changed", changes.changed());
    out.put("removed", changes.removed());
    out.put("unassigned", plan.unassigned().stream()
        .map(u -> Map.of("item", u.item(), "reason", u.reason())).toList());
    if (reminders.isPresent()) {
      var sync = reminders.get().sync(audits.planned());
      out.put("reminders", Map.of("created", sync.created(), "updated", sync.updated(),
          "deleted", sync.deleted()));
    }
    return out;
  }

  /**
   * Risk inputs per item id from the open findings and their outstanding corrective actions
   * (see {@link io.vigil.domain.audit.AuditRisks}).
   */
  Map<String, ItemRisk> risks() {
    return io.vigil.domain.audit.AuditRisks.fromOpenFindings(findings.findOpen(),
        findings::actionsOf);
  }

  /** The configuration this run plans with. */
  public ProgrammeConfig config() {
    return config;
  }
}
