package io.vigil.functions.collectevidence;

import java.util.List;
import java.util.Map;

/** Typed access to fields of decoded JSON, with errors that name the field. */
final class Fields {

  private Fields() {}

  static String requireString(Map<String, Object> json, String field) {
    return requireString(json, field, field);
  }

  /** The string at {@code field}; {@code path} names it in errors (e.g. "detail.eventName"). */
  static String requireString(Map<String, Object> json, String field, String path) {
    var value = json.get(field);
    if (value == null) {
      throw new InvalidEventException("field '" + path + "' is missing");
    }
    if (!(value instanceof String s)) {
      throw new InvalidEventException("field '" + path + "' must be a string, got " + typeName(value));
    }
    if (s.isBlank()) {
      throw new InvalidEventException("field '" + path + "' must not be blank");
    }
    return s;
  }

  static String optionalString(Map<String, Object> json, String field, String path) {
    var value = json.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new InvalidEventException("field '" + path + "' must be a string, got " + typeName(value));
    }
    return s.isBlank() ? null : s;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> requireObject(Map<String, Object> json, String field, String path) {
    var value = json.get(field);
    if (value == null) {
      throw new InvalidEventException("field '" + path + "' is missing");
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new InvalidEventException("field '" + path + "' must be an object, got " + typeName(value));
    }
    return (Map<String, Object>) map;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> optionalObject(Map<String, Object> json, String field, String path) {
    var value = json.get(field);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new InvalidEventException("field '" + path + "' must be an object, got " + typeName(value));
    }
    return (Map<String, Object>) map;
  }

  static String typeName(Object value) {
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    if (value instanceof List<?>) {
      return "an array";
    }
    if (value instanceof Number) {
      return "a number (" + value + ")";
    }
    if (value instanceof Boolean) {
      return "a boolean (" + value + ")";
    }
    return "a string";
  }
}
