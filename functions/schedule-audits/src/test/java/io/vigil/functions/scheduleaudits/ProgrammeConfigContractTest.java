package io.vigil.functions.scheduleaudits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.audit.ProgrammeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The configuration contract of {@code vigil audits plan --config} and of the schedule-audits
 * function (one parser for both): the whole contract reads, defaults apply, the documented
 * samples parse (or fail as documented), and every bad document is refused naming its field.
 */
class ProgrammeConfigContractTest {

  private static final String AUDITOR =
      "{\"id\":\"alice\",\"name\":\"Alice\",\"email\":\"alice@acme.example\","
          + "\"maxAuditsPerMonth\":2}";
  private static final String B =
      "\"id\": \"b\", \"name\": \"B\", \"email\": \"b@x.io\", \"maxAuditsPerMonth\": 1";

  @Test
  void readsTheWholeContract() {
    var config = ProgrammeConfigJson.parse("""
        {"cycleMonths": 6, "cycleStart": "04-01", "auditSize": 4,
         "auditors": [{"id": "alice", "name": "Alice", "email": "alice@acme.example",
                       "maxAuditsPerMonth": 2,
                       "unavailable": [["2027-07-01", "2027-07-31"]]},
                      {"id": "bob", "name": "Bob", "email": "bob@acme.example",
                       "maxAuditsPerMonth": 1}],
         "owners": {"A.8.24": "alice", "9.2": "bob", "6.1.3": "carol"},
         "notApplicable": ["A.7.1", "A.7.2"],
         "weights": {"failingEvidence": 1, "openNonconformity": 0.25,
                     "majorNonconformity": 2.0, "riskLevel": 0, "minimumIntervalMonths": 2}}
        """);
    assertEquals(6, config.cycleMonths());
    assertEquals(MonthDay.of(4, 1), config.cycleStart());
    assertEquals(4, config.auditSize());
    assertEquals(new ProgrammeConfig.Auditor("alice", "Alice", "alice@acme.example", 2,
        List.of(new ProgrammeConfig.Period(LocalDate.parse("2027-07-01"),
            LocalDate.parse("2027-07-31")))), config.auditors().get(0));
    assertTrue(config.auditors().get(1).unavailable().isEmpty());
    assertEquals("carol", config.owners().get("6.1.3"));
    assertEquals(Set.of("A.7.1", "A.7.2"), config.notApplicable());
    assertEquals(new ProgrammeConfig.RiskWeights(1, 0.25, 2, 0, 2), config.weights());
  }

  @Test
  void defaults() {
    var config = ProgrammeConfigJson.parse("{\"auditSize\": 6, \"auditors\": [" + AUDITOR + "]}");
    assertEquals(12, config.cycleMonths());
    assertEquals(MonthDay.of(1, 1), config.cycleStart());
    assertTrue(config.owners().isEmpty());
    assertTrue(config.notApplicable().isEmpty());
    assertEquals(ProgrammeConfig.RiskWeights.defaults(), config.weights());
  }

  @Test
  void theDocumentedSamplesParseAndFailAsDocumented() throws Exception {
    var good = ProgrammeConfigJson.read(sample("programme.json"));
    assertEquals(4, good.auditors().size());
    var bad = assertThrows(ProgrammeConfigException.class,
        () -> ProgrammeConfigJson.read(sample("bad-programme.json")));
    assertEquals("auditors[1].maxAuditsPerMonth", bad.field());
  }

  /** The sample configurations in {@code events/schedule-audits/}. */
  public static Path sample(String name) {
    var p = Path.of("events/schedule-audits", name);
    for (int up = 0; up < 4 && !Files.exists(p); up++) {
      p = Path.of("..").resolve(p);
    }
    return p;
  }

  private static String doc(String fields) {
    return "{\"auditSize\": 6, \"auditors\": [" + AUDITOR + "]" + fields + "}";
  }

  private static String with(String auditor) {
    return "{\"auditSize\": 6, \"auditors\": [" + auditor + "]}";
  }

