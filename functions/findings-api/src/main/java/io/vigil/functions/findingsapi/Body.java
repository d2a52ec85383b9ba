package io.vigil.functions.findingsapi;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A request body (a JSON object) validated field by field: unknown fields are refused, and every
 * accessor names the field when it is missing, of the wrong type or invalid. Null counts as
 * absent. This is the API's schema: each route lists its fields and their types.
 */
final class Body {

  private static final int MAX_TEXT = 10_000;

  private final Map<String, Object> fields;

  private Body(Map<String, Object> fields) {
    this.fields = fields;
  }

  /** The body's object, refusing any field not in {@code allowed}. */
  @SuppressWarnings("unchecked")
  static Body of(Object tree, Set<String> allowed) {
    if (!(tree instanceof Map<?, ?> map)) {
      throw ApiProblem.invalid("body", "the body must be a JSON object");
    }
    for (var name : map.keySet()) {
      if (!allowed.contains(name)) {
        throw ApiProblem.invalid(String.valueOf(name), "unknown field '" + name + "'; allowed: "
            + String.join(", ", new TreeSet<>(allowed)));
      }
    }
    return new Body((Map<String, Object>) map);
  }

  boolean has(String field) {
    return fields.get(field) != null;
  }

  String string(String field, boolean required, int maxLength) {
    var v = fields.get(field);
    if (v == null) {
      if (required) {
        throw ApiProblem.invalid(field, "field '" + field + "' is required");
      }
      return null;
    }
    if (!(v instanceof String s)) {
      throw ApiProblem.invalid(field, "field '" + field + "' must be a string, not "
          + kind(v));
    }
    if (s.isBlank()) {
      throw ApiProblem.invalid(field, "field '" + field + "' must not be blank");
    }
    if (s.length() > maxLength) {
      throw ApiProblem.invalid(field, "field '" + field + "' is longer than " + maxLength
          + " characters");
    }
    return s.trim();
  }

  String string(String field, boolean required) {
    return string(field, required, MAX_TEXT);
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
    var s = string(field, required, 64);
    return s == null ? null : parseEnum(field, s, type);
  }

  LocalDate date(String field, boolean required) {
    var s = string(field, required, 10);
    return s == null ? null : parseDate(field, s);
  }

  List<String> strings(String field, boolean required) {
    var v = fields.get(field);
    if (v == null) {
      if (required) {
        throw ApiProblem.invalid(field, "field '" + field + "' is required");
      }
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw ApiProblem.invalid(field, "field '" + field + "' must be an array of strings, not "
          + kind(v));
    }
    var out = new ArrayList<String>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String s) || s.isBlank()) {
        throw ApiProblem.invalid(field, "field '" + field + "' must be an array of strings;"
            + " element " + i + " is " + kind(list.get(i)));
      }
      out.add(s.trim());
    }
    return out;
  }

  static <E extends Enum<E>> E parseEnum(String field, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalid(field, "'" + value + "' is not a valid " + field + "; one of "
          + Arrays.stream(type.getEnumConstants()).map(Enum::name)
              .collect(Collectors.joining(", ")));
    }
  }

  static LocalDate parseDate(String field, String value) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiProblem.invalid(field, "field '" + field + "' must be a date as YYYY-MM-DD, got '"
          + value + "'");
    }
  }

  private static String kind(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Number) {
      return "a number";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    if (v instanceof List) {
      return "an array";
    }
    return "an object";
  }
}
