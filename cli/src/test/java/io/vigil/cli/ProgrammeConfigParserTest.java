package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.audit.ProgrammeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProgrammeConfigParserTest {

  private static final String AUDITOR =
      "{\"id\":\"alice\",\"name\":\"Alice\",\"email\":\"alice@acme.example\","
          + "\"maxAuditsPerMonth\":2}";

  private final ProgrammeConfigParser parser = new ProgrammeConfigParser();

  @Test
  void readsTheWholeContract() {
    var config = parser.parse("""
        {"cycleMonths": 6, "auditSize": 4,
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
    assertEquals(4, config.auditSize());
    assertEquals(2, config.auditors().size());
    var alice = config.auditors().get(0);
    assertEquals(new ProgrammeConfig.Auditor("alice", "Alice", "alice@acme.example", 2,
        List.of(new ProgrammeConfig.Period(LocalDate.parse("2027-07-01"),
            LocalDate.parse("2027-07-31")))), alice);
    assertTrue(config.auditors().get(1).unavailable().isEmpty());
    assertEquals("carol", config.owners().get("6.1.3"));
    assertEquals(Set.of("A.7.1", "A.7.2"), config.notApplicable());
    assertEquals(new ProgrammeConfig.RiskWeights(1, 0.25, 2, 0, 2), config.weights());
  }

  @Test
  void defaultsCycleOwnersApplicabilityAndWeights() {
    var config = parser.parse("{\"auditSize\": 6, \"auditors\": [" + AUDITOR + "]}");
    assertEquals(12, config.cycleMonths());
    assertTrue(config.owners().isEmpty());
    assertTrue(config.notApplicable().isEmpty());
    assertEquals(ProgrammeConfig.RiskWeights.defaults(), config.weights());
  }

  @Test
  void theSampleProgrammesParseAndFail() throws Exception {
    var good = parser.parse(Files.readString(sample("programme.json")));
    assertEquals(4, good.auditors().size());
    var bad = assertThrows(IllegalArgumentException.class,
        () -> parser.parse(Files.readString(sample("bad-programme.json"))));
    assertEquals("auditors[1].maxAuditsPerMonth must be a positive whole number",
        bad.getMessage());
  }

  static Path sample(String name) {
    var p = Path.of("events/schedule-audits", name);
    return Files.exists(p) ? p : Path.of("..").resolve(p);
  }

  private static final String B =
      "\"id\": \"b\", \"name\": \"B\", \"email\": \"b@x.io\", \"maxAuditsPerMonth\": 1";

  /** A document with the valid auditor and {@code fields} added at the top level. */
  private static String doc(String fields) {
    return "{\"auditSize\": 6, \"auditors\": [" + AUDITOR + "]" + fields + "}";
  }

  /** A document whose only auditor is {@code auditor}. */
  private static String with(String auditor) {
    return "{\"auditSize\": 6, \"auditors\": [" + auditor + "]}";
  }

  /** Each bad document and the start of its error. */
  static Stream<Arguments> badDocuments() {
    return Stream.of(
        bad("[1]", "the configuration must be a JSON object"),
        bad("{\"auditSize\": 6, \"auditors\": [],", "not valid JSON"),
        bad(doc(", \"cycle\": 12"), "unknown field 'cycle'"),
        bad("{\"auditors\": [" + AUDITOR + "]}", "auditSize is required"),
        bad(doc("").replace("6", "0"), "auditSize must be a positive whole number"),
        bad(doc("").replace("6", "2.5"), "auditSize must be a positive whole number"),
        bad(doc("").replace("6", "\"6\""), "auditSize must be a positive whole number"),
        bad(doc(", \"cycleMonths\": -1"), "cycleMonths must be a positive whole number"),
        bad(doc(", \"cycleMonths\": 121"), "cycleMonths must be at most 120"),
        bad("{\"auditSize\": 6}", "auditors is required"),
        bad("{\"auditSize\": 6, \"auditors\": {}}", "auditors must be an array"),
        bad(with(""), "auditors must list at least one auditor"),
        bad(with(AUDITOR + ", 3"), "auditors[1] must be an object"),
        bad(with(AUDITOR + ", " + AUDITOR), "auditors[1].id 'alice' is already used"),
        bad(with("{\"name\": \"B\"}"), "auditors[0].id is required"),
        bad(with("{\"id\": \" \", \"name\": \"B\"}"),
            "auditors[0].id must be a non-empty string"),
        bad(with("{\"id\": \"b\"}"), "auditors[0].name is required"),
        bad(with("{\"id\": \"b\", \"name\": \"B\"}"), "auditors[0].email is required"),
        bad(with("{" + B.replace("b@x.io", "bob") + "}"),
            "auditors[0].email 'bob' is not an e-mail address"),
        bad(with("{" + B.replace(", \"maxAuditsPerMonth\": 1", "") + "}"),
            "auditors[0].maxAuditsPerMonth is required"),
        bad(with("{" + B.replace("1", "0") + "}"),
            "auditors[0].maxAuditsPerMonth must be a positive whole number"),
        bad(with("{" + B + ", \"nick\": \"b\"}"), "unknown field 'auditors[0].nick'"),
        bad(with("{" + B + ", \"unavailable\": \"July\"}"),
            "auditors[0].unavailable must be an array"),
        bad(with("{" + B + ", \"unavailable\": [[\"2027-07-01\"]]}"),
            "auditors[0].unavailable[0] must be a pair [from, to]"),
        bad(with("{" + B + ", \"unavailable\": [[\"2027-07-01\", \"July\"]]}"),
            "auditors[0].unavailable[0][1] must be a date YYYY-MM-DD"),
        bad(with("{" + B + ", \"unavailable\": [[\"2027-07-31\", \"2027-07-01\"]]}"),
            "auditors[0].unavailable[0] ends (2027-07-01) before it starts (2027-07-31)"),
        bad(doc(", \"owners\": []"), "owners must be an object"),
        bad(doc(", \"owners\": {\"A.9.9\": \"alice\"}"),
            "owners key 'A.9.9' is not a clause or Annex A control"),
        bad(doc(", \"owners\": {\"6.1\": \"alice\"}"),
            "owners key '6.1' is not a clause or Annex A control"),
        bad(doc(", \"owners\": {\"9.2\": 7}"), "owners['9.2'] must be a non-empty string"),
        bad(doc(", \"notApplicable\": \"A.7.1\""), "notApplicable must be an array"),
        bad(doc(", \"notApplicable\": [\"A.7.1\", \"A.7.99\"]"),
            "notApplicable[1] 'A.7.99' is not an Annex A control"),
        bad(doc(", \"notApplicable\": [\"9.2\"]"),
            "notApplicable[0] '9.2' is not an Annex A control: clauses 4-10 always apply"),
        bad(doc(", \"weights\": 1"), "weights must be an object"),
        bad(doc(", \"weights\": {\"risk\": 1}"), "unknown field 'weights.risk'"),
        bad(doc(", \"weights\": {\"riskLevel\": -1}"),
            "weights.riskLevel must be a number of at least 0"),
        bad(doc(", \"weights\": {\"failingEvidence\": \"high\"}"),
            "weights.failingEvidence must be a number of at least 0"),
        bad(doc(", \"weights\": {\"minimumIntervalMonths\": 0}"),
            "weights.minimumIntervalMonths must be a positive whole number"),
        bad(doc(", \"cycleMonths\": 3, \"weights\": {\"minimumIntervalMonths\": 4}"),
            "weights.minimumIntervalMonths must not exceed cycleMonths (3)"));
  }

  private static Arguments bad(String json, String expected) {
    return Arguments.of(json, expected);
  }

  @ParameterizedTest
  @MethodSource("badDocuments")
  void namesTheFieldOfEveryError(String json, String expected) {
    var e = assertThrows(ProgrammeConfigParser.InvalidConfigException.class,
        () -> parser.parse(json));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }
}
