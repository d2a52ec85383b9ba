package io.vigil.functions.scheduleaudits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.audit.ProgrammeConfig;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The configuration contract: a full document, defaults, and errors naming the field. */
class ProgrammeConfigJsonTest {

  static final String FULL = """
      {
        "cycleMonths": 6,
        "auditSize": 4,
        "auditors": [
          {"id": "carol", "name": "Carol", "email": "carol@example.org", "maxAuditsPerMonth": 2,
           "unavailable": [["2027-08-01", "2027-08-21"]]},
          {"id": "dave", "name": "Dave", "email": "dave@example.org", "maxAuditsPerMonth": 1}
        ],
        "owners": {"A.8.24": "dave", "9.2": "carol"},
        "notApplicable": ["A.7.5"],
        "weights": {"majorNonconformity": 2, "minimumIntervalMonths": 2}
      }
      """;

  @Test
  void readsTheWholeContract() {
    var c = ProgrammeConfigJson.parse(FULL);
    assertEquals(6, c.cycleMonths());
    assertEquals(4, c.auditSize());
    assertEquals(List.of(
        new ProgrammeConfig.Auditor("carol", "Carol", "carol@example.org", 2,
            List.of(new ProgrammeConfig.Period(LocalDate.of(2027, 8, 1),
                LocalDate.of(2027, 8, 21)))),
        new ProgrammeConfig.Auditor("dave", "Dave", "dave@example.org", 1, List.of())),
        c.auditors());
    assertEquals(Map.of("A.8.24", "dave", "9.2", "carol"), c.owners());
    assertEquals(Set.of("A.7.5"), c.notApplicable());
    assertEquals(new ProgrammeConfig.RiskWeights(0.5, 0.5, 2.0, 0.5, 2), c.weights());
  }

  @Test
  void appliesDefaults() {
    var c = ProgrammeConfigJson.parse("""
        {"auditSize": 3, "auditors": [{"id": "a", "name": "A", "email": "a@x.org",
          "maxAuditsPerMonth": 1}]}
        """);
    assertEquals(12, c.cycleMonths());
    assertEquals(Map.of(), c.owners());
    assertEquals(Set.of(), c.notApplicable());
    assertEquals(ProgrammeConfig.RiskWeights.defaults(), c.weights());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"auditors\": []}|auditSize",
      "{\"auditSize\": 0, \"auditors\": []}|auditSize",
      "{\"auditSize\": 2}|auditors",
      "{\"auditSize\": 2, \"auditors\": []}|auditors",
      "{\"auditSize\": 2, \"cycleMonths\": \"12\", \"auditors\": []}|cycleMonths",
      "{\"auditSize\": 2, \"colour\": 1}|colour",
      "{\"auditSize\": 2, \"auditors\": [{\"id\": \"a\", \"name\": \"A\", \"email\": \"nope\","
          + " \"maxAuditsPerMonth\": 1}]}|auditors[0].email",
      "{\"auditSize\": 2, \"auditors\": [{\"id\": \"a\", \"name\": \"A\", \"email\": \"a@x.org\"}]}"
          + "|auditors[0].maxAuditsPerMonth",
      "{\"auditSize\": 2, \"auditors\": [{\"id\": \"a\", \"name\": \"A\", \"email\": \"a@x.org\","
          + " \"maxAuditsPerMonth\": 1, \"unavailable\": [[\"2027-02-01\", \"2027-01-01\"]]}]}"
          + "|auditors[0].unavailable[0]",
      "{\"auditSize\": 2, \"auditors\": [{\"id\": \"a\", \"name\": \"A\", \"email\": \"a@x.org\","
          + " \"maxAuditsPerMonth\": 1, \"unavailable\": [[\"soon\", \"2027-01-01\"]]}]}"
          + "|auditors[0].unavailable[0][0]",
      "{\"auditSize\": 2, \"auditors\": [{\"id\": \"a\", \"name\": \"A\", \"email\": \"a@x.org\","
          + " \"maxAuditsPerMonth\": 1}], \"notApplicable\": [\"5.1\"]}|notApplicable[0]",
      "{\"auditSize\": 2, \"auditors\": [{\"id\": \"a\", \"name\": \"A\", \"email\": \"a@x.org\","
          + " \"maxAuditsPerMonth\": 1}], \"owners\": {\"X.1\": \"a\"}}|owners.X.1",
      "{\"auditSize\": 2, \"auditors\": [{\"id\": \"a\", \"name\": \"A\", \"email\": \"a@x.org\","
          + " \"maxAuditsPerMonth\": 1}], \"weights\": {\"riskLevel\": -1}}|weights.riskLevel",
  })
  void namesTheBadField(String json, String field) {
    var e = assertThrows(ProgrammeConfigException.class, () -> ProgrammeConfigJson.parse(json));
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  @Test
  void refusesBrokenJsonAndDuplicateKeys() {
    assertThrows(ProgrammeConfigException.class, () -> ProgrammeConfigJson.parse("{"));
    assertThrows(ProgrammeConfigException.class,
        () -> ProgrammeConfigJson.parse("{\"auditSize\": 1, \"auditSize\": 2}"));
    assertThrows(ProgrammeConfigException.class, () -> ProgrammeConfigJson.parse(" "));
  }
}
