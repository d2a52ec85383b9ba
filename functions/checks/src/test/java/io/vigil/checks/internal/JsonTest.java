package io.vigil.checks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

  private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":["
      + "{\"Sid\":\"a\\\"b\","
      + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"s3:*\"],\"Resource\":"
      + "\"arn:aws:s3:::b/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":false},"
      + "\"NumericLessThan\":{\"s3:TlsVersion\":1.2e0}}}]}";

  @Test
  void parse_readsEveryValueType() {
    // WHEN
    var value = Json.parse(" {\"s\":\"x\\u00e9\\n\\/\",\"n\":-12.5e2,\"z\":0,\"t\":true,"
        + "\"f\":false,\"nul\":null,\"a\":[1,[],{}]} ");
    // THEN
    var map = (Map<?, ?>) value;
    assertEquals("x\u00e9\n/", map.get("s"));
    assertEquals(new BigDecimal("-12.5e2"), map.get("n"));
    assertEquals(BigDecimal.ZERO, map.get("z"));
    assertEquals(true, map.get("t"));
    assertEquals(false, map.get("f"));
    assertTrue(map.containsKey("nul"));
    assertNull(map.get("nul"));
    assertEquals(List.of(BigDecimal.ONE, List.of(), Map.of()), map.get("a"));
  }

  @Test
  void parse_keepsLastValue_whenKeyRepeats() {
    assertEquals(Map.of("a", "2"), Json.parse("{\"a\":\"1\",\"a\":\"2\"}"));
  }

  @Test
  void parse_readsAPolicy() {
    var map = Json.parseObject(POLICY);
    var statement = (Map<?, ?>) ((List<?>) map.get("Statement")).get(0);
    assertEquals("a\"b", statement.get("Sid"));
  }

  @Test
  void parse_rejectsMalformedText_withTheOffset() {
    for (var bad : List.of("", " ", "{", "}", "[1,]", "{\"a\":}", "{\"a\" 1}", "{a:1}", "01",
        "1.", "-", "1e", "tru", "nulll", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"",
        "\"a\u0001b\"", "{\"a\":1,}", "[1 2]", "{} {}", "'a'", "NaN", "+1", "[", "{\"a\":1")) {
      var e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("invalid JSON at offset")
          || e.getMessage().contains("not an object"), e.getMessage());
    }
  }

  @Test
  void parse_rejectsNull() {
    assertThrows(IllegalArgumentException.class, () -> Json.parse(null));
  }

  @Test
  void parseObject_rejectsOtherValues() {
    var e = assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[1]"));
    assertEquals("JSON text is not an object", e.getMessage());
  }

  @Test
  void parse_refusesDeepNesting_withoutOverflowingTheStack() {
    // GIVEN 100 000 nested arrays
    var deep = "[".repeat(100_000) + "]".repeat(100_000);
    // WHEN / THEN
    var e = assertThrows(IllegalArgumentException.class, () -> Json.parse(deep));
    assertTrue(e.getMessage().contains("nested deeper than 64"), e.getMessage());
    // AND 64 levels are fine
    Json.parse("[".repeat(64) + "]".repeat(64));
  }

  @Test
  void parse_refusesHugeInput() {
    var huge = "\"" + "a".repeat(Json.MAX_LENGTH) + "\"";
    assertThrows(IllegalArgumentException.class, () -> Json.parse(huge));
  }

  @Test
  void parse_throwsOnlyIllegalArgument_forEveryTruncationAndMutation() {
    // GIVEN every prefix of a policy, and 5 000 random single-character mutations of it
    for (int i = 0; i < POLICY.length(); i++) {
      var prefix = POLICY.substring(0, i);
      assertThrows(IllegalArgumentException.class, () -> Json.parse(prefix), prefix);
    }
    var random = new Random(42);
    var alphabet = "{}[]\",:\\ \t\nu0123456789abcdefeE+-.tfn\u0000\u00ff";
    for (int i = 0; i < 5_000; i++) {
      var chars = POLICY.toCharArray();
      chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      var mutated = new String(chars);
      // WHEN parsed THEN it either parses or fails with IllegalArgumentException, nothing else
      try {
        Json.parse(mutated);
      } catch (IllegalArgumentException expected) {
        assertTrue(expected.getMessage().startsWith("invalid JSON"), expected.getMessage());
      }
    }
  }
}
