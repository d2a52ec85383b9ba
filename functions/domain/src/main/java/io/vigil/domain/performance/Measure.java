package io.vigil.domain.performance;

import java.util.List;

/**
 * The built-in measures of clause 9.1: for each, what is measured, the method, how often, who
 * measures, when it is analysed and who evaluates it — the facts 9.1 b)–f) asks the ISMS to
 * determine — and the unit, and which direction is better.
 */
public enum Measure {

  CONTROL_PASS_RATE("Control pass rate", "share of passing automated check results over passing"
      + " and failing ones, overall and per Annex A theme and per account", "%", true),
  EVIDENCE_FRESHNESS("Evidence freshness", "share of controls with automated checks whose latest"
      + " evidence is younger than 26 hours (one missed daily collection tolerated)", "%", true),
  OPEN_FINDINGS("Open findings", "open findings, by type and by age (0-30, 31-90, 91-180,"
      + " over 180 days)", "count", false),
  OVERDUE_ACTIONS("Overdue corrective actions", "outstanding corrective actions past their due"
      + " date", "count", false),
  MEAN_TIME_TO_CLOSE("Mean time to close", "mean days from raising to closing of the findings"
      + " closed in the period", "days", false),
  AUDIT_PROGRAMME_COMPLETION("Audit programme completion", "share of the audits planned up to"
      + " the end of the period that were completed", "%", true),
  RISK_TREATMENT_PROGRESS("Risk treatment progress", "share of risk treatment plan actions"
      + " done; risks within the acceptance threshold", "%", true),
  OBJECTIVES_ATTAINMENT("Objectives attainment", "share of objectives with a measurement that"
      + " are attained", "%", true),
  EVIDENCE_TASKS_OVERDUE("Manual evidence tasks overdue", "manual evidence tasks past their due"
      + " date", "count", false);

  private final String title;
  private final String what;
  private final String unit;
  private final boolean higherIsBetter;

  Measure(String title, String what, String unit, boolean higherIsBetter) {
    this.title = title;
    this.what = what;
    this.unit = unit;
    this.higherIsBetter = higherIsBetter;
  }

  public String title() {
    return title;
  }

  public String what() {
    return what;
  }

  public String unit() {
    return unit;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** The id used in storage and exports: {@code control-pass-rate}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** How Vigil determines it (9.1 b–f), the same for every built-in measure. */
  public static List<String> determination() {
    return List.of(
        "Method: computed by Vigil from its records (latest check results per unit of the last"
            + " full collection, findings, corrective actions, audits, registers), the same way"
            + " every period (9.1 b).",
        "When monitored and measured: weekly summary and at the end of each month or quarter,"
            + " by the summarize-performance function (9.1 c); results are stored per period.",
        "Who monitors and measures: Vigil, automatically (9.1 d).",
        "When analysed and evaluated: at each management review, and when a weekly summary"
            + " shows a worse trend (9.1 e).",
        "Who analyses and evaluates: the ISMS manager, with top management at the management"
            + " review (9.1 f).");
  }
}
