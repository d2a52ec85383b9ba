package io.vigil.reports;

import static io.vigil.reports.OscalAssessmentResultsTest.find;
import static io.vigil.reports.OscalAssessmentResultsTest.prop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.domain.finding.ActionStatus;
import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.FindingId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OscalPoamTest {

  private final Sample sample = new Sample();

  private JsonNode document() {
    return OscalSchemas.parse(OscalPoam.build(Sample.PERIOD, sample.findings, sample.actions,
        Sample.NOW).orElseThrow());
  }

  @Test
  void isValidAgainstTheOfficialOscalSchema() {
    assertEquals(List.of(), OscalSchemas.validate(OscalSchemas.POAM, document()));
  }

  @Test
  void theValidatorRejectsABrokenDocument() {
    var doc = (ObjectNode) document();
    var item = (ObjectNode) doc.get("plan-of-action-and-milestones").get("poam-items").get(0);
    item.remove("description");
    item.put("uuid", "not-a-uuid");
    var messages = OscalSchemas.validate(OscalSchemas.POAM, doc);
    assertTrue(messages.stream().anyMatch(m -> m.contains("description")), messages::toString);
    assertTrue(messages.stream().anyMatch(m -> m.contains("uuid")), messages::toString);
  }

  @Test
  void oneItemPerFindingWithOutstandingActions() {
    var poam = document().get("plan-of-action-and-milestones");
    var ids = new ArrayList<String>();
    poam.get("poam-items").forEach(i -> ids.add(prop(i, "finding-id")));
    // F-90's only action is implemented; F-95 and F-97 have none
    assertEquals(List.of("F-101", "F-88", "F-93"), ids);
    for (var item : poam.get("poam-items")) {
      var findingUuid = item.get("related-findings").get(0).get("finding-uuid").asText();
      var riskUuid = item.get("related-risks").get(0).get("risk-uuid").asText();
      var finding = find(poam.get("findings"), f -> f.get("uuid").asText().equals(findingUuid));
      assertEquals(riskUuid, finding.get("related-risks").get(0).get("risk-uuid").asText());
      find(poam.get("risks"), r -> r.get("uuid").asText().equals(riskUuid));
    }
  }

  @Test
  void milestonesAreTheActionsDueDates() {
    var poam = document().get("plan-of-action-and-milestones");
    var f101 = find(poam.get("risks"), r -> prop(r, "finding-id").equals("F-101"));
    assertEquals("remediating", f101.get("status").asText(), "an action is in progress");
    assertEquals("2026-12-20T00:00:00Z", f101.get("deadline").asText(), "the last due date");
    var remediations = f101.get("remediations");
    assertEquals(2, remediations.size());
    var first = remediations.get(0);
    assertEquals("planned", first.get("lifecycle").asText());
    assertEquals("A-101-1", prop(first, "action-id"));
    var milestone = first.get("tasks").get(0);
    assertEquals("milestone", milestone.get("type").asText());
    assertEquals("2026-12-05T00:00:00Z", milestone.get("timing").get("on-date").get("date")
        .asText());
    var f88 = find(poam.get("risks"), r -> prop(r, "finding-id").equals("F-88"));
    assertEquals("open", f88.get("status").asText());
    assertEquals("true", prop(f88.get("remediations").get(0), "overdue"),
        "A-88-1 was due 2026-11-20");
    var item88 = find(poam.get("poam-items"), i -> prop(i, "finding-id").equals("F-88"));
    assertEquals("1", prop(item88, "overdue-actions"));
  }

  @Test
  void theFindingTargetsItsControlOrClause() {
    var poam = document().get("plan-of-action-and-milestones");
    var f101 = find(poam.get("findings"), f -> prop(f, "finding-id").equals("F-101"));
    assertEquals("a.8.3_smt", f101.get("target").get("target-id").asText());
    assertEquals("not-satisfied", f101.get("target").get("status").get("state").asText());
    var f93 = find(poam.get("findings"), f -> prop(f, "finding-id").equals("F-93"));
    assertEquals("clause.9.2_smt", f93.get("target").get("target-id").asText());
    assertFalse(f101.get("title").asText().contains("<script>"), "escaped markup");
  }

  @Test
  void aFindingKeepsItsRiskUuidAcrossTheTwoDocuments() {
    var ar = OscalSchemas.parse(OscalAssessmentResults.build(Sample.PERIOD, sample.results,
        sample.findings, Sample.NOW));
    var arRisk = find(ar.get("assessment-results").get("results").get(0).get("risks"),
        r -> prop(r, "finding-id").equals("F-101"));
    var poamRisk = find(document().get("plan-of-action-and-milestones").get("risks"),
        r -> prop(r, "finding-id").equals("F-101"));
    assertEquals(arRisk.get("uuid"), poamRisk.get("uuid"));
    assertEquals(Oscal.riskUuid(FindingId.of("F-101")), poamRisk.get("uuid").asText());
  }

  @Test
  void deterministic() {
    var a = Json.write(OscalPoam.build(Sample.PERIOD, sample.findings, sample.actions,
        Sample.NOW).orElseThrow());
    var reversed = new ArrayList<>(sample.actions);
    java.util.Collections.reverse(reversed);
    var b = Json.write(OscalPoam.build(Sample.PERIOD, sample.findings, reversed, Sample.NOW)
        .orElseThrow());
    assertEquals(a, b);
  }

  @Test
  void noOutstandingActionNoPlan() {
    var done = sample.actions.stream().map(a -> a.edited(a.description(), a.owner(),
        a.dueDate(), ActionStatus.IMPLEMENTED, a.effectivenessCriteria(), "ops@acme.example",
        Sample.NOW)).toList();
    assertTrue(OscalPoam.build(Sample.PERIOD, sample.findings, done, Sample.NOW).isEmpty());
    assertTrue(OscalPoam.build(Sample.PERIOD, List.of(), List.of(), Sample.NOW).isEmpty());
  }

  @Test
  void anActionOfAnUnknownFindingIsRefused() {
    var orphan = new CorrectiveAction("A-1", FindingId.of("F-404"), "do it", "x@acme.example",
        LocalDate.parse("2026-12-01"), ActionStatus.PLANNED, null, null, null, 0);
    var e = assertThrows(IllegalArgumentException.class, () -> OscalPoam.build(Sample.PERIOD,
        sample.findings, List.of(orphan), Sample.NOW));
    assertTrue(e.getMessage().contains("F-404"), e.getMessage());
  }
}
