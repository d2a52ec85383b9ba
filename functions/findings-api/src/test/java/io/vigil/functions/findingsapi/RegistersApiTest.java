package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.ApiFixture.AUDITOR;
import static io.vigil.functions.findingsapi.ApiFixture.MANAGER;
import static io.vigil.functions.findingsapi.ApiFixture.OWNER;
import static io.vigil.functions.findingsapi.ApiFixture.RISK_BODY;
import static io.vigil.functions.findingsapi.ApiFixture.VIEWER;
import static io.vigil.functions.findingsapi.ApiFixture.req;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.evidence.JsonReader;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterService;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every register route and every error path, with real-shaped v2 events, on the fakes. */
class RegistersApiTest {

  private final ApiFixture fx = new ApiFixture();

  private static String risk(String field, String json) {
    return RISK_BODY.replaceFirst("\"" + field + "\": (\\[[^]]*]|[^,}]+)", "\"" + field + "\": "
        + java.util.regex.Matcher.quoteReplacement(json));
  }

  private ApiFixture.Response patch(String kind, String id, String ifMatch, String body) {
    var e = req("PATCH", "/registers/" + kind + "/" + id, "isms", MANAGER).body(body);
    return fx.call(ifMatch == null ? e : e.header("if-match", ifMatch));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(ApiFixture.Response r, String field) {
    return (Map<String, Object>) r.get(field);
  }

  // ---- the registers

  @Test
  @SuppressWarnings("unchecked")
  void theRegistersAreListedWithTheirFields() {
    var r = fx.call(req("GET", "/registers", "viewer", VIEWER)).expect(200);
    var items = (List<Map<String, Object>>) r.get("items");
    assertEquals(RegisterKind.values().length, items.size());
    var risks = items.stream().filter(k -> "risks".equals(k.get("path"))).findFirst()
        .orElseThrow();
    assertEquals("6.1.2", risks.get("clause"));
    assertEquals("Risk register and treatment", risks.get("title"));
    assertEquals(false, risks.get("singleton"));
    assertEquals(false, risks.get("keyed"));
    assertEquals("R", risks.get("idPrefix"));
    var fields = (List<Map<String, Object>>) risks.get("fields");
    var treatment = fields.stream().filter(f -> "treatment".equals(f.get("name"))).findFirst()
        .orElseThrow();
    assertEquals(Map.of("name", "treatment", "type", "enum", "required", false, "values",
        List.of("MODIFY", "RETAIN", "AVOID", "SHARE"), "help",
        "risk treatment option (6.1.3 a)"), treatment);
    var scope = items.stream().filter(k -> "scope".equals(k.get("path"))).findFirst()
        .orElseThrow();
    assertEquals(true, scope.get("singleton"));
    var decisions = items.stream().filter(k -> "soa-decisions".equals(k.get("path")))
        .findFirst().orElseThrow();
    assertEquals(true, decisions.get("keyed"));

    fx.call(HttpApiEvent.request("GET", "/registers")).expect(401);
    fx.call(HttpApiEvent.request("GET", "/registers").as("sub-x", "x@acme.test",
        List.of("unknown-group"))).expect(403);
    assertEquals("GET", fx.call(req("POST", "/registers", "isms", MANAGER).body("{}"))
        .expect(405).headers().get("allow"));
    assertEquals("format", fx.call(req("GET", "/registers", "viewer", VIEWER)
        .query("format", "csv")).expect(400).get("field"));
  }

  // ---- create, read, list

  @Test
  void createAnswers201WithLocationEtagAndTheRecord() {
    var r = fx.createRecord("risks", RISK_BODY).expect(201);
    var id = (String) r.get("id");
    assertEquals("R-n1", id, "generated with the prefix");
    assertEquals("/registers/risks/" + id, r.headers().get("location"));
    assertEquals("\"1\"", r.etag());
    assertEquals("risks", r.get("kind"));
    var fields = map(r, "fields");
    assertEquals("cto@acme.test", fields.get("owner"));
    assertEquals(4L, ((Number) fields.get("likelihood")).longValue());
    assertEquals(List.of("A.8.24", "A.8.13"), fields.get("controls"));
    assertTrue(fields.containsKey("actions"), "every field of the register is listed");
    assertNull(fields.get("actions"), "null where not set");
    var derived = map(r, "derived");
    assertEquals(16L, ((Number) derived.get("inherentLevel")).longValue());
    assertEquals("High", derived.get("inherentBand"));
    assertEquals(4L, ((Number) derived.get("residualLevel")).longValue());
    assertEquals(true, derived.get("withinAcceptance"));
    assertEquals(false, derived.get("flagged"));
    assertEquals(Map.of(), r.get("system"));
    assertEquals("2026-11-28T09:00:00Z", r.get("createdAt"));
    assertEquals("isms@acme.test", r.get("createdBy"));
    assertEquals("2026-11-28T09:00:00Z", r.get("updatedAt"));
    assertEquals("isms@acme.test", r.get("updatedBy"));
    assertEquals(1L, ((Number) r.get("version")).longValue());
    assertEquals(List.of("kind", "id", "fields", "derived", "system", "createdAt", "createdBy",
        "updatedAt", "updatedBy", "version"), List.copyOf(r.body().keySet()));

    var read = fx.getRecord("risks", id).expect(200);
    assertEquals(r.body(), read.body());
    assertEquals("\"1\"", read.etag());
    var list = fx.call(req("GET", "/registers/risks", "auditor", AUDITOR)).expect(200);
    assertEquals(List.of(r.body()), list.get("items"));
  }

  @Test
  void singletonAndKeyedRecordsTakeTheirIdAndASecondIs409() {
    var scope = fx.createRecord("scope", """
        {"description": "The Acme SaaS platform on AWS", "accounts": ["111122223333"],
         "regions": ["eu-west-1"]}""").expect(201);
    assertEquals("isms", scope.get("id"));
    assertEquals("/registers/scope/isms", scope.headers().get("location"));
    var again = fx.createRecord("scope", "{\"description\": \"Another\"}").expect(409);
    assertEquals("https://vigil.dev/problems/already-exists", again.get("type"));
    assertEquals("id", again.get("field"));
    assertTrue(((String) again.get("detail")).contains("PATCH /registers/scope/isms"));

    var decision = fx.createRecord("soa-decisions", """
        {"id": "A.5.1", "applicable": true, "justification": "Policies direct the ISMS"}""")
        .expect(201);
    assertEquals("A.5.1", decision.get("id"));
    fx.createRecord("soa-decisions", """
        {"id": "A.5.1", "applicable": false, "justification": "x"}""").expect(409);
    assertEquals(2, fx.registerRepo.writes(), "the refused creates wrote nothing");
    assertEquals("id", fx.createRecord("soa-decisions", """
        {"applicable": true, "justification": "x"}""").expect(400).get("field"));
    assertEquals("id", fx.createRecord("risks", "{\"id\": \"R-mine\"," + RISK_BODY.substring(1))
        .expect(400).get("field"), "generated ids are not given");
  }

  @ParameterizedTest(name = "SoA decision id {0} is refused")
  @CsvSource({"5.1", "A.5.99", "A.05.1", "A.9.1", "a.5.1"})
  void anSoaDecisionIsKeyedByAControlAsTheCatalogueWritesIt(String id) {
    var r = fx.createRecord("soa-decisions", "{\"id\": \"" + id + "\", \"applicable\": true,"
        + " \"justification\": \"x\"}").expect(400);
    assertEquals("id", r.get("field"));
    assertEquals("id", fx.getRecord("soa-decisions", id).expect(400).get("field"));
    assertEquals(0, fx.registerRepo.writes());
  }

  @Test
  void anExclusionWithoutAJustificationIsRefused() {
    var r = fx.createRecord("soa-decisions", "{\"id\": \"A.7.1\", \"applicable\": false}")
        .expect(400);
    assertEquals("justification", r.get("field"));
    assertEquals(0, fx.registerRepo.writes());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown field|severity|\"HIGH\"",
      "unknown field, null|severity|null",
      "text as number|likelihood|\"likely\"",
      "not whole|impact|2.5",
      "not an option|treatment|\"MITIGATE\"",
      "not a control|controls|[\"A.9.9\"]",
      "not a list|controls|\"A.8.24\"",
      "blank|title|\"  \""})
  void invalidFieldsAre400NamingTheFieldAndWriteNothing(String rule, String field, String json) {
    var body = field.equals("severity") ? "{\"severity\": " + json + "," + RISK_BODY.substring(1)
        : risk(field, json);
    var r = fx.createRecord("risks", body).expect(400);
    assertEquals("https://vigil.dev/problems/invalid-request", r.get("type"));
    assertTrue(String.valueOf(r.get("field")).startsWith(field), rule + ": " + r.body());
    assertEquals(0, fx.registerRepo.writes(), rule);
  }

