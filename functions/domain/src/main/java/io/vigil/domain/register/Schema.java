package io.vigil.domain.register;

import io.vigil.domain.finding.MissingFieldException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields of one register kind, and the rule that turns input into stored fields. */
public record Schema(List<Field> fields) {

  public Schema {
    fields = List.copyOf(fields);
  }

  /**
   * Validates a whole record's fields: unknown fields, missing required fields and wrong types
   * are refused naming the field; empty values ({@code null}) are left out.
   */
  public Map<String, Object> normalise(Map<String, ?> input) {
    return normaliseObject(fields, input, "");
  }

  /** {@code current} with the fields of {@code changes} applied ({@code null} clears a field). */
  public Map<String, Object> merge(Map<String, Object> current, Map<String, ?> changes) {
    var merged = new LinkedHashMap<String, Object>(current);
    changes.forEach((k, v) -> {
      if (v == null) {
        merged.remove(k);
      } else {
        merged.put(k, v);
      }
    });
    return normalise(merged);
  }

  static Map<String, Object> normaliseObject(List<Field> fields, Map<?, ?> input, String path) {
    var known = Field.names(fields);
    for (var key : input.keySet()) {
      if (!(key instanceof String k) || !known.contains(k)) {
        var where = path.isEmpty() ? String.valueOf(key) : path + "." + key;
        throw new MissingFieldException(where, "unknown field '" + where + "' (expected one of "
            + known + ")");
      }
    }
    var out = new LinkedHashMap<String, Object>();
    for (var f : fields) {
      var where = path.isEmpty() ? f.name() : path + "." + f.name();
      var value = input.get(f.name());
      if (value == null) {
        if (f.required()) {
          throw new MissingFieldException(where, where + " is required"
              + (f.help().isEmpty() ? "" : " (" + f.help() + ")"));
        }
        continue;
      }
      out.put(f.name(), f.normalise(value, where));
    }
    return out;
  }
}
