package io.vigil.functions.scheduleaudits;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vigil.domain.audit.AuditItem;
import io.vigil.domain.audit.AuditUniverse;
import io.vigil.domain.audit.ProgrammeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the audit programme configuration (the contract of {@code vigil audits plan --config} and
 * of the schedule-audits function) into a {@link ProgrammeConfig}. Strict: unknown fields,
 * duplicate keys and wrong types are refused with a {@link ProgrammeConfigException} naming the
 * field.
 *
 * <pre>{@code
 * {
 *   "cycleMonths": 12,                       // optional, default 12, 1..60
 *   "cycleStart": "01-01",                   // optional, MM-DD, default 01-01 (day 29-31: 28)
 *   "auditSize": 5,                          // required, items per audit, >= 1
 *   "auditors": [ { "id": "carol", "name": "Carol", "email": "carol@example.org",
 *                   "maxAuditsPerMonth": 2,  // >= 1
 *                   "unavailable": [["2027-08-01", "2027-08-21"]] } ],   // optional
 *   "owners": { "A.8.24": "dave", "9.2": "carol" },   // optional: item id -> person id
 *   "notApplicable": ["A.7.5"],                        // optional: Annex A control ids
 *   "weights": { "failingEvidence": 0.5, "openNonconformity": 0.5, "majorNonconformity": 1.0,
 *                "riskLevel": 0.5, "minimumIntervalMonths": 1 }   // optional, each optional
 * }
 * }</pre>
 */
public final class ProgrammeConfigJson {

  /** Default cycle when {@code cycleMonths} is absent. */
  public static final int DEFAULT_CYCLE_MONTHS = 12;

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  /** Every clause and Annex A control id of the audit universe. */
  private static final Set<String> ITEMS = AuditUniverse.of(Set.of()).stream().map(AuditItem::id)
      .collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final Set<String> TOP = Set.of("cycleMonths", "cycleStart", "auditSize",
      "auditors", "owners", "notApplicable", "weights");
  private static final Set<String> AUDITOR = Set.of("id", "name", "email", "maxAuditsPerMonth",
      "unavailable");
  private static final Set<String> WEIGHTS = Set.of("failingEvidence", "openNonconformity",
      "majorNonconformity", "riskLevel", "minimumIntervalMonths");

  private ProgrammeConfigJson() {}