  @Test
  void malformedBodiesAreRefused() {
    assertEquals("body", fx.createRecord("risks", "{\"title\": ").expect(400).get("field"));
    assertEquals("body", fx.createRecord("risks", "[]").expect(400).get("field"));
    assertEquals("body", fx.createRecord("risks", "{\"title\": 1, \"title\": 2}").expect(400)
        .get("field"), "duplicate keys");
    fx.call(req("POST", "/registers/risks", "isms", MANAGER)).expect(400);
    fx.call(req("POST", "/registers/risks", "isms", MANAGER).body(RISK_BODY)
        .header("content-type", "text/plain")).expect(415);
    var huge = "{\"title\": \"" + "x".repeat(FindingsApi.MAX_BODY_BYTES) + "\"}";
    fx.createRecord("risks", huge).expect(413);
    assertEquals(0, fx.registerRepo.writes());
  }

  @Test
  void rolesAndUnknownThings() {
    fx.call(req("POST", "/registers/risks", "viewer", VIEWER).body(RISK_BODY)).expect(403);
    fx.call(req("POST", "/registers/risks", "auditor", AUDITOR).body(RISK_BODY)).expect(403);
    fx.call(req("POST", "/registers/risks", "cto", OWNER).body(RISK_BODY)).expect(403);
    fx.call(HttpApiEvent.request("GET", "/registers/risks")).expect(401);
    var none = fx.call(HttpApiEvent.request("GET", "/registers/risks")
        .as("sub-x", "x@acme.test", List.of("unknown-group"))).expect(403);
    assertTrue(((String) none.get("detail")).contains("no Vigil role"), none.body().toString());
    var unknown = fx.call(req("GET", "/registers/assets", "viewer", VIEWER)).expect(404);
    assertTrue(((String) unknown.get("detail")).contains("risks"), unknown.body().toString());
    fx.getRecord("risks", "R-missing").expect(404);
    fx.call(req("GET", "/registers/risks/R-missing/history", "viewer", VIEWER)).expect(404);
    assertEquals("id", fx.getRecord("risks", "R_1!").expect(400).get("field"));
    fx.call(req("GET", "/registers/risks/R-1/comments", "viewer", VIEWER)).expect(404);
    fx.call(req("GET", "/registers/risks/R-1/history/x", "viewer", VIEWER)).expect(404);
    fx.call(req("POST", "/registers/policies/POL-1/approve-treatment", "isms", MANAGER)
        .header("if-match", "\"1\"")).expect(404);
    fx.call(req("POST", "/registers/risks/R-1/attachments", "isms", MANAGER)
        .header("if-match", "\"1\"")).expect(404);
    assertEquals("GET, PATCH", fx.call(req("DELETE", "/registers/risks/R-1", "isms", MANAGER))
        .expect(405).headers().get("allow"));
    assertEquals(0, fx.registerRepo.writes());
  }

