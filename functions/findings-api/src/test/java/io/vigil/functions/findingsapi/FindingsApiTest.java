package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.ApiFixture.AUDITOR;
import static io.vigil.functions.findingsapi.ApiFixture.MANAGER;
import static io.vigil.functions.findingsapi.ApiFixture.OWNER;
import static io.vigil.functions.findingsapi.ApiFixture.VIEWER;
import static io.vigil.functions.findingsapi.ApiFixture.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.finding.FindingId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every route and every error path of the findings API, with real-shaped v2 events. */
class FindingsApiTest {

  private final ApiFixture fx = new ApiFixture();

  private static HttpApiEvent req(String method, String path, String who, List<String> groups) {
    return as(HttpApiEvent.request(method, path), who, groups);
  }

  private int historySize(String id) {
    return fx.repo.history(FindingId.of(id)).size();
  }

  // ---- routes

  @Test
  void createAnswers201WithLocationEtagAndTheOpenFinding() {
    var r = fx.call(req("POST", "/findings", "auditor", AUDITOR).body(ApiFixture.CREATE_BODY))
        .expect(201);
    var id = (String) r.get("id");
    assertEquals("/findings/" + id, r.headers().get("location"));
    assertEquals("\"0\"", r.etag());
    assertEquals("OPEN", r.get("status"));
    assertEquals(0L, ((Number) r.get("version")).longValue());
    assertEquals(List.of("A.5.18"), r.get("controls"));
    assertEquals("medium", String.valueOf(r.get("severity")).toLowerCase());
    assertEquals(List.of("CORRECTED"), r.get("allowedTransitions"));
    assertEquals("2027-01-31", r.get("dueDate"));
    assertEquals(1, historySize(id));
  }

  @Test
  void getAnswersTheFindingItsActionsAndNextStatesWithAnEtag() {
    var id = fx.raise();
    fx.move(id, "owner", OWNER, "{\"status\":\"CORRECTED\",\"correction\":\"c\"}").expect(200);
    fx.addAction(id, "owner", OWNER).expect(201);

    var r = fx.get(id).expect(200);

    assertEquals("\"1\"", r.etag());
    assertEquals("CORRECTED", r.get("status"));
    assertEquals(List.of("ANALYSED"), r.get("allowedTransitions"));
    var actions = (List<?>) r.get("actions");
    assertEquals(1, actions.size());
    assertEquals("PLANNED", ((Map<?, ?>) actions.get(0)).get("status"));
    assertEquals("c", ((Map<?, ?>) r.get("treatment")).get("correction"));
  }

  @Test
  void listFiltersAndPagesWithAnOpaqueCursor() {
    for (int i = 0; i < 3; i++) {
      fx.now.set(Instant.parse("2026-11-28T09:00:00Z").plusSeconds(i));
      fx.raise();
    }
    fx.call(req("POST", "/findings", "auditor", AUDITOR).body("""
        {"title": "t", "type": "OBSERVATION", "source": "EXTERNAL_AUDIT",
         "controls": ["A.8.24"], "description": "d"}""")).expect(201);

    var page1 = fx.call(req("GET", "/findings", "viewer", VIEWER).query("limit", "2")
        .query("type", "MINOR_NONCONFORMITY")).expect(200);
    assertEquals(2, ((List<?>) page1.get("items")).size());
    var cursor = (String) page1.get("nextCursor");
    assertNotNull(cursor);
    var page2 = fx.call(req("GET", "/findings", "viewer", VIEWER).query("limit", "2")
        .query("type", "MINOR_NONCONFORMITY").query("cursor", cursor)).expect(200);
    assertEquals(1, ((List<?>) page2.get("items")).size());
    assertNull(page2.get("nextCursor"));

    var byControl = fx.call(req("GET", "/findings", "viewer", VIEWER)
        .query("control", "A.8.24").query("source", "EXTERNAL_AUDIT").query("status", "OPEN")
        .query("owner", "nobody@acme.test")).expect(200);
    assertEquals(0, ((List<?>) byControl.get("items")).size());
    var byControlOnly = fx.call(req("GET", "/findings", "viewer", VIEWER)
        .query("control", "A.8.24")).expect(200);
    assertEquals(1, ((List<?>) byControlOnly.get("items")).size());
    assertEquals(4, ((List<?>) fx.call(req("GET", "/findings", "viewer", VIEWER)).expect(200)
        .get("items")).size(), "default limit 25");
  }

