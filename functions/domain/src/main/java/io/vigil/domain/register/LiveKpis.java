package io.vigil.domain.register;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.ResultRepository;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.finding.FindingType;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * {@link KpiSource} computed from the current records: latest check results (one Query per
 * check), open findings with their corrective actions, and the registers. Nothing is cached; each
 * call measures anew.
 */
public final class LiveKpis implements KpiSource {

  private final ResultRepository results;
  private final CheckIndex checks;
  private final FindingRepository findings;
  private final RegisterRepository registers;

  public LiveKpis(ResultRepository results, CheckIndex checks, FindingRepository findings,
      RegisterRepository registers) {
    this.results = Objects.requireNonNull(results, "results");
    this.checks = Objects.requireNonNull(checks, "checks");
    this.findings = Objects.requireNonNull(findings, "findings");
    this.registers = Objects.requireNonNull(registers, "registers");
  }

  @Override
  public OptionalDouble measure(String kpi, LocalDate day) {
    return switch (kpi) {
      case "control-pass-rate" -> {
        long pass = 0;
        long fail = 0;
        for (var check : checks.all()) {
          for (var r : results.findLatestOfCheck(new CheckId(check.id()))) {
            if (r.status() == CheckStatus.PASS) {
              pass++;
            } else if (r.status() == CheckStatus.FAIL) {
              fail++;
            }
          }
        }
        yield pass + fail == 0 ? OptionalDouble.empty()
            : OptionalDouble.of(100.0 * pass / (pass + fail));
      }
      case "open-nonconformities" -> OptionalDouble.of(findings.findOpen().stream()
          .filter(f -> f.type() == FindingType.MAJOR_NONCONFORMITY
              || f.type() == FindingType.MINOR_NONCONFORMITY)
          .count());
      case "overdue-corrective-actions" -> {
        long overdue = 0;
        for (var f : findings.findOpen()) {
          overdue += findings.actionsOf(f.id()).stream()
              .filter(a -> a.status().isOutstanding() && a.dueDate() != null
                  && a.dueDate().isBefore(day))
              .count();
        }
        yield OptionalDouble.of(overdue);
      }
      case "awareness-completion" -> {
        var all = registers.list(RegisterKind.AWARENESS);
        yield all.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(100.0
            * all.stream().filter(a -> a.date("completedOn").isPresent()).count() / all.size());
      }
      case "evidence-tasks-overdue" -> OptionalDouble.of(registers
          .list(RegisterKind.EVIDENCE_TASK).stream()
          .filter(t -> t.date("nextDue").orElseThrow().isBefore(day)).count());
      case "risks-above-acceptance" -> {
        var method = RiskMethod.of(registers.find(RegisterKind.RISK_METHOD, "method"));
        long above = 0;
        for (var r : registers.list(RegisterKind.RISK)) {
          int likelihood = r.integer("residualLikelihood")
              .orElse(r.integer("likelihood").orElseThrow()).intValue();
          int impact = r.integer("residualImpact")
              .orElse(r.integer("impact").orElseThrow()).intValue();
          if (!method.acceptable(likelihood * impact)) {
            above++;
          }
        }
        yield OptionalDouble.of(above);
      }
      default -> throw new IllegalArgumentException("unknown KPI '" + kpi + "'; one of "
          + KPIS.keySet());
    };
  }
}