  /** Each bad document and the JSON path its error names ("" = the document). */
  static Stream<Arguments> badDocuments() {
    return Stream.of(
        bad("[1]", ""),
        bad("{\"auditSize\": 6, \"auditors\": [],", ""),
        bad("{\"auditSize\": 6, \"auditSize\": 7, \"auditors\": [" + AUDITOR + "]}", ""),
        bad(doc(", \"cycle\": 12"), "cycle"),
        bad("{\"auditors\": [" + AUDITOR + "]}", "auditSize"),
        bad(doc("").replace("6", "0"), "auditSize"),
        bad(doc("").replace("6", "2.5"), "auditSize"),
        bad(doc("").replace("6", "\"6\""), "auditSize"),
        bad(doc(", \"cycleMonths\": -1"), "cycleMonths"),
        bad(doc(", \"cycleMonths\": 121"), "cycleMonths"),
        bad(doc(", \"cycleStart\": \"13-01\""), "cycleStart"),
        bad(doc(", \"cycleStart\": 4"), "cycleStart"),
        bad("{\"auditSize\": 6}", "auditors"),
        bad("{\"auditSize\": 6, \"auditors\": {}}", "auditors"),
        bad(with(""), "auditors"),
        bad(with(AUDITOR + ", 3"), "auditors[1]"),
        bad(with(AUDITOR + ", " + AUDITOR), "auditors[1].id"),
        bad(with("{\"name\": \"B\"}"), "auditors[0].id"),
        bad(with("{\"id\": \" \", \"name\": \"B\"}"), "auditors[0].id"),
        bad(with("{\"id\": \"b\"}"), "auditors[0].name"),
        bad(with("{\"id\": \"b\", \"name\": \"B\"}"), "auditors[0].email"),
        bad(with("{" + B.replace("b@x.io", "bob") + "}"), "auditors[0].email"),
        bad(with("{" + B.replace(", \"maxAuditsPerMonth\": 1", "") + "}"),
            "auditors[0].maxAuditsPerMonth"),
        bad(with("{" + B.replace("1", "0") + "}"), "auditors[0].maxAuditsPerMonth"),
        bad(with("{" + B + ", \"nick\": \"b\"}"), "auditors[0].nick"),
        bad(with("{" + B + ", \"unavailable\": \"July\"}"), "auditors[0].unavailable"),
        bad(with("{" + B + ", \"unavailable\": [[\"2027-07-01\"]]}"),
            "auditors[0].unavailable[0]"),
        bad(with("{" + B + ", \"unavailable\": [[\"2027-07-01\", \"July\"]]}"),
            "auditors[0].unavailable[0][1]"),
        bad(with("{" + B + ", \"unavailable\": [[\"2027-07-31\", \"2027-07-01\"]]}"),
            "auditors[0].unavailable[0]"),
        bad(doc(", \"owners\": []"), "owners"),
        bad(doc(", \"owners\": {\"A.9.9\": \"alice\"}"), "owners.A.9.9"),
        bad(doc(", \"owners\": {\"6.1\": \"alice\"}"), "owners.6.1"),
        bad(doc(", \"owners\": {\"9.2\": 7}"), "owners.9.2"),
        bad(doc(", \"notApplicable\": \"A.7.1\""), "notApplicable"),
        bad(doc(", \"notApplicable\": [\"A.7.1\", \"A.7.99\"]"), "notApplicable[1]"),
        bad(doc(", \"notApplicable\": [\"9.2\"]"), "notApplicable[0]"),
        bad(doc(", \"weights\": 1"), "weights"),
        bad(doc(", \"weights\": {\"risk\": 1}"), "weights.risk"),
        bad(doc(", \"weights\": {\"riskLevel\": -1}"), "weights.riskLevel"),
        bad(doc(", \"weights\": {\"failingEvidence\": \"high\"}"), "weights.failingEvidence"),
        bad(doc(", \"weights\": {\"minimumIntervalMonths\": 0}"),
            "weights.minimumIntervalMonths"),
        bad(doc(", \"cycleMonths\": 3, \"weights\": {\"minimumIntervalMonths\": 4}"),
            "weights.minimumIntervalMonths"));
  }

  private static Arguments bad(String json, String field) {
    return Arguments.of(json, field);
  }

  @ParameterizedTest
  @MethodSource("badDocuments")
  void namesTheFieldOfEveryError(String json, String field) {
    var e = assertThrows(ProgrammeConfigException.class, () -> ProgrammeConfigJson.parse(json));
    assertEquals(field, e.field(), e.getMessage());
    assertFalse(e.getMessage().isBlank());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    if (!field.isEmpty()) {
      assertTrue(e.getMessage().contains(field), e.getMessage());
    }
  }
}