  // ---- risk scoring through the API

  /** The documented default method, through the API: levels, bands, acceptance, boundaries. */
  @ParameterizedTest(name = "{0} × {1} = {2} {3}; residual {4} × {5} = {6} {7}, within {8}")
  @CsvSource({
      "1,4,4,Low,1,1,1,Low,true",
      "1,5,5,Medium,1,4,4,Low,true",
      "3,3,9,Medium,1,5,5,Medium,false",
      "2,5,10,High,3,3,9,Medium,false",
      "4,4,16,High,2,5,10,High,false",
      "4,5,20,Critical,4,4,16,High,false",
      "5,5,25,Critical,5,5,25,Critical,false"})
  void riskLevelsFollowTheDocumentedMethod(int l, int i, long level, String band, int rl,
      int ri, long residual, String residualBand, boolean within) {
    var body = risk("residualImpact", String.valueOf(ri))
        .replace("\"likelihood\": 4", "\"likelihood\": " + l)
        .replace("\"impact\": 4", "\"impact\": " + i)
        .replace("\"residualLikelihood\": 2", "\"residualLikelihood\": " + rl);
    var d = map(fx.createRecord("risks", body).expect(201), "derived");
    assertEquals(level, ((Number) d.get("inherentLevel")).longValue());
    assertEquals(band, d.get("inherentBand"));
    assertEquals(residual, ((Number) d.get("residualLevel")).longValue());
    assertEquals(residualBand, d.get("residualBand"));
    assertEquals(within, d.get("withinAcceptance"));
  }