  /** Reads the configuration file at {@code file}. */
  public static ProgrammeConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit programme configuration " + file
          + ": " + e.getMessage(), e);
    }
    return parse(text);
  }

  /** Parses the configuration JSON. */
  public static ProgrammeConfig parse(String json) {
    if (json == null || json.isBlank()) {
      throw new ProgrammeConfigException("", "the audit programme configuration is empty");
    }
    Object root;
    try (var parser = JSON.createParser(json)) {
      if (parser.nextToken() == null) {
        throw new ProgrammeConfigException("", "the audit programme configuration is empty");
      }
      root = value(parser);
      if (parser.nextToken() != null) {
        throw new ProgrammeConfigException("", "unexpected content after the JSON object");
      }
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new ProgrammeConfigException("", "not valid JSON: " + e.getOriginalMessage()
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr()
              + ")"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var top = object(root, "");
    unknown(top, TOP, "");
    int cycle = top.containsKey("cycleMonths")
        ? integer(top.get("cycleMonths"), "cycleMonths", 1, 60) : DEFAULT_CYCLE_MONTHS;
    if (!top.containsKey("auditSize")) {
      throw new ProgrammeConfigException("auditSize", "is required (items per audit, >= 1)");
    }
    int size = integer(top.get("auditSize"), "auditSize", 1, 10_000);
    var auditors = auditors(top.get("auditors"));
    var owners = owners(top.get("owners"));
    var notApplicable = notApplicable(top.get("notApplicable"));
    var weights = weights(top.get("weights"));
    if (weights.minimumIntervalMonths() > cycle) {
      throw new ProgrammeConfigException("weights.minimumIntervalMonths", "must not exceed"
          + " cycleMonths (" + cycle + ")");
    }
    var cycleStart = cycleStart(top.get("cycleStart"));
    return new ProgrammeConfig(cycle, size, auditors, owners, notApplicable, weights, cycleStart);
  }

  private static MonthDay cycleStart(Object value) {
    if (value == null) {
      return MonthDay.of(1, 1);
    }
    var text = text(value, "cycleStart", true);
    try {
      return MonthDay.parse("--" + text);
    } catch (DateTimeParseException e) {
      throw new ProgrammeConfigException("cycleStart", "'" + text + "' is not a day of the year"
          + " (MM-DD, e.g. \"04-01\" for cycles starting on 1 April)");
    }
  }

  private static List<ProgrammeConfig.Auditor> auditors(Object value) {
    if (value == null) {
      throw new ProgrammeConfigException("auditors", "is required (at least one auditor)");
    }
    var list = array(value, "auditors");
    if (list.isEmpty()) {
      throw new ProgrammeConfigException("auditors", "needs at least one auditor");
    }
    var ids = new HashSet<String>();
    var result = new ArrayList<ProgrammeConfig.Auditor>();
    for (int i = 0; i < list.size(); i++) {
      var path = "auditors[" + i + "]";
      var a = object(list.get(i), path);
      unknown(a, AUDITOR, path);
      var id = text(a.get("id"), path + ".id", true);
      if (!ids.add(id)) {
        throw new ProgrammeConfigException(path + ".id", "duplicate auditor id '" + id + "'");
      }
      var name = text(a.get("name"), path + ".name", true);
      var email = text(a.get("email"), path + ".email", true);
      if (!email.matches("[^@\\s]+@[^@\\s]+")) {
        throw new ProgrammeConfigException(path + ".email", "'" + email
            + "' is not an e-mail address");
      }
      if (!a.containsKey("maxAuditsPerMonth")) {
        throw new ProgrammeConfigException(path + ".maxAuditsPerMonth", "is required (>= 1)");
      }
      int max = integer(a.get("maxAuditsPerMonth"), path + ".maxAuditsPerMonth", 1, 1_000);
      var periods = new ArrayList<ProgrammeConfig.Period>();
      if (a.get("unavailable") != null) {
        var un = array(a.get("unavailable"), path + ".unavailable");
        for (int j = 0; j < un.size(); j++) {
          var ppath = path + ".unavailable[" + j + "]";
          var pair = array(un.get(j), ppath);
          if (pair.size() != 2) {
            throw new ProgrammeConfigException(ppath, "must be [from, to] (two dates)");
          }
          var from = date(pair.get(0), ppath + "[0]");
          var to = date(pair.get(1), ppath + "[1]");
          if (to.isBefore(from)) {
            throw new ProgrammeConfigException(ppath, "ends (" + to + ") before it starts ("
                + from + ")");
          }
          periods.add(new ProgrammeConfig.Period(from, to));
        }
      }
      result.add(new ProgrammeConfig.Auditor(id, name, email, max, periods));
    }
    return result;
  }

  private static Map<String, String> owners(Object value) {
    var owners = new LinkedHashMap<String, String>();
    if (value == null) {
      return owners;
    }
    object(value, "owners").forEach((item, person) -> {
      var path = "owners." + item;
      if (!ITEMS.contains(item)) {
        throw new ProgrammeConfigException(path, "'" + item + "' is not a clause (\"9.2\","
            + " \"6.1.3\") or Annex A control (\"A.8.24\") of the audit universe");
      }
      owners.put(item, text(person, path, true));
    });
    return owners;
  }

  private static Set<String> notApplicable(Object value) {
    var result = new LinkedHashSet<String>();
    if (value == null) {
      return result;
    }
    var list = array(value, "notApplicable");
    for (int i = 0; i < list.size(); i++) {
      var path = "notApplicable[" + i + "]";
      var id = text(list.get(i), path, true);
      if (!id.startsWith("A.") || !ITEMS.contains(id)) {
        throw new ProgrammeConfigException(path, "'" + id + "' is not an Annex A control id"
            + " (\"A.5.1\" .. \"A.8.34\"); clauses are always applicable");
      }
      result.add(id);
    }
    return result;
  }

  private static ProgrammeConfig.RiskWeights weights(Object value) {
    var d = ProgrammeConfig.RiskWeights.defaults();
    if (value == null) {
      return d;
    }
    var w = object(value, "weights");
    unknown(w, WEIGHTS, "weights");
    return new ProgrammeConfig.RiskWeights(
        weight(w, "failingEvidence", d.failingEvidence()),
        weight(w, "openNonconformity", d.openNonconformity()),
        weight(w, "majorNonconformity", d.majorNonconformity()),
        weight(w, "riskLevel", d.riskLevel()),
        w.containsKey("minimumIntervalMonths")
            ? integer(w.get("minimumIntervalMonths"), "weights.minimumIntervalMonths", 1, 60)
            : d.minimumIntervalMonths());
  }

  private static double weight(Map<String, Object> w, String key, double fallback) {
    if (!w.containsKey(key)) {
      return fallback;
    }
    var path = "weights." + key;
    if (!(w.get(key) instanceof Number n)) {
      throw new ProgrammeConfigException(path, "must be a number >= 0");
    }
    double v = n.doubleValue();
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new ProgrammeConfigException(path, "must be a number >= 0, got " + v);
    }
    return v;
  }

  private static void unknown(Map<String, Object> object, Set<String> known, String path) {
    for (var key : object.keySet()) {
      if (!known.contains(key)) {
        throw new ProgrammeConfigException(path.isEmpty() ? key : path + "." + key,
            "unknown field (expected one of " + known.stream().sorted().toList() + ")");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String path) {
    if (!(value instanceof Map<?, ?> m)) {
      throw new ProgrammeConfigException(path, "must be a JSON object");
    }
    return (Map<String, Object>) m;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> array(Object value, String path) {
    if (!(value instanceof List<?> l)) {
      throw new ProgrammeConfigException(path, "must be a JSON array");
    }
    return (List<Object>) l;
  }

  private static String text(Object value, String path, boolean required) {
    if (value == null && required) {
      throw new ProgrammeConfigException(path, "is required");
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw new ProgrammeConfigException(path, "must be a non-empty string");
    }
    return s.trim();
  }

  private static int integer(Object value, String path, int min, int max) {
    if (!(value instanceof Integer || value instanceof Long)) {
      throw new ProgrammeConfigException(path, "must be a whole number from " + min + " to "
          + max);
    }
    long v = ((Number) value).longValue();
    if (v < min || v > max) {
      throw new ProgrammeConfigException(path, "must be from " + min + " to " + max + ", got "
          + v);
    }
    return (int) v;
  }

  private static LocalDate date(Object value, String path) {
    var s = text(value, path, true);
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new ProgrammeConfigException(path, "'" + s + "' is not a date (yyyy-MM-dd)");
    }
  }

  private static Object value(JsonParser p) throws IOException {
    var token = p.currentToken();
    switch (token) {
      case START_OBJECT -> {
        var map = new LinkedHashMap<String, Object>();
        while (p.nextToken() != JsonToken.END_OBJECT) {
          var key = p.currentName();
          p.nextToken();
          map.put(key, value(p));
        }
        return map;
      }
      case START_ARRAY -> {
        var list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p));
        }
        return list;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        // beyond long: kept as a BigInteger, so the field's own check names it
        return switch (p.getNumberType()) {
          case INT -> (Object) p.getIntValue();
          case LONG -> (Object) p.getLongValue();
          default -> (Object) p.getBigIntegerValue();
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new ProgrammeConfigException("", "unexpected JSON token " + token);
    }
  }
}
