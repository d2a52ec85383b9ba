package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.register.RegisterKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored form of register values: canonical JSON in, schema-typed values out. */
class RegisterJsonTest {

  @Test
  void doublesAreWrittenAsTheirShortestDecimal_andReadBackAsTheSameDouble() {
    var values = Map.<String, Object>of("target", 0.1 + 0.2, "unit", "%",
        "measurements", List.of(Map.of("date", "2027-01-31", "value", 1e-7),
            Map.of("date", "2027-02-28", "value", 42.0)));

    var json = RegisterJson.write(values, "fields");

    assertEquals("{\"measurements\":[{\"date\":\"2027-01-31\",\"value\":0.0000001},"
        + "{\"date\":\"2027-02-28\",\"value\":42}],\"target\":0.30000000000000004,\"unit\":\"%\"}",
        json);
    var read = RegisterJson.readFields(RegisterKind.OBJECTIVE, json);
    assertEquals(values, read);
    assertEquals(List.of("target", "unit", "measurements"), List.copyOf(read.keySet()),
        "schema order");
  }

  @Test
  void valuesTheSchemaDoesNotDescribe_readAsLongsAndDoubles() {
    var json = "{\"legacy\":2.5,\"count\":3,\"nested\":{\"x\":[1,0.5]}}";

    assertEquals(Map.of("legacy", 2.5, "count", 3L, "nested", Map.of("x", List.of(1L, 0.5))),
        RegisterJson.readSystem(json));
    assertEquals(Map.of("legacy", 2.5), RegisterJson.readFields(RegisterKind.RISK,
        "{\"legacy\":2.5}"));
  }

  @Test
  void nonFiniteNumbersAreRefusedNamingWhere() {
    var e = assertThrows(IllegalArgumentException.class, () -> RegisterJson.write(
        Map.of("measurements", List.of(Map.of("value", Double.NaN))), "fields"));

    assertTrue(e.getMessage().contains("fields.measurements[0].value"), e.getMessage());
  }
}
