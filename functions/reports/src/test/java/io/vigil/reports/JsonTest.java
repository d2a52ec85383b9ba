package io.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.domain.evidence.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesIndentedJsonInTheMapsOrder() {
    var m = new LinkedHashMap<String, Object>();
    m.put("z", 1);
    m.put("a", List.of("x", true, 2.5, new BigDecimal("10.00")));
    m.put("empty", Map.of());
    m.put("none", List.of());
    m.put("day", LocalDate.parse("2026-11-30"));
    m.put("null", null);
    m.put("whole", 3.0);
    assertEquals("""
        {
          "z": 1,
          "a": [
            "x",
            true,
            2.5,
            10.00
          ],
          "empty": {},
          "none": [],
          "day": "2026-11-30",
          "null": null,
          "whole": 3
        }
        """, Json.write(m));
  }

  @Test
  void escapesStrings() {
    assertEquals("\"q\\\" b\\\\ n\\n t\\t c\\u0001 ls\\u2028 <tag>\"\n",
        Json.write("q\" b\\ n\n t\t c\u0001 ls\u2028 <tag>"));
    var parsed = assertParses("a\"b\\c\nd\u0000e\u2029");
    assertEquals("a\"b\\c\nd\u0000e\u2029", parsed);
  }

  @Test
  void escapesLoneSurrogatesSoThatUtf8CarriesTheStringExactly() throws Exception {
    // found by RendererFuzzTest: a lone surrogate in recorded text was written as is, so the
    // UTF-8 document held "?" instead, and a strict UTF-8 writer (the CLI's OSCAL files) failed
    var s = "a\uD800b\uDC00c\uD83D\uDE00d\uDBFF";
    assertEquals("\"a\\ud800b\\udc00c\uD83D\uDE00d\\udbff\"\n", Json.write(s));
    var bytes = new ByteArrayOutputStream();
    try (var strict = new OutputStreamWriter(bytes, StandardCharsets.UTF_8.newEncoder())) {
      Json.write(List.of(s), strict);
    }
    assertEquals(s, OscalSchemas.MAPPER.readTree(bytes.toByteArray()).get(0).asText());
  }

  @Test
  void refusesWhatJsonCannotHold() {
    assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, "x")));
    assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
  }

  @Test
  void streamingGivesTheSameTextAndTheDigestIsOfThatText() {
    var big = new ArrayList<Object>();
    for (int i = 0; i < 5000; i++) {
      big.add(Map.of("i", i, "s", "value " + i));
    }
    var text = Json.write(big);
    var out = new StringWriter();
    Json.write(big, out);
    assertEquals(text, out.toString());
    assertEquals(Sha256.of(text), Json.sha256(big));
  }

  private static String assertParses(String s) {
    try {
      return OscalSchemas.MAPPER.readTree(Json.write(Arrays.asList(s))).get(0).asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