  @Test
  void listOverdueKeepsOpenFindingsPastTheirDueDate() {
    fx.raise();
    var notYet = fx.call(req("GET", "/findings", "viewer", VIEWER).query("overdue", "true"));
    assertEquals(0, ((List<?>) notYet.expect(200).get("items")).size());
    fx.now.set(Instant.parse("2027-02-02T00:00:00Z"));
    var overdue = fx.call(req("GET", "/findings", "viewer", VIEWER).query("overdue", "true"));
    var items = (List<?>) overdue.expect(200).get("items");
    assertEquals(1, items.size());
    assertEquals(true, ((Map<?, ?>) items.get(0)).get("overdue"));
  }

  @Test
  void patchMovesWithIfMatchAndAnswersTheNewEtag() {
    var id = fx.raise();
    var r = fx.patch(id, "owner", OWNER, "\"0\"",
        "{\"status\":\"CORRECTED\",\"correction\":\"Revoked stale admins\"}").expect(200);
    assertEquals("\"1\"", r.etag());
    assertEquals("CORRECTED", r.get("status"));
    assertEquals("Revoked stale admins", ((Map<?, ?>) r.get("treatment")).get("correction"));
  }

  @Test
  void patchEditsAsManagerAcceptingWeakAndBareEtags() {
    var id = fx.raise();
    fx.patch(id, "manager", MANAGER, "W/\"0\"", "{\"dueDate\":\"2027-03-31\","
        + "\"title\":\"Reviews missing\",\"owner\":\"o2@acme.test\","
        + "\"type\":\"MAJOR_NONCONFORMITY\",\"description\":\"d2\"}").expect(200);
    var r = fx.patch(id, "manager", MANAGER, "1", "{\"dueDate\":\"2027-04-30\"}").expect(200);
    assertEquals("2027-04-30", r.get("dueDate"));
    assertEquals("MAJOR_NONCONFORMITY", r.get("type"));
    assertEquals("o2@acme.test", r.get("owner"));
  }

  @Test
  void historyListsEveryChangeOldestFirst() {
    var id = fx.raise();
    fx.move(id, "owner", OWNER, "{\"status\":\"CORRECTED\",\"correction\":\"c\"}").expect(200);
    var r = fx.call(req("GET", "/findings/" + id + "/history", "viewer", VIEWER)).expect(200);
    var items = (List<?>) r.get("items");
    assertEquals(2, items.size());
    var move = (Map<?, ?>) items.get(1);
    assertEquals("TRANSITION", move.get("kind"));
    assertEquals("owner@acme.test", move.get("actor"));
    assertEquals("OPEN", move.get("from"));
    assertEquals("CORRECTED", move.get("to"));
    assertEquals(List.of("correction"), move.get("fieldsChanged"));
    assertEquals(id, r.get("findingId"));
  }

  @Test
  void actionsAreAddedAndUpdatedWithTheirOwnEtags() {
    var id = fx.raise();
    var added = fx.addAction(id, "owner", OWNER).expect(201);
    var actionId = (String) added.get("id");
    assertEquals("/findings/" + id + "/actions/" + actionId, added.headers().get("location"));
    assertEquals("\"0\"", added.etag());
    assertEquals("PLANNED", added.get("status"));

    var updated = fx.patchAction(id, actionId, "owner", OWNER, "\"0\"",
        "{\"status\":\"IN_PROGRESS\",\"description\":\"Quarterly review, ticketed\"}")
        .expect(200);
    assertEquals("\"1\"", updated.etag());
    assertEquals("IN_PROGRESS", updated.get("status"));
    var stale = fx.patchAction(id, actionId, "owner", OWNER, "\"0\"",
        "{\"status\":\"IMPLEMENTED\"}").expect(412);
    assertTrue(String.valueOf(stale.get("detail")).contains("version 1"), stale.body().toString());
  }

  @Test
  void theWholeWorkflowToClosedThroughTheApi() {
    var ids = fx.implemented();
    fx.move(ids[0], "auditor", AUDITOR, "{\"status\":\"EFFECTIVE\","
        + "\"effectivenessReview\":\"Q1 review on time\"}").expect(200);
    var closed = fx.move(ids[0], "auditor", AUDITOR, "{\"status\":\"CLOSED\","
        + "\"ismsChange\":\"Policy updated\"}").expect(200);
    assertEquals("CLOSED", closed.get("status"));
    assertEquals(List.of("REOPENED"), closed.get("allowedTransitions"));
    assertEquals("auditor@acme.test", ((Map<?, ?>) closed.get("treatment")).get("reviewedBy"));
  }

