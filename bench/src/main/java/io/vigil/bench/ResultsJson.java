package io.vigil.bench;

import io.vigil.domain.evidence.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the suite's results files: a JSON array of objects, one per line. Written here
 * rather than with Jackson because the format is tiny and the bench should not pull a JSON stack
 * onto the class path of what it measures; reading reuses the domain's strict
 * {@link JsonReader}.
 *
 * <p>Strings are escaped as RFC 8259 requires: quotation mark, reverse solidus and every control
 * character below U+0020; unpaired UTF-16 surrogates (which UTF-8 cannot encode) are written as
 * {@code \}{@code uXXXX} escapes so that the file stays valid. Non-finite numbers (NaN,
 * infinities) have no JSON form and are written as {@code null}; finite ones in plain decimal
 * notation, without exponent.
 */
public final class ResultsJson {

  private ResultsJson() {}

  /** Writes {@code figures} to {@code file} (atomically: a sibling temporary file is moved). */
  public static void write(Path file, List<Figure> figures) {
    writeElements(file, figures.stream().map(Figure::toMap).toList());
  }

  /** Writes {@code elements} (maps, as read by {@link #read}) to {@code file}, atomically. */
  public static void writeElements(Path file, List<? extends Map<String, ?>> elements) {
    try {
      var dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      var tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      Files.writeString(tmp, array(elements), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The array text: {@code [}, one element per line, {@code ]} and a final newline. */
  public static String array(List<? extends Map<String, ?>> elements) {
    var sb = new StringBuilder("[");
    for (int i = 0; i < elements.size(); i++) {
      sb.append(i == 0 ? "\n  " : ",\n  ");
      value(sb, elements.get(i));
    }
    return sb.append(elements.isEmpty() ? "]\n" : "\n]\n").toString();
  }

  /** One value as compact JSON. */
  public static String write(Object value) {
    var sb = new StringBuilder();
    value(sb, value);
    return sb.toString();
  }

  /**
   * The elements of a results file.
   *
   * @throws IllegalArgumentException if the file is not JSON, or not an array of objects
   * @throws UncheckedIOException if it cannot be read
   */
  public static List<Map<String, Object>> read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (!(JsonReader.read(bytes) instanceof List<?> list)) {
      throw new IllegalArgumentException(file + " is not a JSON array");
    }
    var out = new ArrayList<Map<String, Object>>();
    for (var element : list) {
      if (!(element instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException(file + ": every element must be an object, got "
            + write(element));
      }
      @SuppressWarnings("unchecked")
      var typed = (Map<String, Object>) map;
      out.add(typed);
    }
    return out;
  }

  private static void value(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Boolean b) {
      sb.append(b.booleanValue());
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      sb.append(Double.isFinite(d)
          ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : "null");
    } else if (v instanceof BigDecimal d) {
      sb.append(d.toPlainString());
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short
        || v instanceof Byte || v instanceof BigInteger) {
      sb.append(v);
    } else if (v instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (var e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("JSON object keys are strings, got " + e.getKey());
        }
        if (!first) {
          sb.append(", ");
        }
        first = false;
        string(sb, key);
        sb.append(": ");
        value(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof Collection<?> list) {
      sb.append('[');
      boolean first = true;
      for (var item : list) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        value(sb, item);
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            unicode(sb, c);
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicode(sb, c);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static void unicode(StringBuilder sb, char c) {
    sb.append("\\u");
    var hex = Integer.toHexString(c);
    sb.append("0".repeat(4 - hex.length())).append(hex);
  }
}
