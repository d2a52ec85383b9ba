package io.vigil.cli;

import io.vigil.domain.audit.AuditItem;
import io.vigil.domain.audit.AuditUniverse;
import io.vigil.domain.audit.ProgrammeConfig;
import io.vigil.domain.audit.ProgrammeConfig.Auditor;
import io.vigil.domain.audit.ProgrammeConfig.Period;
import io.vigil.domain.audit.ProgrammeConfig.RiskWeights;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the configuration contract of {@code vigil audits plan} (README "Internal audit
 * programme") into a {@link ProgrammeConfig}:
 *
 * <pre>{@code
 * {"cycleMonths": 12, "auditSize": 6,
 *  "auditors": [{"id": "alice", "name": "Alice", "email": "alice@acme.example",
 *                "maxAuditsPerMonth": 2, "unavailable": [["2027-07-01", "2027-07-31"]]}],
 *  "owners": {"A.8.24": "alice"}, "notApplicable": ["A.7.1"],
 *  "weights": {"failingEvidence": 0.5, "openNonconformity": 0.5, "majorNonconformity": 1,
 *              "riskLevel": 0.5, "minimumIntervalMonths": 1}}
 * }</pre>
 *
 * <p>Everything is validated and unknown fields are rejected; each error is one line naming the
 * JSON path of the field, e.g. {@code auditors[1].maxAuditsPerMonth must be a positive whole
 * number}. Pure Java (jackson-core streaming only): no application context is needed.
 */
public final class ProgrammeConfigParser {

  /** The cycle when {@code cycleMonths} is absent. */
  public static final int DEFAULT_CYCLE_MONTHS = 12;

  private static final Set<String> TOP = Set.of("cycleMonths", "auditSize", "auditors", "owners",
      "notApplicable", "weights");
  private static final Set<String> AUDITOR = Set.of("id", "name", "email", "maxAuditsPerMonth",
      "unavailable");
  private static final Set<String> WEIGHTS = Set.of("failingEvidence", "openNonconformity",
      "majorNonconformity", "riskLevel", "minimumIntervalMonths");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_CYCLE_MONTHS = 120;

  /** A configuration that breaks the contract; the message names the field. */
  public static final class InvalidConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The error, one line naming the JSON path. */
    public InvalidConfigException(String message) {
      super(message);
    }
  }

  private final Set<String> items;
  private final Set<String> controls;

  /** A parser validating item ids against the full audit universe (clauses and Annex A). */
  public ProgrammeConfigParser() {
    var universe = AuditUniverse.of(Set.of());
    this.items = universe.stream().map(AuditItem::id).collect(Collectors.toSet());
    this.controls = universe.stream().filter(i -> i.kind() == AuditItem.Kind.CONTROL)
        .map(AuditItem::id).collect(Collectors.toSet());
  }

  /**
   * Parses and validates a configuration document.
   *
   * @throws InvalidConfigException naming the field (or the JSON syntax error) that is wrong
   */
  public ProgrammeConfig parse(String json) {
    Object tree;
    try {
      tree = Json.parse(json);
    } catch (IOException e) {
      throw new InvalidConfigException("not valid JSON: " + Failures.describe(e));
    }
    if (!(tree instanceof Map<?, ?>)) {
      throw invalid("the configuration must be a JSON object");
    }
    var root = object(tree, "");
    unknownFields(root, TOP, "");
    int cycle = root.containsKey("cycleMonths")
        ? positiveInt(root.get("cycleMonths"), "cycleMonths") : DEFAULT_CYCLE_MONTHS;
    if (cycle > MAX_CYCLE_MONTHS) {
      throw invalid("cycleMonths must be at most " + MAX_CYCLE_MONTHS);
    }
    int size = positiveInt(required(root, "auditSize", ""), "auditSize");
    var auditors = auditors(required(root, "auditors", ""));
    var owners = owners(root.get("owners"));
    var notApplicable = notApplicable(root.get("notApplicable"));
    var weights = weights(root.get("weights"), cycle);
    return new ProgrammeConfig(cycle, size, auditors, owners, notApplicable, weights);
  }

  private List<Auditor> auditors(Object value) {
    var list = list(value, "auditors");
    if (list.isEmpty()) {
      throw invalid("auditors must list at least one auditor");
    }
    var result = new ArrayList<Auditor>();
    var ids = new HashSet<String>();
    for (int i = 0; i < list.size(); i++) {
      var path = "auditors[" + i + "]";
      var a = object(list.get(i), path);
      unknownFields(a, AUDITOR, path + ".");
      var id = text(required(a, "id", path + "."), path + ".id");
      if (!ids.add(id)) {
        throw invalid(path + ".id '" + id + "' is already used by another auditor");
      }
      var name = text(required(a, "name", path + "."), path + ".name");
      var email = text(required(a, "email", path + "."), path + ".email");
      if (!EMAIL.matcher(email).matches()) {
        throw invalid(path + ".email '" + email + "' is not an e-mail address");
      }
      int max = positiveInt(required(a, "maxAuditsPerMonth", path + "."),
          path + ".maxAuditsPerMonth");
      result.add(new Auditor(id, name, email, max, periods(a.get("unavailable"),
          path + ".unavailable")));
    }
    return result;
  }

  private static List<Period> periods(Object value, String path) {
    if (value == null) {
      return List.of();
    }
    var list = list(value, path);
    var result = new ArrayList<Period>();
    for (int i = 0; i < list.size(); i++) {
      var p = path + "[" + i + "]";
      if (!(list.get(i) instanceof List<?> pair) || pair.size() != 2) {
        throw invalid(p + " must be a pair [from, to] of dates YYYY-MM-DD");
      }
      var from = date(pair.get(0), p + "[0]");
      var to = date(pair.get(1), p + "[1]");
      if (to.isBefore(from)) {
        throw invalid(p + " ends (" + to + ") before it starts (" + from + ")");
      }
      result.add(new Period(from, to));
    }
    return result;
  }

  private Map<String, String> owners(Object value) {
    if (value == null) {
      return Map.of();
    }
    var map = object(value, "owners");
    var result = new LinkedHashMap<String, String>();
    for (var e : map.entrySet()) {
      if (!items.contains(e.getKey())) {
        throw invalid("owners key '" + e.getKey() + "' is not a clause or Annex A control"
            + " (ids like \"9.2\" or \"A.8.24\")");
      }
      result.put(e.getKey(), text(e.getValue(), "owners['" + e.getKey() + "']"));
    }
    return result;
  }

  private Set<String> notApplicable(Object value) {
    if (value == null) {
      return Set.of();
    }
    var list = list(value, "notApplicable");
    var result = new LinkedHashSet<String>();
    for (int i = 0; i < list.size(); i++) {
      var path = "notApplicable[" + i + "]";
      var id = text(list.get(i), path);
      if (!controls.contains(id)) {
        throw invalid(path + " '" + id + "' is not an Annex A control"
            + (items.contains(id) ? ": clauses 4-10 always apply" : " (ids like \"A.7.1\")"));
      }
      result.add(id);
    }
    return result;
  }

  private static RiskWeights weights(Object value, int cycle) {
    var d = RiskWeights.defaults();
    if (value == null) {
      return d;
    }
    var map = object(value, "weights");
    unknownFields(map, WEIGHTS, "weights.");
    int minimum = map.containsKey("minimumIntervalMonths")
        ? positiveInt(map.get("minimumIntervalMonths"), "weights.minimumIntervalMonths")
        : d.minimumIntervalMonths();
    if (minimum > cycle) {
      throw invalid("weights.minimumIntervalMonths must not exceed cycleMonths (" + cycle + ")");
    }
    return new RiskWeights(
        weight(map, "failingEvidence", d.failingEvidence()),
        weight(map, "openNonconformity", d.openNonconformity()),
        weight(map, "majorNonconformity", d.majorNonconformity()),
        weight(map, "riskLevel", d.riskLevel()),
        minimum);
  }

  private static double weight(Map<String, Object> map, String name, double fallback) {
    if (!map.containsKey(name)) {
      return fallback;
    }
    var v = map.get(name);
    if (!(v instanceof Number n) || n.doubleValue() < 0 || Double.isInfinite(n.doubleValue())) {
      throw invalid("weights." + name + " must be a number of at least 0");
    }
    return n.doubleValue();
  }

  private static void unknownFields(Map<String, Object> map, Set<String> known, String prefix) {
    for (var key : map.keySet()) {
      if (!known.contains(key)) {
        throw invalid("unknown field '" + prefix + key + "' (expected one of "
            + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
      }
    }
  }

  private static Object required(Map<String, Object> map, String name, String prefix) {
    var v = map.get(name);
    if (v == null) {
      throw invalid(prefix + name + " is required");
    }
    return v;
  }

  private static int positiveInt(Object value, String path) {
    long n;
    if (value instanceof Integer || value instanceof Long) {
      n = ((Number) value).longValue();
    } else if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0
        && d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
      n = d.longValue();
    } else {
      n = -1;
    }
    if (n <= 0 || n > Integer.MAX_VALUE) {
      throw invalid(path + " must be a positive whole number");
    }
    return (int) n;
  }

  private static String text(Object value, String path) {
    if (!(value instanceof String s) || s.isBlank()) {
      throw invalid(path + " must be a non-empty string");
    }
    return s.strip();
  }

  private static LocalDate date(Object value, String path) {
    if (value instanceof String s) {
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw invalid(path + " must be a date YYYY-MM-DD");
  }

  private static List<?> list(Object value, String path) {
    if (!(value instanceof List<?> l)) {
      throw invalid(path + " must be an array");
    }
    return l;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String path) {
    if (!(value instanceof Map<?, ?>)) {
      throw invalid(path + " must be an object");
    }
    return (Map<String, Object>) value;
  }

  private static InvalidConfigException invalid(String message) {
    return new InvalidConfigException(message);
  }
}