  @ParameterizedTest(name = "{0} = {1} is out of the scale")
  @CsvSource({"likelihood,0", "likelihood,6", "impact,0", "impact,6", "residualLikelihood,0",
      "residualImpact,6", "likelihood,-3"})
  void valuesOutOfTheScaleAre400NamingTheField(String field, int value) {
    var r = fx.createRecord("risks", risk(field, String.valueOf(value))).expect(400);
    assertEquals(field, r.get("field"));
    assertTrue(((String) r.get("detail")).contains("must be from 1 to 5"), r.body().toString());
  }

  @Test
  void withoutARecordedMethodTheDefaultIsShownAndARecordedOneReplacesIt() {
    var list = fx.call(req("GET", "/registers/risk-method", "viewer", VIEWER)).expect(200);
    var item = (Map<?, ?>) ((List<?>) list.get("items")).get(0);
    assertEquals(true, item.get("default"));
    var method = fx.getRecord("risk-method", "method").expect(200);
    assertEquals(true, method.get("default"));
    assertNull(method.etag(), "nothing stored: no version to name");
    assertNull(method.get("version"));
    var fields = map(method, "fields");
    assertEquals(List.of("Rare", "Unlikely", "Possible", "Likely", "Almost certain"),
        fields.get("likelihoodScale"));
    assertEquals(4L, ((Number) fields.get("acceptanceThreshold")).longValue());
    assertEquals(4, ((List<?>) fields.get("bands")).size());
    fx.getRecord("risk-method", "other").expect(404);

    var sixBySix = """
        {"likelihoodScale": ["Rare", "Unlikely", "Possible", "Likely", "Frequent",
                             "Almost certain"],
         "impactScale": ["Negligible", "Minor", "Moderate", "Major", "Severe", "Extreme"],
         "bands": [{"name": "Low", "minLevel": 1}, {"name": "Medium", "minLevel": 5},
                   {"name": "High", "minLevel": 10}, {"name": "Critical", "minLevel": 17}],
         "acceptanceThreshold": 4}""";
    var recorded = fx.createRecord("risk-method", sixBySix).expect(201);
    assertEquals("method", recorded.get("id"));
    assertEquals(false, recorded.get("default"));
    assertEquals(false, fx.getRecord("risk-method", "method").expect(200).get("default"));
    // a 6-step scale reaches 18: the boundary 16 | 17 through the API
    var high = map(fx.createRecord("risks", risk("impact", "4")).expect(201), "derived");
    assertEquals("High", high.get("inherentBand"), "16");
    var critical = map(fx.createRecord("risks", risk("impact", "6")
        .replace("\"likelihood\": 4", "\"likelihood\": 3")).expect(201), "derived");
    assertEquals(18L, ((Number) critical.get("inherentLevel")).longValue());
    assertEquals("Critical", critical.get("inherentBand"));
    var bad = fx.createRecord("risk-method", sixBySix).expect(409);
    assertEquals("already-exists", String.valueOf(bad.get("type")).replace(
        ApiProblem.TYPE_BASE, ""));
    var inconsistent = patch("risk-method", "method", "\"1\"", "{\"acceptanceThreshold\": 99}")
        .expect(400);
    assertEquals("acceptanceThreshold", inconsistent.get("field"));
  }

