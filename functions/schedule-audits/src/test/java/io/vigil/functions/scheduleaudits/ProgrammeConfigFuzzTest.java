package io.vigil.functions.scheduleaudits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad input in the audit programme configuration (issue 11, "Bad input"): generated mutations of
 * the full contract document ({@link ProgrammeConfigJsonTest#FULL}) — values of other types, out
 * of range, removed or unknown fields, and broken JSON text — must each yield either a parsed
 * configuration or a {@link ProgrammeConfigException} with a message; when the text is valid JSON
 * with an object at the top, the exception names the field. Nothing else may escape.
 *
 * <p>Seeded: {@value #SEED} unless {@code -Dvigil.fuzz.seed=N}.
 */
class ProgrammeConfigFuzzTest {

  static final long SEED = 20261128L;
  static final int CASES = 500;

  private static final List<String> KEYS = List.of("cycleMonths", "cycleStart", "auditSize",
      "auditors", "owners", "notApplicable", "weights", "id", "name", "email",
      "maxAuditsPerMonth", "unavailable", "failingEvidence", "openNonconformity",
      "majorNonconformity", "riskLevel", "minimumIntervalMonths", "A.8.24", "9.2", "bogus", " ");

  @Test
  void everyMutationParsesOrNamesTheField() {
    long seed = Long.getLong("vigil.fuzz.seed", SEED);
    var rnd = new Random(seed);
    int parsed = 0;
    int rejected = 0;
    for (int i = 0; i < CASES; i++) {
      var tree = full();
      boolean textual = rnd.nextInt(4) == 0;
      int n = 1 + rnd.nextInt(3);
      for (int m = 0; m < n; m++) {
        mutate(tree, rnd);
      }
      var json = write(tree);
      if (textual) {
        json = mutateText(json, rnd);
      }
      int c = i;
      var text = json;
      try {
        assertNotNull(ProgrammeConfigJson.parse(json));
        parsed++;
      } catch (ProgrammeConfigException e) {
        rejected++;
        assertNotNull(e.getMessage(), "case " + c);
        assertFalse(e.getMessage().isBlank(), "case " + c);
        if (!textual) {
          assertFalse(e.field().isEmpty(), () -> "case " + c + " (seed " + seed
              + "): no field named for " + text + ": " + e.getMessage());
        }
      } catch (Throwable t) {
        throw new AssertionError("case " + c + " (seed " + seed + ") threw " + t + " for "
            + text, t);
      }
    }
    assertTrue(parsed > 0, "parsed " + parsed);
    assertTrue(rejected > CASES / 2, "rejected " + rejected);
  }

  /** Found by this test: a nesting depth beyond the parser's limit threw an NPE. */
  @Test
  void deepNestingIsAClearError() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(ProgrammeConfigException.class,
        () -> ProgrammeConfigJson.parse("[".repeat(5000)));
    assertTrue(e.getMessage().startsWith("not valid JSON"), e.getMessage());
  }

  /** Found by this test: an integer beyond long was "not valid JSON" naming no field. */
  @Test
  void aHugeIntegerNamesItsField() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(ProgrammeConfigException.class,
        () -> ProgrammeConfigJson.parse("{\"auditSize\": " + "9".repeat(40) + "}"));
    org.junit.jupiter.api.Assertions.assertEquals("auditSize", e.field());
  }

  static Map<String, Object> full() {
    var carol = new LinkedHashMap<String, Object>();
    carol.put("id", "carol");
    carol.put("name", "Carol");
    carol.put("email", "carol@example.org");
    carol.put("maxAuditsPerMonth", 2);
    carol.put("unavailable", new ArrayList<>(List.of(
        new ArrayList<Object>(List.of("2027-08-01", "2027-08-21")))));
    var dave = new LinkedHashMap<String, Object>();
    dave.put("id", "dave");
    dave.put("name", "Dave");
    dave.put("email", "dave@example.org");
    dave.put("maxAuditsPerMonth", 1);
    var top = new LinkedHashMap<String, Object>();
    top.put("cycleMonths", 6);
    top.put("auditSize", 4);
    top.put("auditors", new ArrayList<Object>(List.of(carol, dave)));
    top.put("owners", new LinkedHashMap<String, Object>(Map.of("A.8.24", "dave", "9.2",
        "carol")));
    top.put("notApplicable", new ArrayList<Object>(List.of("A.7.5")));
    top.put("weights", new LinkedHashMap<String, Object>(Map.of("majorNonconformity", 2,
        "minimumIntervalMonths", 2)));
    return top;
  }

  /** Replaces, removes or adds one value somewhere in the tree. */
  @SuppressWarnings("unchecked")
  static void mutate(Object node, Random rnd) {
    while (true) {
      if (node instanceof Map<?, ?> raw) {
        var map = (Map<String, Object>) raw;
        var keys = new ArrayList<>(map.keySet());
        if (keys.isEmpty() || rnd.nextInt(8) == 0) {
          map.put(KEYS.get(rnd.nextInt(KEYS.size())), value(rnd));
          return;
        }
        var key = keys.get(rnd.nextInt(keys.size()));
        var child = map.get(key);
        if ((child instanceof Map || child instanceof List) && rnd.nextInt(3) != 0) {
          node = child;
          continue;
        }
        if (rnd.nextInt(5) == 0) {
          map.remove(key);
        } else {
          map.put(key, value(rnd));
        }
        return;
      } else if (node instanceof List<?> raw) {
        var list = (List<Object>) raw;
        if (list.isEmpty() || rnd.nextInt(6) == 0) {
          list.add(value(rnd));
          return;
        }
        int at = rnd.nextInt(list.size());
        var child = list.get(at);
        if ((child instanceof Map || child instanceof List) && rnd.nextInt(3) != 0) {
          node = child;
          continue;
        }
        if (rnd.nextInt(5) == 0) {
          list.remove(at);
        } else {
          list.set(at, value(rnd));
        }
        return;
      } else {
        return;
      }
    }
  }

  static Object value(Random rnd) {
    return switch (rnd.nextInt(16)) {
      case 0 -> null;
      case 1 -> rnd.nextBoolean();
      case 2 -> rnd.nextInt(200) - 50;
      case 3 -> Long.MAX_VALUE;
      case 4 -> 1.5;
      case 5 -> 1e308;
      case 6 -> new java.math.BigInteger("9".repeat(40));
      case 7 -> "";
      case 8 -> "2027-02-30";
      case 9 -> "A.99.1";
      case 10 -> "<script>\u0000\ud800";
      case 11 -> "x".repeat(10_000);
      case 12 -> new ArrayList<Object>(List.of("2027-09-01"));
      case 13 -> new ArrayList<Object>();
      case 14 -> new LinkedHashMap<String, Object>();
      default -> new ArrayList<Object>(List.of("2027-09-10", "2027-09-01"));
    };
  }

  static String mutateText(String json, Random rnd) {
    int at = json.isEmpty() ? 0 : rnd.nextInt(json.length());
    return switch (rnd.nextInt(7)) {
      case 0 -> json.substring(0, at);
      case 1 -> json.substring(0, at) + "\\u12" + json.substring(at);
      case 2 -> json.substring(0, at) + (char) rnd.nextInt(0xFFFF) + json.substring(at);
      case 3 -> json + json;
      case 4 -> "[".repeat(5000);
      case 5 -> json.substring(0, at) + "}" + json.substring(at);
      default -> "{\"auditSize\": 1, \"auditSize\": 2, " + json.substring(1);
    };
  }

  static String write(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      var sb = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') {
          sb.append('\\').append(c);
        } else if (c < 0x20) {
          sb.append(String.format("\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
      return sb.append('"').toString();
    }
    if (v instanceof Map<?, ?> m) {
      var parts = new ArrayList<String>();
      m.forEach((k, x) -> parts.add(write(k) + ":" + write(x)));
      return "{" + String.join(",", parts) + "}";
    }
    if (v instanceof List<?> l) {
      var parts = new ArrayList<String>();
      l.forEach(x -> parts.add(write(x)));
      return "[" + String.join(",", parts) + "]";
    }
    return String.valueOf(v);
  }
}
