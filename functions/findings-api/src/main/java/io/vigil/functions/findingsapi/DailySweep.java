package io.vigil.functions.findingsapi;

import io.vigil.domain.finding.FindingService;
import io.vigil.domain.notification.ActionOverdue;
import io.vigil.domain.notification.DomainEvent;
import io.vigil.domain.notification.DomainEventPublisher;
import io.vigil.domain.register.EvidenceTaskDue;
import io.vigil.domain.register.PolicyReviewDue;
import io.vigil.domain.register.RegisterService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The daily sweep the findings-api function runs when its EventBridge schedule fires: corrective
 * actions past their due date ({@code Action Overdue}), then policy reviews and manual evidence
 * tasks coming due or overdue ({@code Policy Review Due}, {@code Evidence Task Due}). Each notice
 * is published once per day however often the sweep runs; the answer counts what it published.
 */
final class DailySweep {

  private final FindingService findings;
  private final RegisterService registers;
  private final DomainEventPublisher publisher;

  DailySweep(FindingService findings, RegisterService registers,
      DomainEventPublisher publisher) {
    this.findings = Objects.requireNonNull(findings);
    this.registers = Objects.requireNonNull(registers);
    this.publisher = Objects.requireNonNull(publisher);
  }

  /**
   * Runs both sweeps; answers {@code {overdue, actions, policyReviewsDue, evidenceTasksDue,
   * notices}}: the overdue actions and their keys, then the register notices published and their
   * keys.
   */
  Map<String, Object> run() {
    var overdue = findings.sweepOverdue(publisher);
    var notices = registers.sweep(publisher);
    var out = new LinkedHashMap<String, Object>();
    out.put("overdue", overdue.size());
    out.put("actions", overdue.stream().map(ActionOverdue::idempotencyKey).toList());
    out.put("policyReviewsDue", notices.stream().filter(PolicyReviewDue.class::isInstance)
        .count());
    out.put("evidenceTasksDue", notices.stream().filter(EvidenceTaskDue.class::isInstance)
        .count());
    out.put("notices", notices.stream().map(DomainEvent::idempotencyKey).toList());
    return out;
  }
}
