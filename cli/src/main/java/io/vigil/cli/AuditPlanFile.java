package io.vigil.cli;

import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.ProgrammeConfig;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The audit plan as {@code vigil audits plan} writes it and {@code vigil audits export} reads it:
 * {@code {from, to, audits: [{id, date, auditor, auditorName?, auditorEmail?, items, criteria,
 * scope, method}], unassigned: [{item, reason}]}}.
 */
final class AuditPlanFile {

  /** One planned audit, with the auditor's name and e-mail when the configuration gave them. */
  record Entry(String id, LocalDate date, String auditor, String auditorName,
      String auditorEmail, List<String> items, String criteria, String scope, String method) {
    Entry {
      items = List.copyOf(items);
    }
  }

  /** A plan: its cycle, audits in date order, and the items no eligible auditor could take. */
  record Plan(LocalDate from, LocalDate to, List<Entry> audits,
      List<AuditPlan.Unassigned> unassigned) {
    Plan {
      audits = audits.stream().sorted(Comparator.comparing(Entry::date)
          .thenComparing(Entry::id)).toList();
      unassigned = List.copyOf(unassigned);
    }
  }

  private AuditPlanFile() {}

  /** The planner's plan with the names and e-mails of the configured auditors. */
  static Plan of(AuditPlan plan, ProgrammeConfig config) {
    var auditors = config.auditors().stream().collect(
        Collectors.toMap(ProgrammeConfig.Auditor::id, Function.identity(), (a, b) -> a));
    var entries = plan.audits().stream().map(a -> {
      var who = auditors.get(a.auditor());
      return new Entry(a.id(), a.date(), a.auditor(), who == null ? null : who.name(),
          who == null ? null : who.email(), a.items(), a.criteria(), a.scope(), a.method());
    }).toList();
    return new Plan(plan.from(), plan.to(), entries, plan.unassigned());
  }

  /** The plan as a JSON tree (keys in contract order, absent name/e-mail left out). */
  static Map<String, Object> toTree(Plan plan) {
    var root = new LinkedHashMap<String, Object>();
    root.put("from", plan.from().toString());
    root.put("to", plan.to().toString());
    var audits = new ArrayList<Object>();
    for (var a : plan.audits()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("id", a.id());
      m.put("date", a.date().toString());
      m.put("auditor", a.auditor());
      if (a.auditorName() != null) {
        m.put("auditorName", a.auditorName());
      }
      if (a.auditorEmail() != null) {
        m.put("auditorEmail", a.auditorEmail());
      }
      m.put("items", a.items());
      m.put("criteria", a.criteria());
      m.put("scope", a.scope());
      m.put("method", a.method());
      audits.add(m);
    }
    root.put("audits", audits);
    var unassigned = new ArrayList<Object>();
    for (var u : plan.unassigned()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("item", u.item());
      m.put("reason", u.reason());
      unassigned.add(m);
    }
    root.put("unassigned", unassigned);
    return root;
  }

  /**
   * Reads a plan file.
   *
   * @throws IllegalArgumentException with one line naming the field that is wrong
   */
  static Plan parse(String json) {
    Map<String, Object> root;
    try {
      root = Json.parseObject(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid JSON: " + Failures.describe(e));
    }
    var audits = new ArrayList<Entry>();
    var list = list(root.get("audits"), "audits");
    for (int i = 0; i < list.size(); i++) {
      var p = "audits[" + i + "]";
      var a = object(list.get(i), p);
      var items = list(a.get("items"), p + ".items").stream()
          .map(v -> text(v, p + ".items")).toList();
      audits.add(new Entry(text(a.get("id"), p + ".id"), date(a.get("date"), p + ".date"),
          text(a.get("auditor"), p + ".auditor"), optional(a.get("auditorName")),
          optional(a.get("auditorEmail")), items, orEmpty(a.get("criteria")),
          orEmpty(a.get("scope")), orEmpty(a.get("method"))));
    }
    var unassigned = new ArrayList<AuditPlan.Unassigned>();
    var raw = root.get("unassigned") == null ? List.of() : list(root.get("unassigned"),
        "unassigned");
    for (int i = 0; i < raw.size(); i++) {
      var p = "unassigned[" + i + "]";
      var u = object(raw.get(i), p);
      unassigned.add(new AuditPlan.Unassigned(text(u.get("item"), p + ".item"),
          orEmpty(u.get("reason"))));
    }
    return new Plan(date(root.get("from"), "from"), date(root.get("to"), "to"), audits,
        unassigned);
  }

  /** The plan as a readable table (header line, one row per audit, then the unassigned). */
  static String table(Plan plan) {
    var sb = new StringBuilder();
    sb.append("Audit programme ").append(plan.from()).append(" to ").append(plan.to())
        .append(": ").append(plan.audits().size()).append(" audit(s), ")
        .append(plan.unassigned().size()).append(" item(s) unassigned\n");
    if (!plan.audits().isEmpty()) {
      int idWidth = Math.max(2, plan.audits().stream().mapToInt(a -> a.id().length()).max()
          .orElse(2));
      int whoWidth = Math.max(7, plan.audits().stream().mapToInt(a -> a.auditor().length())
          .max().orElse(7));
      var format = "%-10s  %-" + idWidth + "s  %-" + whoWidth + "s  %s%n";
      sb.append(String.format(format, "DATE", "ID", "AUDITOR", "ITEMS"));
      for (var a : plan.audits()) {
        sb.append(String.format(format, a.date(), a.id(), a.auditor(),
            String.join(" ", a.items())));
      }
    }
    if (!plan.unassigned().isEmpty()) {
      sb.append("Unassigned:\n");
      for (var u : plan.unassigned()) {
        sb.append("  ").append(u.item()).append("  ").append(u.reason()).append('\n');
      }
    }
    return sb.toString();
  }

  private static List<?> list(Object value, String path) {
    if (!(value instanceof List<?> l)) {
      throw new IllegalArgumentException(path + " must be an array");
    }
    return l;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String path) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(path + " must be an object");
    }
    return (Map<String, Object>) value;
  }

  private static String text(Object value, String path) {
    if (!(value instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException(path + " must be a non-empty string");
    }
    return s;
  }

  private static String optional(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  private static String orEmpty(Object value) {
    return value == null ? "" : Objects.toString(value);
  }

  private static LocalDate date(Object value, String path) {
    if (value instanceof String s) {
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(path + " must be a date YYYY-MM-DD");
  }
}