  @Test
  void claimsMayCarryGroupsAsAJsonArrayOrACommaSeparatedString() {
    var id = fx.raise();
    var event = HttpApiEvent.request("PATCH", "/findings/" + id).header("if-match", "\"0\"")
        .body("{\"dueDate\":\"2027-05-01\"}").toMap();
    setClaims(event, Map.of("sub", "m", "groups", List.of("viewer", "isms-manager")));
    fx.call(event).expect(200);
    var event2 = HttpApiEvent.request("PATCH", "/findings/" + id).header("if-match", "\"1\"")
        .body("{\"dueDate\":\"2027-05-02\"}").toMap();
    setClaims(event2, Map.of("sub", "m", "cognito:groups", "viewer,isms-manager"));
    fx.call(event2).expect(200);
    var event3 = HttpApiEvent.request("PATCH", "/findings/" + id).header("if-match", "\"2\"")
        .body("{\"dueDate\":\"2027-05-03\"}").toMap();
    setClaims(event3, Map.of("sub", "m", "cognito:groups", "viewer unknown-group"));
    fx.call(event3).expect(403);
  }

  @Test
  void aBase64BodyIsDecoded() {
    var event = req("POST", "/findings", "auditor", AUDITOR).body(ApiFixture.CREATE_BODY).toMap();
    event.put("body", Base64.getEncoder().encodeToString(
        ApiFixture.CREATE_BODY.getBytes(StandardCharsets.UTF_8)));
    event.put("isBase64Encoded", true);
    fx.call(event).expect(201);
  }

  @Test
  void aNamedStageIsStrippedFromThePath() {
    var event = req("GET", "/prod/findings", "viewer", VIEWER).toMap();
    ((Map<String, Object>) event.get("requestContext")).put("stage", "prod");
    fx.call(event).expect(200);
  }

  // ---- 400

