package io.vigil.reports;

import io.vigil.domain.evidence.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.util.HexFormat;
import java.util.Collection;
import java.util.Map;

/**
 * JSON text of the maps and lists the renderers build (OSCAL documents, Slack messages), indented
 * by two spaces, keys in the maps' own order — so the same document always gives the same bytes.
 * Accepts maps with string keys, collections, strings, booleans, numbers, enums,
 * {@code java.time} values (their ISO text) and null. Control characters, U+2028, U+2029 and
 * lone surrogates are written as <code>&#92;u</code> escapes, so the text is always valid UTF-8
 * and reads back as exactly the strings written.
 */
public final class Json {

  private Json() {}

  public static String write(Object value) {
    var out = new StringWriter(4096);
    write(value, out);
    return out.toString();
  }

  /** Streams the JSON text to {@code out} (large documents need not fit in one string). */
  public static void write(Object value, Writer out) {
    try {
      var buffer = new StringBuilder(8192);
      append(buffer, value, 0, out);
      buffer.append('\n');
      out.write(buffer.toString());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SHA-256 of the JSON text in UTF-8, computed without holding the text. */
  public static Sha256 sha256(Object value) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      var sink = new OutputStreamWriter(new DigestOutputStream(OutputStream.nullOutputStream(),
          digest), StandardCharsets.UTF_8);
      write(value, sink);
      return new Sha256(HexFormat.of().formatHex(digest.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  private static void append(StringBuilder sb, Object value, int depth, Writer out)
      throws IOException {
    if (sb.length() >= 8192) {
      out.write(sb.toString());
      sb.setLength(0);
    }
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String s) {
      string(sb, s);
    } else if (value instanceof Boolean b) {
      sb.append(b.booleanValue());
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      sb.append(value);
    } else if (value instanceof BigDecimal d) {
      sb.append(d.toPlainString());
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("JSON has no " + d);
      }
      sb.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
          : BigDecimal.valueOf(d).toPlainString());
    } else if (value instanceof Enum<?> e) {
      string(sb, e.name());
    } else if (value instanceof TemporalAccessor t) {
      string(sb, t.toString());
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append('{');
      boolean first = true;
      for (var e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("JSON object keys are strings, not " + e.getKey());
        }
        sb.append(first ? "\n" : ",\n");
        first = false;
        indent(sb, depth + 1);
        string(sb, key);
        sb.append(": ");
        append(sb, e.getValue(), depth + 1, out);
      }
      sb.append('\n');
      indent(sb, depth);
      sb.append('}');
    } else if (value instanceof Collection<?> list) {
      if (list.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      boolean first = true;
      for (var item : list) {
        sb.append(first ? "\n" : ",\n");
        first = false;
        indent(sb, depth + 1);
        append(sb, item, depth + 1, out);
      }
      sb.append('\n');
      indent(sb, depth);
      sb.append(']');
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
  }

  private static void indent(StringBuilder sb, int depth) {
    sb.append("  ".repeat(depth));
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          // also escape the line separators JavaScript treats as line ends, and a surrogate
          // that is not half of a pair: UTF-8 cannot carry it (an encoder would write "?" or
          // fail), the escape keeps the string exactly as it was
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || lone(s, i)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** True when {@code s.charAt(i)} is a surrogate that is not half of a pair. */
  private static boolean lone(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }
}