  // ---- edit and history

  @Test
  void patchChangesClearsWithNullAndNamesTheVersionItRead() {
    var id = fx.createRisk();
    var missing = patch("risks", id, null, "{\"impact\": 5}").expect(428);
    assertEquals("https://vigil.dev/problems/precondition-required", missing.get("type"));
    assertEquals("If-Match", patch("risks", id, "three", "{\"impact\": 5}").expect(400)
        .get("field"));

    var r = patch("risks", id, "\"1\"", "{\"impact\": 5, \"treatmentPlan\": null}").expect(200);
    assertEquals("\"2\"", r.etag());
    assertEquals(5L, ((Number) map(r, "fields").get("impact")).longValue());
    assertNull(map(r, "fields").get("treatmentPlan"));
    assertEquals(20L, ((Number) map(r, "derived").get("inherentLevel")).longValue());

    int writes = fx.registerRepo.writes();
    var stale = patch("risks", id, "\"1\"", "{\"impact\": 3}").expect(412);
    assertTrue(((String) stale.get("detail")).contains("version 2"), stale.body().toString());
    assertEquals("unknown", patch("risks", id, "\"2\"", "{\"unknown\": null}").expect(400)
        .get("field"), "unknown fields are refused, even null ones");
    assertEquals("id", patch("risks", id, "\"2\"", "{\"id\": \"R-x\"}").expect(400)
        .get("field"));
    assertEquals("owner", patch("risks", id, "\"2\"", "{\"owner\": null}").expect(400)
        .get("field"), "a required field cannot be cleared");
    assertEquals(writes, fx.registerRepo.writes());
    fx.call(req("PATCH", "/registers/risks/" + id, "viewer", VIEWER).header("if-match", "\"2\"")
        .body("{\"impact\": 1}")).expect(403);
    patch("risks", "R-missing", "\"1\"", "{\"impact\": 1}").expect(404);
    assertEquals(writes, fx.registerRepo.writes());

    var same = patch("risks", id, "\"1\"", "{\"impact\": 5}").expect(200);
    assertEquals("\"2\"", same.etag(), "no change: answered as it is, nothing written");
    assertEquals(writes, fx.registerRepo.writes());

    var history = fx.call(req("GET", "/registers/risks/" + id + "/history", "viewer", VIEWER))
        .expect(200);
    assertEquals("risks", history.get("kind"));
    assertEquals(id, history.get("id"));
    var items = (List<?>) history.get("items");
    assertEquals(2, items.size());
    var edit = (Map<?, ?>) items.get(1);
    assertEquals("EDITED", edit.get("kind"));
    assertEquals("isms@acme.test", edit.get("actor"));
    assertEquals(List.of("impact", "treatmentPlan"), edit.get("fieldsChanged"));
    assertEquals(2L, ((Number) edit.get("version")).longValue());
    assertEquals("2026-11-28T09:00:00Z", edit.get("at"));
    assertTrue(edit.containsKey("note"));
  }

  // ---- treatment approval, residual acceptance

