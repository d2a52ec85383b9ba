package io.vigil.domain.evidence;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of the JSON that {@link CanonicalJson} writes, so that stored manifests can be
 * read back without a JSON library in the domain: objects become maps (insertion order), arrays
 * lists, integral numbers {@link Long} or {@link BigInteger}, other numbers {@link BigDecimal}.
 * Rejects anything malformed, duplicate keys and trailing content.
 */
public final class JsonReader {

  private static final int MAX_DEPTH = 64;

  private final String text;
  private int pos;

  private JsonReader(String text) {
    this.text = text;
  }

  /** The value of one JSON document. */
  public static Object read(byte[] utf8) {
    var reader = new JsonReader(new String(utf8, StandardCharsets.UTF_8));
    reader.skipWhiteSpace();
    var value = reader.value(0);
    reader.skipWhiteSpace();
    if (reader.pos != reader.text.length()) {
      throw reader.error("unexpected content after the JSON value");
    }
    return value;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private Map<String, Object> object(int depth) {
    var map = new LinkedHashMap<String, Object>();
    pos++;
    skipWhiteSpace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipWhiteSpace();
      if (peek() != '"') {
        throw error("expected a string key");
      }
      var key = string();
      skipWhiteSpace();
      expect(':');
      skipWhiteSpace();
      if (map.containsKey(key)) {
        throw error("duplicate key '" + key + "'");
      }
      map.put(key, value(depth + 1));
      skipWhiteSpace();
      char c = next();
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) {
    var list = new ArrayList<Object>();
    pos++;
    skipWhiteSpace();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      skipWhiteSpace();
      list.add(value(depth + 1));
      skipWhiteSpace();
      char c = next();
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    expect('"');
    var sb = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw error("unescaped control character in a string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"' -> sb.append('"');
        case '\\' -> sb.append('\\');
        case '/' -> sb.append('/');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
          }
          try {
            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("malformed \\u escape");
          }
          pos += 4;
        }
        default -> throw error("unknown escape '\\" + e + "'");
      }
    }
  }

  private Object number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    boolean integral = true;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c >= '0' && c <= '9') {
        pos++;
      } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
        integral = false;
        pos++;
      } else {
        break;
      }
    }
    var literal = text.substring(start, pos);
    try {
      if (integral) {
        var big = new BigInteger(literal);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
      }
      return new BigDecimal(literal);
    } catch (NumberFormatException e) {
      throw error("malformed number '" + literal + "'");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected literal");
    }
    pos += word.length();
    return value;
  }

  private void skipWhiteSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private char peek() {
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    return text.charAt(pos);
  }

  private char next() {
    char c = peek();
    pos++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      pos--;
      throw error("expected '" + c + "'");
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("malformed JSON at offset " + pos + ": " + message);
  }
}
