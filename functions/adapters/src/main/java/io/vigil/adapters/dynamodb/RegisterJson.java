package io.vigil.adapters.dynamodb;

import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.evidence.JsonReader;
import io.vigil.domain.register.Field;
import io.vigil.domain.register.RegisterKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of a register record's {@code fields} and {@code system} values: canonical JSON
 * (sorted keys, no white space). Canonical JSON refuses floating point, so the records' numbers
 * ({@link Field.Type#NUMBER}, held as {@link Double}) are written as the shortest decimal that
 * reads back as the same double ({@link BigDecimal#valueOf(double)}); reading applies the kind's
 * {@link io.vigil.domain.register.Schema} again, so a {@code NUMBER} field is a {@link Double} even
 * when its value is whole ({@code 3.0} is written {@code 3}), an {@code INTEGER} field a
 * {@link Long}, and fields come in schema order.
 * Values the schema does not describe ({@code system}, fields of an older schema) read as
 * {@link Long} when integral and {@link Double} otherwise.
 */
final class RegisterJson {

  private RegisterJson() {}

  /** The canonical JSON of a map of record values. */
  static String write(Map<String, Object> values, String path) {
    return CanonicalJson.write(encode(values, path));
  }

  /** A record's fields, typed and ordered by the kind's schema. */
  static Map<String, Object> readFields(RegisterKind kind, String json) {
    return typedObject(kind.schema().fields(), parse(json));
  }

  /** A record's system values (no schema: integral numbers are longs, others doubles). */
  static Map<String, Object> readSystem(String json) {
    return typedObject(List.of(), parse(json));
  }

  private static Map<?, ?> parse(String json) {
    if (json == null || json.isEmpty()) {
      return Map.of();
    }
    if (!(JsonReader.read(json.getBytes(StandardCharsets.UTF_8)) instanceof Map<?, ?> map)) {
      throw new IllegalStateException("stored register values are not a JSON object: "
          + (json.length() > 80 ? json.substring(0, 80) + "…" : json));
    }
    return map;
  }

  private static Object encode(Object value, String path) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(path + " is " + d + ": a register value must be a"
            + " finite number");
      }
      return BigDecimal.valueOf(d);
    }
    if (value instanceof Map<?, ?> map) {
      var out = new LinkedHashMap<Object, Object>();
      map.forEach((k, v) -> out.put(k, encode(v, path + "." + k)));
      return out;
    }
    if (value instanceof Collection<?> list) {
      var out = new ArrayList<Object>(list.size());
      int i = 0;
      for (var v : list) {
        out.add(encode(v, path + "[" + i++ + "]"));
      }
      return out;
    }
    return value;
  }

  /** {@code map} with the values of {@code fields} typed, in their order, then any others. */
  private static Map<String, Object> typedObject(List<Field> fields, Map<?, ?> map) {
    var out = new LinkedHashMap<String, Object>();
    for (var f : fields) {
      if (map.containsKey(f.name())) {
        out.put(f.name(), typed(f, map.get(f.name())));
      }
    }
    map.forEach((k, v) -> {
      if (!out.containsKey((String) k)) {
        out.put((String) k, untyped(v));
      }
    });
    return Collections.unmodifiableMap(out);
  }

  private static Object typed(Field field, Object value) {
    return switch (field.type()) {
      case NUMBER -> value instanceof Number n ? (Object) n.doubleValue() : untyped(value);
      case OBJECT_LIST -> {
        if (!(value instanceof List<?> list)) {
          yield untyped(value);
        }
        var out = new ArrayList<Object>(list.size());
        for (var v : list) {
          out.add(v instanceof Map<?, ?> m ? typedObject(field.fields(), m) : untyped(v));
        }
        yield Collections.unmodifiableList(out);
      }
      default -> untyped(value);
    };
  }

  private static Object untyped(Object value) {
    if (value instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (value instanceof Map<?, ?> m) {
      return typedObject(List.of(), m);
    }
    if (value instanceof List<?> list) {
      var out = new ArrayList<Object>(list.size());
      list.forEach(v -> out.add(untyped(v)));
      return Collections.unmodifiableList(out);
    }
    return value;
  }
}
