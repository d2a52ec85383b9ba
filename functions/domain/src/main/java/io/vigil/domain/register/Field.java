package io.vigil.domain.register;

import io.vigil.domain.control.AnnexACatalogue;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.finding.MissingFieldException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One field of a register record: its name, type, whether it is required and, for enumerations,
 * the allowed values. {@link #normalise} turns a JSON value into the stored form (strings, longs,
 * doubles, booleans, lists and maps) or refuses it naming the field. Number fields hold doubles,
 * which canonical JSON does not write: the store writes them as their shortest exact decimal.
 */
public record Field(String name, Type type, boolean required, List<String> values,
    List<Field> fields, String help) {

  /** Longest text a field keeps. */
  public static final int MAX_TEXT = 20_000;
  /** Most entries of a list field. */
  public static final int MAX_ENTRIES = 500;

  /** Field types. */
  public enum Type {
    TEXT, DATE, INTEGER, NUMBER, BOOLEAN, ENUM, TEXT_LIST, CONTROL_LIST, OBJECT_LIST
  }

  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    values = List.copyOf(values == null ? List.of() : values);
    fields = List.copyOf(fields == null ? List.of() : fields);
    help = help == null ? "" : help;
  }

  public static Field text(String name, boolean required, String help) {
    return new Field(name, Type.TEXT, required, null, null, help);
  }

  public static Field date(String name, boolean required, String help) {
    return new Field(name, Type.DATE, required, null, null, help);
  }

  public static Field integer(String name, boolean required, String help) {
    return new Field(name, Type.INTEGER, required, null, null, help);
  }

  public static Field number(String name, boolean required, String help) {
    return new Field(name, Type.NUMBER, required, null, null, help);
  }

  public static Field bool(String name, boolean required, String help) {
    return new Field(name, Type.BOOLEAN, required, null, null, help);
  }

  public static Field oneOf(String name, boolean required, List<String> values, String help) {
    return new Field(name, Type.ENUM, required, values, null, help);
  }

  public static Field texts(String name, boolean required, String help) {
    return new Field(name, Type.TEXT_LIST, required, null, null, help);
  }

  public static Field controls(String name, boolean required, String help) {
    return new Field(name, Type.CONTROL_LIST, required, null, null, help);
  }

  public static Field objects(String name, boolean required, List<Field> fields, String help) {
    return new Field(name, Type.OBJECT_LIST, required, null, fields, help);
  }

  /**
   * The stored form of {@code value} at JSON path {@code path}.
   *
   * @throws MissingFieldException naming {@code path} when the value is not of this field's type
   */
  public Object normalise(Object value, String path) {
    return switch (type) {
      case TEXT -> text(value, path);
      case DATE -> {
        var s = text(value, path);
        try {
          yield LocalDate.parse(s).toString();
        } catch (DateTimeParseException e) {
          throw new MissingFieldException(path, path + ": '" + s + "' is not a date (YYYY-MM-DD)");
        }
      }
      case INTEGER -> {
        if (!(value instanceof Number n) || !isWhole(n)) {
          throw new MissingFieldException(path, path + " must be a whole number");
        }
        yield n.longValue();
      }
      case NUMBER -> {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
          throw new MissingFieldException(path, path + " must be a number");
        }
        yield n.doubleValue();
      }
      case BOOLEAN -> {
        if (!(value instanceof Boolean b)) {
          throw new MissingFieldException(path, path + " must be true or false");
        }
        yield b;
      }
      case ENUM -> {
        var s = text(value, path);
        if (!values.contains(s)) {
          throw new MissingFieldException(path, path + ": '" + s + "' is not one of " + values);
        }
        yield s;
      }
      case TEXT_LIST -> {
        var out = new ArrayList<String>();
        var list = list(value, path);
        for (int i = 0; i < list.size(); i++) {
          out.add(text(list.get(i), path + "[" + i + "]"));
        }
        yield out;
      }
      case CONTROL_LIST -> {
        var out = new ArrayList<String>();
        var list = list(value, path);
        for (int i = 0; i < list.size(); i++) {
          var s = text(list.get(i), path + "[" + i + "]");
          ControlId id;
          try {
            id = ControlId.parse(s);
          } catch (IllegalArgumentException e) {
            throw new MissingFieldException(path + "[" + i + "]", path + "[" + i + "]: '" + s
                + "' is not an Annex A control id (\"A.5.1\" .. \"A.8.34\")");
          }
          if (AnnexACatalogue.standard().find(id).isEmpty()) {
            throw new MissingFieldException(path + "[" + i + "]", path + "[" + i + "]: '" + s
                + "' is not an Annex A 2022 control");
          }
          if (!out.contains(id.toString())) {
            out.add(id.toString());
          }
        }
        yield out;
      }
      case OBJECT_LIST -> {
        var out = new ArrayList<Map<String, Object>>();
        var list = list(value, path);
        for (int i = 0; i < list.size(); i++) {
          if (!(list.get(i) instanceof Map<?, ?> m)) {
            throw new MissingFieldException(path + "[" + i + "]", path + "[" + i
                + "] must be an object");
          }
          out.add(Schema.normaliseObject(fields, m, path + "[" + i + "]"));
        }
        yield out;
      }
    };
  }

  private static boolean isWhole(Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short) {
      return true;
    }
    if (n instanceof java.math.BigInteger) {
      return n.toString().length() < 18;
    }
    if (n instanceof BigDecimal d) {
      return d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(1e15)) < 0;
    }
    double d = n.doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 1e15;
  }

  private static String text(Object value, String path) {
    if (!(value instanceof String s) || s.isBlank()) {
      throw new MissingFieldException(path, path + " must be a non-empty string");
    }
    if (s.length() > MAX_TEXT) {
      throw new MissingFieldException(path, path + " is longer than " + MAX_TEXT
          + " characters");
    }
    return s.strip();
  }

  private static List<?> list(Object value, String path) {
    if (!(value instanceof List<?> l)) {
      throw new MissingFieldException(path, path + " must be an array");
    }
    if (l.size() > MAX_ENTRIES) {
      throw new MissingFieldException(path, path + " has more than " + MAX_ENTRIES + " entries");
    }
    return l;
  }

  /** A description of this field for help and errors: {@code name (type, required)}. */
  public Map<String, Object> describe() {
    var d = new LinkedHashMap<String, Object>();
    d.put("name", name);
    d.put("type", type.name().toLowerCase(java.util.Locale.ROOT));
    d.put("required", required);
    if (!values.isEmpty()) {
      d.put("values", values);
    }
    if (!fields.isEmpty()) {
      d.put("fields", fields.stream().map(Field::describe).toList());
    }
    if (!help.isEmpty()) {
      d.put("help", help);
    }
    return d;
  }

  static Set<String> names(List<Field> fields) {
    var names = new java.util.LinkedHashSet<String>();
    fields.forEach(f -> names.add(f.name()));
    return names;
  }
}
