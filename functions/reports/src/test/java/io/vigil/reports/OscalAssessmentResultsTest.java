package io.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.finding.FindingId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OscalAssessmentResultsTest {

  private static final Pattern V5 = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  private final Sample sample = new Sample();

  private JsonNode document() {
    return OscalSchemas.parse(OscalAssessmentResults.build(Sample.PERIOD, sample.results,
        sample.findings, Sample.NOW));
  }

  @Test
  void isValidAgainstTheOfficialOscalSchema() {
    assertEquals(List.of(), OscalSchemas.validate(OscalSchemas.ASSESSMENT_RESULTS, document()));
  }

  @Test
  void theValidatorRejectsABrokenDocument() {
    // proves the schema check can fail: the same document without its required oscal-version,
    // and with an observation method outside the schema's enum and token forms
    var doc = (ObjectNode) document();
    var metadata = (ObjectNode) doc.get("assessment-results").get("metadata");
    metadata.remove("oscal-version");
    var observation = (ObjectNode) doc.get("assessment-results").get("results").get(0)
        .get("observations").get(0);
    observation.put("collected", "30 Nov 2026");
    var messages = OscalSchemas.validate(OscalSchemas.ASSESSMENT_RESULTS, doc);
    assertTrue(messages.stream().anyMatch(m -> m.contains("oscal-version")), messages::toString);
    assertTrue(messages.stream().anyMatch(m -> m.contains("collected")), messages::toString);
  }

  @Test
  void theOscalVersionIsTheOneTheSchemasDescribe() {
    var doc = document().get("assessment-results");
    assertEquals("1.1.2", doc.get("metadata").get("oscal-version").asText());
    assertEquals("2026-12-01T06:00:00Z", doc.get("metadata").get("last-modified").asText());
  }

  @Test
  void observationsAreTheCheckResultsWithTheirResourceAndEvidence() {
    var result = document().get("assessment-results").get("results").get(0);
    var observations = result.get("observations");
    assertEquals(sample.results.size(), observations.size());
    var inventory = new HashSet<String>();
    result.get("local-definitions").get("inventory-items")
        .forEach(i -> inventory.add(i.get("uuid").asText()));
    for (var o : observations) {
      assertEquals("TEST", o.get("methods").get(0).asText());
      var subject = o.get("subjects").get(0);
      assertEquals("inventory-item", subject.get("type").asText());
      assertTrue(inventory.contains(subject.get("subject-uuid").asText()),
          "the subject is an inventory item of the result");
      var href = o.get("relevant-evidence").get(0).get("href").asText();
      assertTrue(href.matches("vigil:evidence/sha256/[0-9a-f]{64}"), href);
      assertEquals("2026-11-30T05:00:00Z", o.get("collected").asText());
    }
    var publicBucket = sample.results.get(0);
    var obs = find(observations, o -> prop(o, "check-id").equals("s3_bucket_public_access_blocked")
        && prop(o, "result").equals("fail"));
    assertEquals("vigil:evidence/sha256/" + publicBucket.evidenceSha256().hex(),
        obs.get("relevant-evidence").get(0).get("href").asText());
    assertEquals(List.of("a.8.3", "a.8.12"), props(obs, "control-id"));
  }

  @Test
  void untrustedResourceNamesAreEscapedInMarkupAndExactInProperties() {
    var result = document().get("assessment-results").get("results").get(0);
    var item = find(result.get("local-definitions").get("inventory-items"),
        i -> prop(i, "resource-arn").equals(Sample.HOSTILE_ARN));
    var description = item.get("description").asText();
    assertFalse(description.contains("<script>"), description);
    assertTrue(description.contains("\\<script\\>"), description);
    assertTrue(description.contains("\\*bold\\*"), description);
  }

  @Test
  void oneFindingPerControlWithItsState() {
    var findings = document().get("assessment-results").get("results").get(0).get("findings");
    // A.8.3: a failing public bucket and an open major nonconformity
    var a83 = target(findings, "a.8.3_smt");
    assertEquals("statement-id", a83.get("target").get("type").asText());
    assertEquals("not-satisfied", a83.get("target").get("status").get("state").asText());
    assertEquals("fail", a83.get("target").get("status").get("reason").asText());
    assertTrue(a83.get("related-risks").toString().contains(Oscal.riskUuid(FindingId.of(
        "F-101"))));
    // A.8.15: one pass and one result that could not gather evidence
    var a815 = target(findings, "a.8.15_smt");
    assertEquals("satisfied", a815.get("target").get("status").get("state").asText());
    assertEquals(2, a815.get("related-observations").size());
    // A.5.18: only an open opportunity for improvement, no evidence
    var a518 = target(findings, "a.5.18_smt");
    assertEquals("not-satisfied", a518.get("target").get("status").get("state").asText());
    assertEquals("other", a518.get("target").get("status").get("reason").asText());
    // clause 9.2: an audit nonconformity
    var clause = target(findings, "clause.9.2_smt");
    assertEquals("not-satisfied", clause.get("target").get("status").get("state").asText());
    // every reviewed control has its finding
    var reviewed = new ArrayList<String>();
    document().get("assessment-results").get("results").get(0).get("reviewed-controls")
        .get("control-selections").get(0).get("include-controls")
        .forEach(c -> reviewed.add(c.get("control-id").asText() + "_smt"));
    var targets = new ArrayList<String>();
    findings.forEach(f -> targets.add(f.get("target").get("target-id").asText()));
    assertEquals(reviewed, targets);
    assertTrue(reviewed.contains(Oscal.controlId(ControlId.parse("A.8.24")) + "_smt"));
  }

  @Test
  void openFindingsAreRisksWithTheirObservations() {
    var risks = document().get("assessment-results").get("results").get(0).get("risks");
    var open = sample.findings.stream().filter(f -> f.status().isOpen()).count();
    assertEquals(open, risks.size());
    var f101 = find(risks, r -> prop(r, "finding-id").equals("F-101"));
    assertEquals("remediating", f101.get("status").asText());
    assertEquals(1, f101.get("related-observations").size());
    assertEquals("2026-12-07T00:00:00Z", f101.get("deadline").asText());
  }

  @Test
  void theSameInputsGiveTheSameDocumentAndOtherInputsAnother() {
    var a = Json.write(OscalAssessmentResults.build(Sample.PERIOD, sample.results,
        sample.findings, Sample.NOW));
    var reversed = new ArrayList<>(sample.results);
    java.util.Collections.reverse(reversed);
    var b = Json.write(OscalAssessmentResults.build(Sample.PERIOD, reversed, sample.findings,
        Sample.NOW));
    assertEquals(a, b, "order of the inputs does not matter");
    var c = OscalAssessmentResults.build(Sample.PERIOD, sample.results.subList(1,
        sample.results.size()), sample.findings, Sample.NOW);
    assertNotEquals(OscalSchemas.parse(OscalAssessmentResults.build(Sample.PERIOD,
        sample.results, sample.findings, Sample.NOW)).get("assessment-results").get("uuid"),
        OscalSchemas.parse(c).get("assessment-results").get("uuid"));
  }

  @Test
  void everyUuidIsANameBasedVersion5Uuid() {
    var uuids = new ArrayList<String>();
    collect(document(), uuids);
    assertTrue(uuids.size() > 20, uuids::toString);
    for (var u : uuids) {
      assertTrue(V5.matcher(u).matches(), u);
    }
  }

  @Test
  void version5UuidsFollowRfc4122() {
    // the RFC 4122 DNS namespace example, as published for uuid5(NAMESPACE_DNS, "www.example.com")
    var dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    assertEquals("2ed6657d-e927-568b-95e1-2665a8aea6a2",
        Oscal.v5(dns, "www.example.com").toString());
  }

  @Test
  void anEmptyPeriodIsStillAValidDocument() {
    var doc = OscalSchemas.parse(OscalAssessmentResults.build(Sample.PERIOD, List.of(),
        List.of(), Instant.parse("2026-11-15T00:00:00Z")));
    assertEquals(List.of(), OscalSchemas.validate(OscalSchemas.ASSESSMENT_RESULTS, doc));
    var result = doc.get("assessment-results").get("results").get(0);
    assertEquals("2026-11-15T00:00:00Z", result.get("end").asText(), "ends when generated");
    assertTrue(result.get("reviewed-controls").get("control-selections").get(0)
        .has("include-all"));
  }

  // ---- helpers

  private static void collect(JsonNode node, List<String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().equals("uuid") || e.getKey().endsWith("-uuid")) {
          out.add(e.getValue().asText());
        } else {
          collect(e.getValue(), out);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    }
  }

  static String prop(JsonNode node, String name) {
    for (var p : node.get("props")) {
      if (p.get("name").asText().equals(name)) {
        return p.get("value").asText();
      }
    }
    return "";
  }

  private static List<String> props(JsonNode node, String name) {
    var out = new ArrayList<String>();
    node.get("props").forEach(p -> {
      if (p.get("name").asText().equals(name)) {
        out.add(p.get("value").asText());
      }
    });
    return out;
  }

  static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> test) {
    for (var n : array) {
      if (test.test(n)) {
        return n;
      }
    }
    throw new AssertionError("nothing matches in " + array);
  }

  private static JsonNode target(JsonNode findings, String targetId) {
    return find(findings, f -> f.get("target").get("target-id").asText().equals(targetId));
  }
}