  private static final String VALID = "{\"title\": \"t\", \"type\": \"OBSERVATION\","
      + " \"source\": \"INCIDENT\", \"controls\": [\"A.5.1\"], \"description\": \"d\"}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      syntax error        | {"title": "t",               | body
      not an object       | ["title"]                    | body
      empty body          |                              | body
      duplicate key       | {"title": "a", "title": "b"} | body
      unknown field       | {"title": "t", "colour": 1}  | colour
      """)
  void createRefusesABodyThatIsNotAValidObject(String why, String body, String field) {
    var r = fx.call(req("POST", "/findings", "auditor", AUDITOR).body(body == null ? "" : body))
        .expect(400);
    assertEquals(field, r.get("field"), why + ": " + r.body());
    assertNothingWritten();
  }

  /** {@code VALID} with {@code field} set to the JSON {@code value}, or removed if "-". */
  private static String validWith(String field, String value) {
    try {
      @SuppressWarnings("unchecked")
      var body = (Map<String, Object>) JsonText.parse(VALID);
      if (value.equals("-")) {
        body.remove(field);
      } else {
        body.put(field, JsonText.parse(value));
      }
      return JsonText.write(body);
    } catch (JsonText.SyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing title         | title       | -                  | title
      missing type          | type        | -                  | type
      missing source        | source      | -                  | source
      missing controls      | controls    | -                  | controls
      empty controls        | controls    | []                 | controls
      missing description   | description | -                  | description
      title wrong type      | title       | 5                  | title
      controls wrong type   | controls    | "A.5.1"            | controls
      invalid control       | controls    | ["8.2.1"]          | controls
      invalid type enum     | type        | "SEVERE"           | type
      invalid source enum   | source      | "RUMOUR"           | source
      invalid date          | dueDate     | "31/01/2027"       | dueDate
      automated source      | source      | "AUTOMATED_CHECK"  | source
      blank title           | title       | "  "               | title
      """)
  void createRefusesAnInvalidFieldNamingItAndWritesNothing(String why, String field,
      String value, String expectedField) {
    var r = fx.call(req("POST", "/findings", "auditor", AUDITOR).body(validWith(field, value)))
        .expect(400);
    assertEquals(expectedField, r.get("field"), why + ": " + r.body());
    assertEquals("https://vigil.dev/problems/invalid-request", r.get("type"));
    assertNothingWritten();
  }

  private void assertNothingWritten() {
    assertEquals(0, fx.repo.find(io.vigil.domain.finding.FindingQuery.all(), null, 100)
        .items().size(), "nothing written");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown field   | {"status": "CORRECTED", "correction": "c", "severity": "low"} | severity
      wrong type      | {"status": 3}                                                | status
      invalid status  | {"status": "FIXED"}                                          | status
      no status       | {"correction": "c"}                                          | correction
      other state     | {"status": "CORRECTED", "correction": "c", "rootCause": "r"} | rootCause
      required absent | {"status": "CORRECTED"}                                      | correction
      required blank  | {"status": "CORRECTED", "correction": " "}                   | correction
      changes nothing | {}                                                           | status
      invalid date    | {"dueDate": "2027-02-30"}                                    | dueDate
      """)
  void patchRefusesAnInvalidBodyNamingTheFieldAndWritesNothing(String why, String body,
      String field) {
    var id = fx.raise();
    var r = fx.patch(id, "owner", OWNER, "\"0\"", body).expect(400);
    assertEquals(field, r.get("field"), why + ": " + r.body());
    assertEquals(1, historySize(id));
    assertEquals(0, fx.repo.findById(FindingId.of(id)).orElseThrow().version());
  }

  @Test
  void invalidIdsEnumsAndQueryParametersAre400() {
    assertEquals("id", fx.call(req("GET", "/findings/not-an-id", "viewer", VIEWER)).expect(400)
        .get("field"));
    var id = fx.raise();
    assertEquals("actionId", fx.patchAction(id, "B-1", "owner", OWNER, "\"0\"",
        "{\"status\":\"IMPLEMENTED\"}").expect(400).get("field"));
    assertEquals("status", fx.call(req("GET", "/findings", "viewer", VIEWER)
        .query("status", "FIXED")).expect(400).get("field"));
    assertEquals("limit", fx.call(req("GET", "/findings", "viewer", VIEWER)
        .query("limit", "101")).expect(400).get("field"));
    assertEquals("limit", fx.call(req("GET", "/findings", "viewer", VIEWER)
        .query("limit", "ten")).expect(400).get("field"));
    assertEquals("overdue", fx.call(req("GET", "/findings", "viewer", VIEWER)
        .query("overdue", "yes")).expect(400).get("field"));
    assertEquals("control", fx.call(req("GET", "/findings", "viewer", VIEWER)
        .query("control", "A.9.1")).expect(400).get("field"));
    assertEquals("cursor", fx.call(req("GET", "/findings", "viewer", VIEWER)
        .query("cursor", "forged")).expect(400).get("field"));
    assertEquals("sort", fx.call(req("GET", "/findings", "viewer", VIEWER)
        .query("sort", "title")).expect(400).get("field"));
    assertEquals("If-Match", fx.patch(id, "owner", OWNER, "\"v1\"",
        "{\"status\":\"CORRECTED\",\"correction\":\"c\"}").expect(400).get("field"));
    var action = fx.addAction(id, "owner", OWNER).expect(201);
    assertEquals("status", fx.patchAction(id, (String) action.get("id"), "owner", OWNER, "\"0\"",
        "{\"status\":\"DONE\"}").expect(400).get("field"));
    assertEquals("dueDate", fx.call(req("POST", "/findings/" + id + "/actions", "owner", OWNER)
        .body("{\"description\":\"d\",\"owner\":\"o\"}")).expect(400).get("field"));
    assertEquals("effort", fx.call(req("POST", "/findings/" + id + "/actions", "owner", OWNER)
        .body("{\"description\":\"d\",\"owner\":\"o\",\"dueDate\":\"2027-01-01\",\"effort\":3}"))
        .expect(400).get("field"));
  }

  @Test
  void aBodyOver64KbIsRefusedWith413AndNothingWritten() {
    var big = "x".repeat(FindingsApi.MAX_BODY_BYTES);
    var r = fx.call(req("POST", "/findings", "auditor", AUDITOR).body("{\"title\":\"t\","
        + "\"type\":\"OBSERVATION\",\"source\":\"INCIDENT\",\"controls\":[\"A.5.1\"],"
        + "\"description\":\"" + big + "\"}")).expect(413);
    assertEquals("https://vigil.dev/problems/payload-too-large", r.get("type"));
    assertEquals(0, fx.repo.find(io.vigil.domain.finding.FindingQuery.all(), null, 100)
        .items().size());
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    var event = req("POST", "/findings", "auditor", AUDITOR).body("title=t").toMap();
    ((Map<String, Object>) event.get("headers")).put("content-type", "text/plain");
    assertEquals("content-type", fx.call(event).expect(415).get("field"));
  }

  // ---- 401, 403

  @Test
  void noIdentityIs401OnEveryRoute() {
    for (var e : List.of(HttpApiEvent.request("GET", "/findings"),
        HttpApiEvent.request("POST", "/findings").body(ApiFixture.CREATE_BODY),
        HttpApiEvent.request("GET", "/findings/F-1"),
        HttpApiEvent.request("GET", "/findings/F-1/history"))) {
      var r = fx.call(e).expect(401);
      assertEquals("Bearer", r.headers().get("www-authenticate"));
    }
    var event = HttpApiEvent.request("GET", "/findings").toMap();
    setClaims(event, Map.of("email", "someone@acme.test"));
    fx.call(event).expect(401);
  }

  @Test
  void aViewerCannotWrite403() {
    var id = fx.raise();
    var r = fx.call(req("POST", "/findings", "viewer", VIEWER).body(ApiFixture.CREATE_BODY))
        .expect(403);
    assertEquals("https://vigil.dev/problems/forbidden", r.get("type"));
    fx.patch(id, "viewer", VIEWER, "\"0\"", "{\"status\":\"CORRECTED\",\"correction\":\"c\"}")
        .expect(403);
    fx.addAction(id, "viewer", VIEWER).expect(403);
    assertEquals(1, historySize(id));
  }

  @Test
  void nobodyReviewsTheEffectivenessOfTheirOwnAction403() {
    var ids = fx.implemented();
    var implementer = HttpApiEvent.request("PATCH", "/findings/" + ids[0])
        .as("sub-owner-manager", "owner@acme.test", List.of("isms-manager", "owner"))
        .header("if-match", fx.get(ids[0]).etag())
        .body("{\"status\":\"EFFECTIVE\",\"effectivenessReview\":\"fine by me\"}");
    var r = fx.call(implementer).expect(403);
    assertTrue(String.valueOf(r.get("detail")).contains("impartial"), r.body().toString());
  }

  // ---- 404, 405

  @Test
  void unknownFindingsActionsAndRoutesAre404() {
    var r = fx.call(req("GET", "/findings/F-missing", "viewer", VIEWER)).expect(404);
    assertEquals("https://vigil.dev/problems/not-found", r.get("type"));
    fx.call(req("GET", "/findings/F-missing/history", "viewer", VIEWER)).expect(404);
    fx.patch("F-missing", "manager", MANAGER, "\"0\"", "{\"dueDate\":\"2027-01-01\"}")
        .expect(404);
    var id = fx.raise();
    fx.patchAction(id, "A-missing", "manager", MANAGER, "\"0\"", "{\"status\":\"IN_PROGRESS\"}")
        .expect(404);
    var route = fx.call(req("GET", "/policies", "viewer", VIEWER)).expect(404);
    assertEquals("https://vigil.dev/problems/no-such-route", route.get("type"));
    fx.call(req("GET", "/findings/" + id + "/comments", "viewer", VIEWER)).expect(404);
    fx.call(req("GET", "/findings/" + id + "/actions/A-1/x", "viewer", VIEWER)).expect(404);
  }

  @ParameterizedTest
  @CsvSource({"DELETE,/findings,'GET, POST'", "PUT,/findings/F-1,'GET, PATCH'",
      "POST,/findings/F-1/history,GET", "GET,/findings/F-1/actions,POST",
      "GET,/findings/F-1/actions/A-1,PATCH", "DELETE,/audits,GET", "PATCH,/audits/AUD-1,GET",
      "GET,/audits/AUD-1/start,POST", "PUT,/audits/AUD-1/complete,POST",
      "POST,/audits/AUD-1/report,GET", "POST,/audits/AUD-1/conclusions/9.2,PUT"})
  void aWrongMethodIs405WithAllow(String method, String path, String allow) {
    var r = fx.call(req(method, path, "manager", MANAGER)).expect(405);
    assertEquals(allow, r.headers().get("allow"));
  }

  // ---- 409, 412, 428

  @Test
  void anInvalidMoveIs409WithTheAllowedStatesAndWritesNothing() {
    var id = fx.raise();
    var r = fx.patch(id, "manager", MANAGER, "\"0\"", "{\"status\":\"CLOSED\"}").expect(409);
    assertEquals(List.of("CORRECTED"), r.get("allowed"));
    assertEquals("OPEN", r.get("from"));
    assertEquals("CLOSED", r.get("to"));
    assertEquals("https://vigil.dev/problems/invalid-transition", r.get("type"));
    assertEquals(1, historySize(id));
  }

  @Test
  void planningWithoutAnActionIs409() {
    var id = fx.raise();
    fx.move(id, "owner", OWNER, "{\"status\":\"CORRECTED\",\"correction\":\"c\"}").expect(200);
    fx.move(id, "owner", OWNER, "{\"status\":\"ANALYSED\",\"rootCause\":\"r\","
        + "\"similarNonconformities\":\"none\"}").expect(200);
    var r = fx.move(id, "owner", OWNER, "{\"status\":\"ACTION_PLANNED\"}").expect(409);
    assertEquals(List.of("ACTION_PLANNED"), r.get("allowed"));
  }

  @Test
  void aStaleIfMatchIs412AndChangesNothing() {
    var id = fx.raise();
    fx.patch(id, "owner", OWNER, "\"0\"", "{\"status\":\"CORRECTED\",\"correction\":\"c\"}")
        .expect(200);
    var r = fx.patch(id, "manager", MANAGER, "\"0\"", "{\"dueDate\":\"2027-06-30\"}")
        .expect(412);
    assertEquals("https://vigil.dev/problems/stale-version", r.get("type"));
    assertEquals(2, historySize(id));
    assertEquals("2027-01-31", fx.get(id).get("dueDate"));
  }

  @Test
  void aMissingIfMatchIs428() {
    var id = fx.raise();
    var r = fx.call(req("PATCH", "/findings/" + id, "owner", OWNER)
        .body("{\"status\":\"CORRECTED\",\"correction\":\"c\"}")).expect(428);
    assertEquals("https://vigil.dev/problems/precondition-required", r.get("type"));
    var action = fx.addAction(id, "owner", OWNER).expect(201);
    fx.call(req("PATCH", "/findings/" + id + "/actions/" + action.get("id"), "owner", OWNER)
        .body("{\"status\":\"IMPLEMENTED\"}")).expect(428);
    assertEquals(2, historySize(id));
  }

  // ---- 500

  @Test
  void anUnexpectedFailureIs500WithACorrelationIdAndNoInternals() {
    var findings = new io.vigil.domain.finding.FindingService(
        new io.vigil.domain.fakes.InMemoryFindingRepository() {
          @Override
          public java.util.Optional<io.vigil.domain.finding.Finding> findById(FindingId id) {
            throw new IllegalStateException("secret table name vigil-prod is throttled");
          }
        }, fx.now::get, () -> "x");
    var broken = new FindingsApi(findings, new io.vigil.domain.audit.AuditService(
        fx.audits, findings, io.vigil.domain.audit.AuditEvidence.none(),
        java.util.Optional.empty(), fx.now::get), fx.registers, fx.soa, true, fx.idempotencyKeys,
        fx.now::get);
    var event = req("GET", "/findings/F-1", "viewer", VIEWER).toMap();
    var out = broken.handle(event);
    assertEquals(500, out.get("statusCode"));
    var body = (String) out.get("body");
    assertFalse(body.contains("secret"), body);
    assertFalse(body.contains("Exception"), body);
    var requestId = ((Map<?, ?>) event.get("requestContext")).get("requestId");
    assertTrue(body.contains("\"correlationId\":\"" + requestId + "\""), body);
  }

  @SuppressWarnings("unchecked")
  private static void setClaims(Map<String, Object> event, Map<String, Object> claims) {
    var ctx = (Map<String, Object>) event.get("requestContext");
    ctx.put("authorizer", Map.of("jwt", Map.of("claims", new LinkedHashMap<>(claims))));
  }
}