  @Test
  void onlyTheRiskOwnerApprovesAndAcceptsAndAnEditOfTheTreatmentWithdrawsBoth() {
    var id = fx.createRisk();
    for (var who : List.of(new Object[] {"isms", MANAGER}, new Object[] {"ops", OWNER},
        new Object[] {"auditor", AUDITOR})) {
      @SuppressWarnings("unchecked")
      var groups = (List<String>) who[1];
      fx.recordStep("risks", id, "approve-treatment", (String) who[0], groups, "\"1\"", null)
          .expect(403);
    }
    fx.recordStep("risks", id, "approve-treatment", "cto", OWNER, null, null).expect(428);
    fx.recordStep("risks", id, "approve-treatment", "cto", OWNER, "\"0\"", null).expect(412);
    assertEquals("treatmentApproval", fx.recordStep("risks", id, "accept-residual", "cto", OWNER,
        "\"1\"", null).expect(400).get("field"), "approve the treatment first");
    assertEquals("note", fx.recordStep("risks", id, "approve-treatment", "cto", OWNER, "\"1\"",
        "{\"note\": \"ok\"}").expect(400).get("field"), "no fields");
    assertEquals(1, fx.registerRepo.writes());

    var approved = fx.recordStep("risks", id, "approve-treatment", "cto", OWNER, "\"1\"", "{}")
        .expect(200);
    assertEquals("\"2\"", approved.etag());
    var approval = (Map<?, ?>) map(approved, "system").get("treatmentApproval");
    assertEquals("cto@acme.test", approval.get("by"));
    assertEquals("2026-11-28T09:00:00Z", approval.get("at"));
    assertEquals(true, map(approved, "derived").get("treatmentApproved"));
    var repeated = fx.recordStep("risks", id, "approve-treatment", "cto", OWNER, "\"1\"", null)
        .expect(200);
    assertEquals("\"2\"", repeated.etag(), "a re-sent approval writes nothing");

    var accepted = fx.recordStep("risks", id, "accept-residual", "cto", OWNER, "\"2\"", null)
        .expect(200);
    var acceptance = (Map<?, ?>) map(accepted, "system").get("residualAcceptance");
    assertEquals(4L, ((Number) acceptance.get("level")).longValue());
    assertEquals(true, acceptance.get("withinAcceptance"));
    assertEquals(true, map(accepted, "derived").get("residualAccepted"));

    var edited = patch("risks", id, accepted.etag(), "{\"treatment\": \"SHARE\"}").expect(200);
    assertFalse(map(edited, "system").containsKey("treatmentApproval"));
    assertFalse(map(edited, "system").containsKey("residualAcceptance"));
    assertEquals(false, map(edited, "derived").get("treatmentApproved"));
    var history = (List<?>) fx.call(req("GET", "/registers/risks/" + id + "/history", "cto",
        OWNER)).expect(200).get("items");
    assertEquals(List.of("CREATED", "TREATMENT_APPROVED", "RESIDUAL_ACCEPTED", "EDITED"),
        history.stream().map(h -> ((Map<?, ?>) h).get("kind")).toList());
    assertEquals("approvals withdrawn: the assessment or treatment changed",
        ((Map<?, ?>) history.get(3)).get("note"));
  }

  // ---- manual evidence

  private String task(String nextDue) {
    return (String) fx.createRecord("evidence-tasks", """
        {"controls": ["A.6.3"], "title": "Awareness training completion report",
         "owner": "ops@acme.test", "frequencyMonths": 3, "nextDue": "%s"}""".formatted(nextDue))
        .expect(201).get("id");
  }

  private ApiFixture.Response attach(String id, String who, List<String> groups, String ifMatch,
      String body) {
    return fx.recordStep("evidence-tasks", id, "attachments", who, groups, ifMatch, body);
  }

