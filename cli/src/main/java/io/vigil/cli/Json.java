package io.vigil.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
 * The CLI's JSON: parses a document into plain maps, lists, strings, numbers and booleans, and
 * writes such a tree pretty-printed, keys in insertion order. Streaming jackson-core only, so it
 * works before any application context exists (an event file is checked before anything starts).
 */
final class Json {

  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** Parses one JSON document; throws {@link IOException} naming line and column on bad input. */
  static Object parse(String text) throws IOException {
    try (var parser = FACTORY.createParser(text)) {
      var token = parser.nextToken();
      if (token == null) {
        throw new IOException("the document is empty");
      }
      var value = read(parser, token);
      if (parser.nextToken() != null) {
        throw new IOException("unexpected content after the JSON value at line "
            + parser.currentLocation().getLineNr());
      }
      return value;
    }
  }

  /** The tree as pretty-printed JSON text, without a trailing newline. */
  static String write(Object tree) {
    var out = new StringWriter();
    try (var gen = FACTORY.createGenerator(out)) {
      gen.useDefaultPrettyPrinter();
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
    } else if (value instanceof List<?> list) {
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

  /** Reads a JSON object document, naming the problem if it is not one. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parseObject(String text) throws IOException {
    var tree = parse(text);
    if (!(tree instanceof Map<?, ?>)) {
      throw new IOException("expected a JSON object, found " + (tree instanceof List ? "an array"
          : "a single value"));
    }
    return (Map<String, Object>) tree;
  }
}
