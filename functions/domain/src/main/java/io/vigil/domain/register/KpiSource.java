package io.vigil.domain.register;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Port: the current value of a key performance indicator, for objectives tied to a KPI (6.2) and
 * for the performance summary (9.1). {@link #KPIS} lists the KPIs an objective may name.
 */
@FunctionalInterface
public interface KpiSource {

  /** KPI id → what it measures. */
  Map<String, String> KPIS = kpis();

  /** The KPI's value on {@code day}; empty when it cannot be measured (no data). */
  OptionalDouble measure(String kpi, LocalDate day);

  private static Map<String, String> kpis() {
    var m = new LinkedHashMap<String, String>();
    m.put("control-pass-rate", "share of passing automated check results (PASS / (PASS + FAIL)),"
        + " in percent");
    m.put("open-nonconformities", "open major and minor nonconformities (count)");
    m.put("overdue-corrective-actions", "corrective actions past their due date (count)");
    m.put("awareness-completion", "awareness trainings completed of those recorded, in percent");
    m.put("evidence-tasks-overdue", "manual evidence tasks past their due date (count)");
    m.put("risks-above-acceptance", "risks whose current level exceeds the acceptance threshold"
        + " (count)");
    return java.util.Collections.unmodifiableMap(m);
  }
}
