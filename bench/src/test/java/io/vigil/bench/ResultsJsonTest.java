package io.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {

  @TempDir
  Path dir;

  @Test
  void strings_escapeQuotesBackslashesAndEveryControlCharacter() {
    // GIVEN text with everything RFC 8259 requires escaping, and characters it does not
    var text = "a\"b\\c\b\f\n\r\t\u0000\u001f\u007f é ≤ 😀 /";
    // WHEN
    var json = ResultsJson.write(text);
    // THEN
    assertEquals("\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0000\\u001f\u007f é ≤ 😀 /\"", json);
  }

  @Test
  void unpairedSurrogates_areEscaped_soTheFileStaysValidUtf8() {
    // GIVEN a lone high and a lone low surrogate (UTF-8 cannot encode either)
    var text = "x\ud800y\udc00";
    // WHEN THEN
    assertEquals("\"x\\ud800y\\udc00\"", ResultsJson.write(text));
  }

  @Test
  void numbers_arePlainDecimals_andNonFiniteOnesNull() {
    assertEquals("[60, 0.0000125, 12462, 1.5, null, null, null]",
        ResultsJson.write(List.of(60.0, 1.25e-5, 12462L, 1.5f, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
  }

  @Test
  void figures_roundTrip_throughTheFile_inFieldOrder() {
    // GIVEN
    var file = dir.resolve("part.json");
    var figures = List.of(
        Figure.measured("collection.run1.resources_per_s", 27.5, "resources/s",
            Target.atLeast(83.3), "5,000 resources \"first\" run\nwall 181.6 s"),
        Figure.reported("collection.run1.dynamodb_requests_per_result", 2.018, "requests/result",
            ""),
        Figure.notRun("coldstart", "bench/coldstart/run does not exist"));
    // WHEN
    ResultsJson.write(file, figures);
    var read = ResultsJson.read(file);
    // THEN
    assertEquals(3, read.size());
    assertEquals(List.of("name", "value", "unit", "target", "met", "detail"),
        List.copyOf(read.get(0).keySet()));
    assertEquals(">= 83.3", read.get(0).get("target"));
    assertEquals(false, read.get(0).get("met"));
    assertEquals("5,000 resources \"first\" run\nwall 181.6 s", read.get(0).get("detail"));
    assertEquals(new java.math.BigDecimal("27.5"), read.get(0).get("value"));
    assertEquals(true, read.get(1).get("met"));
    assertEquals(null, read.get(1).get("target"));
    assertEquals(null, read.get(2).get("value"));
    assertEquals(false, read.get(2).get("met"));
    assertEquals("not run: bench/coldstart/run does not exist", read.get(2).get("detail"));
  }

  @Test
  void file_isAnArray_withOneElementPerLine() throws Exception {
    // GIVEN
    var file = dir.resolve("part.json");
    // WHEN
    ResultsJson.write(file, List.of(Figure.measured("a", 1, "s", Target.atMost(2), "x"),
        Figure.measured("b", 3, "s", Target.atMost(2), "y")));
    // THEN
    var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(4, lines.size(), String.join("\n", lines));
    assertEquals("[", lines.get(0));
    assertEquals("  {\"name\": \"a\", \"value\": 1, \"unit\": \"s\", \"target\": \"<= 2\","
        + " \"met\": true, \"detail\": \"x\"},", lines.get(1));
    assertEquals("]", lines.get(3));
  }

  @Test
  void emptyList_isAnEmptyArray() {
    assertEquals("[]\n", ResultsJson.array(List.of()));
  }

  @Test
  void read_refusesWhatIsNotAnArrayOfObjects() throws Exception {
    var object = dir.resolve("object.json");
    Files.writeString(object, "{\"name\": \"x\"}");
    var scalars = dir.resolve("scalars.json");
    Files.writeString(scalars, "[1, 2]");
    var broken = dir.resolve("broken.json");
    Files.writeString(broken, "[{\"name\": \"x\",]");
    assertThrows(IllegalArgumentException.class, () -> ResultsJson.read(object));
    assertThrows(IllegalArgumentException.class, () -> ResultsJson.read(scalars));
    assertThrows(IllegalArgumentException.class, () -> ResultsJson.read(broken));
  }

  @Test
  void write_refusesValuesWithoutJsonForm() {
    assertThrows(IllegalArgumentException.class, () -> ResultsJson.write(new Object()));
    assertThrows(IllegalArgumentException.class, () -> ResultsJson.write(Map.of(1, "x")));
  }
}
