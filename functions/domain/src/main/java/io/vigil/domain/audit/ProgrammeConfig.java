package io.vigil.domain.audit;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the audit programme is planned (the configuration contract of {@code vigil audits plan}).
 *
 * @param cycleMonths every item is audited at least once per cycle (default 12)
 * @param auditSize the most items one audit covers
 * @param auditors who may audit, with capacity and unavailable periods
 * @param owners item id ("9.2", "A.8.24") → the auditor/person id who owns it (may not audit it)
 * @param notApplicable Annex A control ids excluded by the Statement of Applicability
 * @param weights how risk inputs shorten an item's audit interval
 * @param cycleStart the day cycles start (default 1 January; day of month capped at 28): with a
 *     12-month cycle, the programme year
 */
public record ProgrammeConfig(
    int cycleMonths,
    int auditSize,
    List<Auditor> auditors,
    Map<String, String> owners,
    Set<String> notApplicable,
    RiskWeights weights,
    MonthDay cycleStart) {

  /** Cycles starting on 1 January. */
  public ProgrammeConfig(int cycleMonths, int auditSize, List<Auditor> auditors,
      Map<String, String> owners, Set<String> notApplicable, RiskWeights weights) {
    this(cycleMonths, auditSize, auditors, owners, notApplicable, weights, null);
  }

  /** An auditor of the programme. */
  public record Auditor(String id, String name, String email, int maxAuditsPerMonth,
      List<Period> unavailable) {
    public Auditor {
      unavailable = List.copyOf(unavailable == null ? List.of() : unavailable);
    }

    public boolean availableOn(LocalDate day) {
      return unavailable.stream().noneMatch(p -> p.contains(day));
    }
  }

  /** A closed date range, both ends included. */
  public record Period(LocalDate from, LocalDate to) {
    public Period {
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("period ends (" + to + ") before it starts (" + from
            + ")");
      }
    }

    public boolean contains(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }
  }

  /**
   * An item's interval is {@code cycleMonths / (1 + failingEvidence·f + openNonconformity·n +
   * majorNonconformity·m + riskLevel·r)}, rounded down to whole months and at least
   * {@code minimumIntervalMonths}: more risk never means a longer interval.
   */
  public record RiskWeights(double failingEvidence, double openNonconformity,
      double majorNonconformity, double riskLevel, int minimumIntervalMonths) {
    public static RiskWeights defaults() {
      return new RiskWeights(0.5, 0.5, 1.0, 0.5, 1);
    }
  }

  public ProgrammeConfig {
    auditors = List.copyOf(auditors == null ? List.of() : auditors);
    owners = Map.copyOf(owners == null ? Map.of() : owners);
    notApplicable = Set.copyOf(notApplicable == null ? Set.of() : notApplicable);
    weights = weights == null ? RiskWeights.defaults() : weights;
    cycleStart = cycleStart == null ? MonthDay.of(1, 1) : cycleStart;
  }
}
