package io.vigil.functions.findingsapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's JSON: parses a document into plain maps, lists, strings, numbers, booleans and nulls
 * (rejecting duplicate keys and trailing content), and writes such a tree compactly, keys in
 * insertion order. Streaming jackson-core only: the router validates the tree field by field.
 */
public final class JsonText {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private JsonText() {}

  /** A JSON document that could not be parsed; the message names line and column. */
  public static final class SyntaxException extends Exception {
    SyntaxException(String message) {
      super(message);
    }
  }

  /** Parses one JSON document. */
  public static Object parse(String text) throws SyntaxException {
    try (var parser = FACTORY.createParser(text)) {
      var token = parser.nextToken();
      if (token == null) {
        throw new SyntaxException("the body is empty");
      }
      var value = read(parser, token);
      if (parser.nextToken() != null) {
        throw new SyntaxException("unexpected content after the JSON value at line "
            + parser.currentLocation().getLineNr() + ", column "
            + parser.currentLocation().getColumnNr());
      }
      return value;
    } catch (JsonParseException e) {
      var loc = e.getLocation();
      throw new SyntaxException(e.getOriginalMessage() + (loc == null ? "" : " at line "
          + loc.getLineNr() + ", column " + loc.getColumnNr()));
    } catch (IOException e) {
      throw new SyntaxException("unreadable JSON: " + e.getMessage());
    }
  }

  /** The tree as compact JSON text. */
  public static String write(Object tree) {
    return write(tree, false);
  }

  /** The tree as JSON text, pretty-printed if {@code pretty}. */
  public static String write(Object tree, boolean pretty) {
    var out = new StringWriter();
    try (var gen = FACTORY.createGenerator(out)) {
      if (pretty) {
        gen.useDefaultPrettyPrinter();
      }
      write(gen, tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT: {
        var map = new LinkedHashMap<String, Object>();
        for (var t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          var name = parser.currentName();
          map.put(name, read(parser, parser.nextToken()));
        }
        return map;
      }
      case START_ARRAY: {
        var list = new ArrayList<Object>();
        for (var t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          list.add(read(parser, t));
        }
        return list;
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected JSON token " + token);
    }
  }

  private static void write(JsonGenerator gen, Object value) throws IOException {
    if (value == null) {
      gen.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      gen.writeStartObject();
      for (var e : map.entrySet()) {
        gen.writeFieldName(String.valueOf(e.getKey()));
        write(gen, e.getValue());
      }
      gen.writeEndObject();
    } else if (value instanceof Iterable<?> list) {
      gen.writeStartArray();
      for (var item : list) {
        write(gen, item);
      }
      gen.writeEndArray();
    } else if (value instanceof Boolean b) {
      gen.writeBoolean(b);
    } else if (value instanceof BigDecimal d) {
      gen.writeNumber(d);
    } else if (value instanceof BigInteger i) {
      gen.writeNumber(i);
    } else if (value instanceof Double || value instanceof Float) {
      gen.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Number n) {
      gen.writeNumber(n.longValue());
    } else {
      gen.writeString(String.valueOf(value));
    }
  }
}