  @Test
  void aFileIsStoredInTheVaultAndMovesTheNextDueDate() {
    var id = task("2026-12-10");
    var content = "%PDF-1.7 training report".getBytes(StandardCharsets.UTF_8);
    var r = attach(id, "ops", OWNER, "\"1\"", """
        {"fileName": "training-2026-Q4.pdf", "mediaType": "application/pdf",
         "contentBase64": "%s", "note": "All 42 staff completed"}"""
        .formatted(Base64.getEncoder().encodeToString(content))).expect(200);

    assertEquals("\"2\"", r.etag());
    assertEquals("2027-03-10", map(r, "fields").get("nextDue"));
    var entry = (Map<?, ?>) ((List<?>) map(r, "system").get("attachments")).get(0);
    assertEquals("training-2026-Q4.pdf", entry.get("fileName"));
    assertEquals(Sha256.of(content).hex(), entry.get("contentSha256"));
    assertEquals("ops@acme.test", entry.get("attachedBy"));
    assertEquals("All 42 staff completed", entry.get("note"));
    var document = (Map<?, ?>) JsonReader.read(fx.vault.get(new Sha256(
        (String) entry.get("evidenceSha256"))).orElseThrow());
    assertEquals("application/pdf", document.get("mediaType"));
    assertEquals(1L, ((Number) map(r, "derived").get("attachments")).longValue());
  }

  @Test
  void aReferenceIsRecordedAndAnOverdueTaskMovesPastToday() {
    var id = task("2026-06-01");
    assertEquals("OVERDUE", map(fx.getRecord("evidence-tasks", id), "derived").get("status"));
    var r = attach(id, "isms", MANAGER, "\"1\"",
        "{\"reference\": \"SharePoint ISMS/Training/2026.xlsx\"}").expect(200);
    assertEquals("2026-12-01", map(r, "fields").get("nextDue"));
    assertEquals("DUE_SOON", map(r, "derived").get("status"));
    var entry = (Map<?, ?>) ((List<?>) map(r, "system").get("attachments")).get(0);
    assertEquals("SharePoint ISMS/Training/2026.xlsx", entry.get("reference"));
    assertEquals(0, fx.vault.size(), "a reference stores no file");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not base64|contentBase64|{\"fileName\": \"a.pdf\", \"contentBase64\": \"not*base64\"}",
      "bad padding|contentBase64|{\"fileName\": \"a.pdf\", \"contentBase64\": \"QUJD=\"}",
      "empty file|contentBase64|{\"fileName\": \"a.pdf\", \"contentBase64\": \"\"}",
      "neither|contentBase64|{\"note\": \"n\"}",
      "both|reference|{\"fileName\": \"a\", \"contentBase64\": \"QUJD\", \"reference\": \"r\"}",
      "no file name|fileName|{\"contentBase64\": \"QUJD\"}",
      "a reference has no file name|fileName|{\"reference\": \"r\", \"fileName\": \"a.pdf\"}",
      "bad media type|mediaType|{\"fileName\": \"a\", \"contentBase64\": \"QUJD\","
          + " \"mediaType\": \"pdf\"}",
      "unknown field|sha256|{\"reference\": \"r\", \"sha256\": \"x\"}"})
  void badAttachmentsAre400NamingTheField(String rule, String field, String body) {
    var id = task("2026-12-10");
    var r = attach(id, "ops", OWNER, "\"1\"", body).expect(400);
    assertEquals(field, r.get("field"), rule + ": " + r.body());
    assertEquals(0, fx.vault.size());
    assertEquals("\"1\"", fx.getRecord("evidence-tasks", id).etag(), "nothing written");
  }

