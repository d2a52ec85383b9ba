package io.vigil.cli;

import io.vigil.domain.audit.AuditPlanner;
import io.vigil.domain.audit.AuditUniverse;
import io.vigil.domain.audit.ProgrammeConfig;
import io.vigil.domain.audit.ProgrammeConfig.Auditor;
import io.vigil.domain.audit.ProgrammeConfig.Period;
import io.vigil.domain.finding.Finding;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The demo's internal audit programme: a sample organisation (four auditors, owners who may not
 * audit what they own, two physical controls not applicable to a cloud-only company) planned from
 * today, with the demo run's open findings as risk inputs.
 */
final class AuditsDemo {

  static final String HEADING = "Internal audit programme (next 3 audits)";

  private AuditsDemo() {}

  /** The sample organisation's programme: 12-month cycle, audits of up to 6 items. */
  static ProgrammeConfig sampleProgramme(LocalDate today) {
    var owners = new LinkedHashMap<String, String>();
    for (var clause : List.of("5.1", "5.2", "5.3", "6.1.2", "6.2", "9.3")) {
      owners.put(clause, "alice");
    }
    for (var control : List.of("A.8.2", "A.8.5", "A.8.9", "A.8.15", "A.8.20", "A.8.24",
        "A.5.15", "A.5.18")) {
      owners.put(control, "bob");
    }
    for (var control : List.of("A.6.1", "A.6.2", "A.6.3", "A.6.4", "A.6.5")) {
      owners.put(control, "carol");
    }
    var auditors = List.of(
        new Auditor("alice", "Alice Martin (CISO)", "alice@acme.example", 2, List.of()),
        new Auditor("bob", "Bob Chen (platform lead)", "bob@acme.example", 1, List.of()),
        new Auditor("carol", "Carol Diaz (people ops)", "carol@acme.example", 1,
            List.of(new Period(today.plusMonths(2), today.plusMonths(2).plusDays(20)))),
        new Auditor("dave", "Dave Okafor (external auditor)", "dave@audit.example", 2,
            List.of()));
    return new ProgrammeConfig(12, 6, auditors, owners, Set.of("A.7.1", "A.7.2"), null);
  }

  /**
   * Plans the sample programme from {@code today} and prints its next three audits. Prints
   * nothing while the planner is not implemented yet.
   */
  static void printNextAudits(PrintWriter out, List<Finding> openFindings, LocalDate today) {
    var config = sampleProgramme(today);
    AuditPlanFile.Plan plan;
    try {
      plan = AuditPlanFile.of(new AuditPlanner(config).plan(
          AuditUniverse.of(config.notApplicable()), io.vigil.domain.audit.AuditRisks.fromOpenFindings(openFindings, id -> List.of()), today),
          config);
    } catch (UnsupportedOperationException notYet) {
      return;
    }
    out.println();
    out.println(HEADING);
    for (var a : plan.audits().stream().limit(3).toList()) {
      out.printf("  %s  %-30s  %s%n", a.date(), a.auditorName(), String.join(", ", a.items()));
    }
    out.println("  " + plan.audits().size() + " audits planned to " + plan.to() + ", "
        + plan.unassigned().size() + " item(s) unassigned; see 'vigil audits plan --help'");
    out.flush();
  }
}
