package io.vigil.domain.evidence;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON, so that equal evidence always hashes equal: object keys sorted by code point, no
 * insignificant white space, strings escaped minimally, numbers in plain decimal notation. Accepts
 * maps with string keys, collections, arrays of objects, strings, booleans, integral numbers,
 * {@link BigDecimal}, enums and {@code java.time} values (as their ISO text), and null. Floating point
 * numbers are refused: their text form is not stable across platforms.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  public static byte[] bytes(Object value) {
    return write(value).getBytes(StandardCharsets.UTF_8);
  }

  public static String write(Object value) {
    var sb = new StringBuilder(256);
    append(sb, value, "$");
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object value, String path) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String s) {
      appendString(sb, s);
    } else if (value instanceof Boolean b) {
      sb.append(b.booleanValue());
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      sb.append(value);
    } else if (value instanceof BigDecimal d) {
      sb.append(d.stripTrailingZeros().toPlainString());
    } else if (value instanceof Double || value instanceof Float) {
      throw new IllegalArgumentException(
          "canonical JSON refuses floating point at " + path + "; use BigDecimal or a string");
    } else if (value instanceof Enum<?> e) {
      appendString(sb, e.name());
    } else if (value instanceof TemporalAccessor t) {
      appendString(sb, t.toString());
    } else if (value instanceof Map<?, ?> map) {
      var sorted = new TreeMap<String, Object>();
      for (var e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("canonical JSON needs string keys at " + path);
        }
        sorted.put(key, e.getValue());
      }
      sb.append('{');
      boolean first = true;
      for (var e : sorted.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        appendString(sb, e.getKey());
        sb.append(':');
        append(sb, e.getValue(), path + "." + e.getKey());
      }
      sb.append('}');
    } else if (value instanceof Collection<?> list) {
      appendArray(sb, list.toArray(), path);
    } else if (value instanceof Object[] array) {
      appendArray(sb, array, path);
    } else {
      throw new IllegalArgumentException(
          "canonical JSON cannot write " + value.getClass().getName() + " at " + path);
    }
  }

  private static void appendArray(StringBuilder sb, Object[] items, String path) {
    sb.append('[');
    for (int i = 0; i < items.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      append(sb, items[i], path + "[" + i + "]");
    }
    sb.append(']');
  }

  private static void appendString(StringBuilder sb, String s) {
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
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