  @Test
  void attachmentRolesVersionsAndLimits() {
    var id = task("2026-12-10");
    attach(id, "cto", OWNER, "\"1\"", "{\"reference\": \"r\"}").expect(403);
    attach(id, "viewer", VIEWER, "\"1\"", "{\"reference\": \"r\"}").expect(403);
    attach(id, "ops", OWNER, null, "{\"reference\": \"r\"}").expect(428);
    attach(id, "ops", OWNER, "\"5\"", "{\"reference\": \"r\"}").expect(412);
    attach("TASK-missing", "ops", OWNER, "\"1\"", "{\"reference\": \"r\"}").expect(404);

    var tooBig = new byte[RegisterService.MAX_ATTACHMENT_BYTES + 1];
    var large = attach(id, "ops", OWNER, "\"1\"", "{\"fileName\": \"big.bin\","
        + " \"contentBase64\": \"" + Base64.getEncoder().encodeToString(tooBig) + "\"}")
        .expect(413);
    assertEquals("contentBase64", large.get("field"));
    var body = "{\"reference\": \"" + "r".repeat(RegistersApi.MAX_ATTACHMENT_BODY_BYTES) + "\"}";
    assertEquals("body", attach(id, "ops", OWNER, "\"1\"", body).expect(413).get("field"));
    var atLimit = new byte[RegisterService.MAX_ATTACHMENT_BYTES];
    attach(id, "ops", OWNER, "\"1\"", "{\"fileName\": \"max.bin\", \"contentBase64\": \""
        + Base64.getEncoder().encodeToString(atLimit) + "\"}").expect(200);
    assertEquals(1, fx.vault.size());
  }

  @Test
  void withoutAnEvidenceVaultOnlyReferencesAreAccepted() {
    var findings = fx.findings;
    var registers = new RegisterService(fx.registerRepo, fx.repo, (kpi, day) ->
        java.util.OptionalDouble.empty(), Optional.empty(), fx.now::get, () -> "nv1");
    var api = new FindingsApi(findings, new io.vigil.domain.audit.AuditService(fx.audits,
        findings, io.vigil.domain.audit.AuditEvidence.none(), Optional.empty(), fx.now::get),
        registers, fx.soa, false, fx.idempotencyKeys, fx.now::get);
    var id = task("2026-12-10");
    var file = ApiFixture.decode(api.handle(req("POST", "/registers/evidence-tasks/" + id
        + "/attachments", "ops", OWNER).header("if-match", "\"1\"")
        .body("{\"fileName\": \"a.pdf\", \"contentBase64\": \"QUJD\"}").toMap())).expect(400);
    assertEquals("contentBase64", file.get("field"));
    assertTrue(((String) file.get("detail")).contains("attach a reference"), file.body()
        .toString());
    ApiFixture.decode(api.handle(req("POST", "/registers/evidence-tasks/" + id
        + "/attachments", "ops", OWNER).header("if-match", "\"1\"")
        .body("{\"reference\": \"Drive: training.xlsx\"}").toMap())).expect(200);
  }

  // ---- other registers

  @Test
  void policiesDeriveTheirReviewStatusAndEveryRegisterAcceptsItsSchema() {
    var policy = fx.createRecord("policies", """
        {"title": "Information security policy", "owner": "ciso@acme.test", "version": "3.0",
         "approvedOn": "2025-12-15", "reviewIntervalMonths": 12}""").expect(201);
    assertEquals("2026-12-15", map(policy, "derived").get("reviewDue"));
    assertEquals("DUE_SOON", map(policy, "derived").get("reviewStatus"));
    assertEquals("3.0", map(policy, "fields").get("version"), "a field named version");
    assertEquals(1L, ((Number) policy.get("version")).longValue(), "and the record's version");
    fx.createRecord("issues", "{\"title\": \"Cloud concentration\", \"type\": \"EXTERNAL\"}")
        .expect(201);
    fx.createRecord("interested-parties", """
        {"name": "Customers", "requirements": ["ISO 27001 certificate", "EU data residency"]}""")
        .expect(201);
    fx.createRecord("objectives", """
        {"title": "Pass rate", "kpi": "control-pass-rate", "target": 95, "direction":
         "AT_LEAST", "unit": "%", "owner": "isms@acme.test", "dueDate": "2027-06-30"}""")
        .expect(201);
    assertEquals("kpi", fx.createRecord("objectives", """
        {"title": "x", "kpi": "happiness", "target": 1, "direction": "AT_LEAST",
         "owner": "o", "dueDate": "2027-06-30"}""").expect(400).get("field"));
  }
}
