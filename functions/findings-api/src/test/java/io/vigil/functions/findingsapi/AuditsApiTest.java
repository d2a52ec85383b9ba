package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.ApiFixture.AUDITOR;
import static io.vigil.functions.findingsapi.ApiFixture.MANAGER;
import static io.vigil.functions.findingsapi.ApiFixture.OWNER;
import static io.vigil.functions.findingsapi.ApiFixture.PLANNED;
import static io.vigil.functions.findingsapi.ApiFixture.VIEWER;
import static io.vigil.functions.findingsapi.ApiFixture.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.AuditService;
import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.finding.FindingQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every audit route and every error path, with real-shaped v2 events, on the in-memory stores. */
class AuditsApiTest {

  private static final String ID = PLANNED.id();
  private static final String MAJOR = """
      {"conclusion": "MAJOR_NONCONFORMITY",
       "notes": "Two EBS volumes are unencrypted <script>alert(1)</script>",
       "evidence": ["Crypto policy v3 section 4", "Interview with the platform lead"],
       "owner": "owner@acme.test", "dueDate": "2027-01-31"}""";

  private final ApiFixture fx = new ApiFixture();
  /** Records the plan wrote. */
  private int planned;

  @BeforeEach
  void plan() {
    fx.plan(PLANNED, new AuditPlan.PlannedAudit("AUD-2027-02-01-0002",
        LocalDate.parse("2027-02-01"), "dave", "dave@acme.test", List.of("A.5.1"), "c", "s",
        "m"));
    planned = fx.audits.writes();
  }

  private static HttpApiEvent req(String method, String path, String who, List<String> groups) {
    return as(HttpApiEvent.request(method, path), who, groups);
  }

  private int findings() {
    return fx.repo.find(FindingQuery.all(), null, 100).items().size();
  }

  private static CheckResult result(String check, CheckStatus status, String arn, Instant at) {
    return new CheckResult("run-1", CheckId.of(check), status, "111122223333", "eu-west-1", arn,
        "AWS::EC2::Volume", List.of(ControlId.parse("A.8.24")), Severity.MEDIUM, at,
        Sha256.of(arn + status), status == CheckStatus.FAIL ? "volume is not encrypted" : "ok");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> conclusion(ApiFixture.Response audit, String item) {
    return ((List<Map<String, Object>>) audit.get("conclusions")).stream()
        .filter(c -> item.equals(c.get("item"))).findFirst()
        .orElseThrow(() -> new AssertionError("no conclusion on " + item + ": " + audit.body()));
  }

  /** Started by Carol and every item concluded; returns the ETag of the last conclusion. */
  private String allConcluded() {
    var etag = fx.startAsCarol().expect(200).etag();
    etag = fx.conclude(ID, "9.2", "carol", AUDITOR, etag, "{\"conclusion\": \"CONFORMING\"}")
        .expect(200).etag();
    etag = fx.conclude(ID, "A.8.24", "carol", AUDITOR, etag, MAJOR).expect(200).etag();
    return fx.conclude(ID, "A.8.5", "carol", AUDITOR, etag, """
        {"conclusion": "OBSERVATION", "notes": "MFA enforced, but no break-glass procedure"}""")
        .expect(200).etag();
  }

  // ---- routes

  @Test
  void getAnswersTheAuditWithItsEtagAndNullsForWhatHasNotHappened() {
    var r = fx.getAudit(ID).expect(200);

    assertEquals("\"1\"", r.etag());
    assertEquals(ID, r.get("id"));
    assertEquals("PLANNED", r.get("status"));
    assertEquals("2026-12-01", r.get("date"));
    assertEquals("carol", r.get("auditor"));
    assertEquals("carol@acme.test", r.get("auditorEmail"));
    assertEquals(List.of("9.2", "A.8.24", "A.8.5"), r.get("items"));
    assertEquals(PLANNED.criteria(), r.get("criteria"));
    assertEquals(PLANNED.scope(), r.get("scope"));
    assertEquals(PLANNED.method(), r.get("method"));
    assertEquals(false, r.get("overdue"));
    assertEquals(List.of("9.2", "A.8.24", "A.8.5"), r.get("openItems"));
    for (var absent : List.of("startedAt", "startedBy", "completedAt", "completedBy", "summary",
        "reportSha256", "cancelledAt", "cancelledBy", "cancelReason")) {
      assertTrue(r.body().containsKey(absent), absent);
      assertNull(r.get(absent), absent);
    }
    assertEquals(List.of(), r.get("conclusions"));
    assertEquals(1L, ((Number) r.get("version")).longValue());

    fx.now.set(Instant.parse("2026-12-02T00:00:00Z"));
    assertEquals(true, fx.getAudit(ID).get("overdue"), "planned and its date has passed");
  }

  @Test
  void listDefaultsToTwelveMonthsEitherSideAndFiltersByDateAndStatus() {
    fx.plan(PLANNED, new AuditPlan.PlannedAudit("AUD-2027-02-01-0002",
        LocalDate.parse("2027-02-01"), "dave", "dave@acme.test", List.of("A.5.1"), "c", "s", "m"),
        new AuditPlan.PlannedAudit("AUD-2028-06-01-0003", LocalDate.parse("2028-06-01"), "dave",
            "dave@acme.test", List.of("A.5.2"), "c", "s", "m"));
    fx.startAsCarol().expect(200);

    var all = fx.call(req("GET", "/audits", "viewer", VIEWER)).expect(200);
    assertEquals(List.of(ID, "AUD-2027-02-01-0002"), ids(all), "2028 is beyond today + 12 months");
    var later = fx.call(req("GET", "/audits", "viewer", VIEWER).query("from", "2027-01-01")
        .query("to", "2028-12-31")).expect(200);
    assertEquals(List.of("AUD-2027-02-01-0002", "AUD-2028-06-01-0003"), ids(later));
    var started = fx.call(req("GET", "/audits", "viewer", VIEWER)
        .query("status", "IN_PROGRESS,COMPLETED")).expect(200);
    assertEquals(List.of(ID), ids(started));
    var item = (Map<?, ?>) ((List<?>) started.get("items")).get(0);
    assertEquals("IN_PROGRESS", item.get("status"));
    assertEquals("carol@acme.test", item.get("startedBy"));
  }

  private static List<Object> ids(ApiFixture.Response r) {
    return ((List<?>) r.get("items")).stream().<Object>map(a -> ((Map<?, ?>) a).get("id"))
        .toList();
  }

  @Test
  void theAssignedAuditorStartsByTheEmailInTheirTokenAndARepeatedStartWritesNothing() {
    var first = fx.call(HttpApiEvent.request("POST", "/audits/" + ID + "/start")
        .as("cognito-sub-7f3a", "Carol@acme.test", List.of("auditor"))
        .header("if-match", "\"1\"")).expect(200);
    assertEquals("\"2\"", first.etag());
    assertEquals("IN_PROGRESS", first.get("status"));
    assertEquals("2026-11-28T09:00:00Z", first.get("startedAt"));
    assertEquals("Carol@acme.test", first.get("startedBy"));
    int writes = fx.audits.writes();

    fx.now.set(Instant.parse("2026-11-28T09:05:00Z"));
    var again = fx.call(HttpApiEvent.request("POST", "/audits/" + ID + "/start")
        .as("cognito-sub-7f3a", "Carol@acme.test", List.of("auditor"))
        .header("if-match", "\"1\"")).expect(200);

    assertEquals(first.body(), again.body(), "a re-delivered start answers the same audit");
    assertEquals("\"2\"", again.etag());
    assertEquals(writes, fx.audits.writes(), "and writes nothing");
  }

  @Test
  void aMajorNonconformityRaisesAFindingAndLinksTheCheckResultsOfThePeriod() {
    var observed = Instant.parse("2026-11-27T06:00:00Z");
    fx.results.saveAll(List.of(
        result("ec2_ebs_volume_encrypted", CheckStatus.PASS, "arn:aws:ec2:eu-west-1:1:volume/v-1",
            observed),
        result("ec2_ebs_volume_encrypted", CheckStatus.FAIL, "arn:aws:ec2:eu-west-1:1:volume/v-2",
            observed),
        result("ec2_ebs_volume_encrypted", CheckStatus.FAIL, "arn:aws:ec2:eu-west-1:1:volume/v-3",
            observed.plusSeconds(60)),
        result("ec2_ebs_volume_encrypted", CheckStatus.ERROR, "arn:aws:ec2:eu-west-1:1:volume/v-4",
            observed),
        // older than the evidence period: a resource no longer seen
        result("ec2_ebs_volume_encrypted", CheckStatus.FAIL, "arn:aws:ec2:eu-west-1:1:volume/old",
            observed.minusSeconds(90L * 24 * 3600)),
        result("cloudtrail_trail_kms_encrypted", CheckStatus.PASS, "arn:aws:cloudtrail:t",
            observed),
        // a check of another control
        result("iam_root_mfa_enabled", CheckStatus.FAIL, "arn:aws:iam::1:root", observed)));
    var etag = fx.startAsCarol().expect(200).etag();

    var r = fx.conclude(ID, "A.8.24", "carol", AUDITOR, etag, MAJOR).expect(200);

    assertEquals("\"3\"", r.etag());
    assertEquals(List.of("9.2", "A.8.5"), r.get("openItems"));
    var c = conclusion(r, "A.8.24");
    assertEquals("MAJOR_NONCONFORMITY", c.get("conclusion"));
    assertEquals(List.of("Crypto policy v3 section 4", "Interview with the platform lead"),
        c.get("evidence"));
    assertEquals("carol@acme.test", c.get("recordedBy"));
    assertEquals("2026-11-28T09:00:00Z", c.get("recordedAt"));
    var findingId = (String) c.get("findingId");
    assertEquals(AuditService.findingIdOf(ID, "A.8.24").value(), findingId);
    var automated = (List<?>) c.get("automated");
    assertEquals(2, automated.size(), automated.toString());
    var trail = (Map<?, ?>) automated.get(0);
    assertEquals("cloudtrail_trail_kms_encrypted", trail.get("checkId"));
    assertEquals(List.of(1L, 0L, 0L, 0L), counts(trail));
    assertEquals(List.of(), trail.get("failing"));
    var volumes = (Map<?, ?>) automated.get(1);
    assertEquals("ec2_ebs_volume_encrypted", volumes.get("checkId"));
    assertEquals("EBS volume is encrypted at rest", volumes.get("title"));
    assertEquals(List.of(1L, 2L, 1L, 0L), counts(volumes));
    assertEquals("2026-11-27T06:01:00Z", volumes.get("latestObservedAt"));
    var failing = (List<?>) volumes.get("failing");
    assertEquals(2, failing.size());
    var first = (Map<?, ?>) failing.get(0);
    assertEquals("arn:aws:ec2:eu-west-1:1:volume/v-2", first.get("resourceArn"));
    assertEquals("111122223333", first.get("accountId"));
    assertEquals("volume is not encrypted", first.get("reason"));
    assertEquals(Sha256.of("arn:aws:ec2:eu-west-1:1:volume/v-2FAIL").hex(),
        first.get("evidenceSha256"));

    var finding = fx.get(findingId).expect(200);
    assertEquals("INTERNAL_AUDIT", finding.get("source"));
    assertEquals("MAJOR_NONCONFORMITY", finding.get("type"));
    assertEquals(ID, finding.get("auditId"));
    assertEquals(List.of("A.8.24"), finding.get("controls"));
    assertEquals("owner@acme.test", finding.get("owner"));
    assertEquals("2027-01-31", finding.get("dueDate"));
    assertTrue(String.valueOf(finding.get("description")).contains("Crypto policy v3"),
        finding.body().toString());
  }

  private static List<Long> counts(Map<?, ?> check) {
    return List.of("passed", "failed", "errors", "notApplicable").stream()
        .map(k -> ((Number) check.get(k)).longValue()).toList();
  }

  @Test
  void aRepeatedConclusionAnswersTheSameAuditAndRaisesNoSecondFinding() {
    var etag = fx.startAsCarol().expect(200).etag();
    var first = fx.conclude(ID, "A.8.24", "carol", AUDITOR, etag, MAJOR).expect(200);
    int writes = fx.audits.writes();
    int raised = findings();

    var again = fx.conclude(ID, "A.8.24", "carol", AUDITOR, etag, MAJOR).expect(200);

    assertEquals(first.body(), again.body());
    assertEquals(first.etag(), again.etag());
    assertEquals(writes, fx.audits.writes());
    assertEquals(1, raised);
    assertEquals(raised, findings());
  }

  @Test
  void aConformingItemRaisesNoFindingAndNeedsNoNotes() {
    var etag = fx.startAsCarol().expect(200).etag();
    var r = fx.conclude(ID, "9.2", "carol", AUDITOR, etag, "{\"conclusion\": \"conforming\"}")
        .expect(200);
    var c = conclusion(r, "9.2");
    assertEquals("CONFORMING", c.get("conclusion"));
    assertTrue(c.containsKey("findingId"));
    assertNull(c.get("findingId"));
    assertEquals(List.of(), c.get("automated"), "clauses have no automated evidence");
    assertEquals(0, findings());
  }

  @Test
  void completeStoresTheReportInTheVaultAndARepeatedCompleteWritesNothing() {
    var etag = allConcluded();

    var done = fx.step(ID, "complete", "carol", AUDITOR, etag,
        "{\"summary\": \"Encryption at rest is not enforced for EBS\"}").expect(200);

    assertEquals("COMPLETED", done.get("status"));
    assertEquals("carol@acme.test", done.get("completedBy"));
    assertEquals("Encryption at rest is not enforced for EBS", done.get("summary"));
    assertEquals(List.of(), done.get("openItems"));
    var sha = (String) done.get("reportSha256");
    assertNotNull(sha);
    var stored = new String(fx.vault.get(new Sha256(sha)).orElseThrow(),
        StandardCharsets.UTF_8);
    assertTrue(stored.contains("\"kind\":\"vigil.audit-report\""), stored);
    assertTrue(stored.contains("&lt;script&gt;"), "the stored HTML is escaped");
    int writes = fx.audits.writes();
    int objects = fx.vault.size();

    var again = fx.step(ID, "complete", "carol", AUDITOR, etag,
        "{\"summary\": \"Encryption at rest is not enforced for EBS\"}").expect(200);

    assertEquals(done.body(), again.body());
    assertEquals(writes, fx.audits.writes());
    assertEquals(objects, fx.vault.size());
  }

  @Test
  void completeWithoutABodyKeepsAnEmptySummary() {
    var etag = allConcluded();
    var done = fx.step(ID, "complete", "carol", AUDITOR, etag, null).expect(200);
    assertEquals("COMPLETED", done.get("status"));
    assertEquals("", done.get("summary"));
  }

  @Test
  void theReportIsHtmlByDefaultMarkdownOnRequestAndTheDocumentAsJson() throws Exception {
    fx.step(ID, "complete", "carol", AUDITOR, allConcluded(), "{\"summary\": \"s\"}")
        .expect(200);

    var html = fx.raw(req("GET", "/audits/" + ID + "/report", "viewer", VIEWER));
    assertEquals(200, html.get("statusCode"));
    var headers = (Map<?, ?>) html.get("headers");
    assertEquals("text/html; charset=utf-8", headers.get("content-type"));
    var page = (String) html.get("body");
    assertTrue(page.startsWith("<!DOCTYPE html>"), page);
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
    assertFalse(page.contains("<script>"), "recorded text is escaped");

    for (var markdown : List.of(
        req("GET", "/audits/" + ID + "/report", "viewer", VIEWER).header("accept", "text/markdown"),
        req("GET", "/audits/" + ID + "/report", "viewer", VIEWER).query("format", "md"))) {
      var md = fx.raw(markdown);
      assertEquals("text/markdown; charset=utf-8",
          ((Map<?, ?>) md.get("headers")).get("content-type"));
      var text = (String) md.get("body");
      assertTrue(text.startsWith("# Internal audit report AUD\\-2026\\-12\\-01\\-0001"), text);
      assertTrue(text.contains("\\<script\\>"), text);
    }

    var json = fx.call(req("GET", "/audits/" + ID + "/report", "viewer", VIEWER)
        .query("format", "json")).expect(200);
    assertEquals("vigil.audit-report", json.get("kind"));
    assertEquals(ID, json.get("auditId"));
    assertEquals("COMPLETED", json.get("status"));
    assertFalse(json.body().containsKey("html"));
    assertEquals(3, ((List<?>) json.get("conclusions")).size());
    // the stored report is the same document, HTML included
    var stored = fx.vault.get(new Sha256((String) fx.getAudit(ID).get("reportSha256")))
        .orElseThrow();
    @SuppressWarnings("unchecked")
    var document = (Map<String, Object>) JsonText.parse(
        new String(stored, StandardCharsets.UTF_8));
    document.remove("html");
    assertEquals(CanonicalJson.write(document), CanonicalJson.write(json.body()));
  }

  @Test
  void theManagerCancelsAPlannedAuditWithAReason() {
    var r = fx.step(ID, "cancel", "manager", MANAGER, "\"1\"",
        "{\"reason\": \"Scope moves to the Q1 audit\"}").expect(200);
    assertEquals("CANCELLED", r.get("status"));
    assertEquals("manager@acme.test", r.get("cancelledBy"));
    assertEquals("Scope moves to the Q1 audit", r.get("cancelReason"));
    assertEquals("2026-11-28T09:00:00Z", r.get("cancelledAt"));
    int writes = fx.audits.writes();
    fx.step(ID, "cancel", "manager", MANAGER, "\"1\"",
        "{\"reason\": \"Scope moves to the Q1 audit\"}").expect(200);
    assertEquals(writes, fx.audits.writes(), "a repeated cancel writes nothing");
  }

  // ---- 400

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown field     | A.8.24 | {"conclusion": "CONFORMING", "severity": "high"}      | severity
      no conclusion     | A.8.24 | {"notes": "n"}                                       | conclusion
      bad conclusion    | A.8.24 | {"conclusion": "FINE"}                               | conclusion
      conclusion number | A.8.24 | {"conclusion": 1}                                    | conclusion
      evidence not list | A.8.24 | {"conclusion": "CONFORMING", "evidence": "doc"}      | evidence
      evidence blank    | A.8.24 | {"conclusion": "CONFORMING", "evidence": [" "]}      | evidence
      invalid due date  | A.8.24 | {"conclusion": "OBSERVATION", "dueDate": "2027-02-30"} | dueDate
      owner, conforming | A.8.24 | {"conclusion": "CONFORMING", "owner": "o@acme.test"} | owner
      due, conforming   | A.8.24 | {"conclusion": "CONFORMING", "dueDate": "2027-01-31"} | dueDate
      no notes on an NC | A.8.24 | {"conclusion": "MINOR_NONCONFORMITY"}                | notes
      not an item       | A.9.99 | {"conclusion": "CONFORMING"}                         | item
      canonical control | 8.24   | {"conclusion": "CONFORMING"}                         | item
      item not in scope | A.5.1  | {"conclusion": "CONFORMING"}                         | item
      not an object     | A.8.24 | ["CONFORMING"]                                       | body
      syntax error      | A.8.24 | {"conclusion":                                       | body
      """)
  void anInvalidConclusionIs400NamingTheFieldAndWritesNothing(String why, String item,
      String body, String field) {
    var etag = fx.startAsCarol().expect(200).etag();
    int writes = fx.audits.writes();

    var r = fx.conclude(ID, item, "carol", AUDITOR, etag, body).expect(400);

    assertEquals(field, r.get("field"), why + ": " + r.body());
    assertEquals("https://vigil.dev/problems/invalid-request", r.get("type"));
    assertEquals(writes, fx.audits.writes(), why);
    assertEquals(0, findings(), why);
  }

  @Test
  void invalidQueryParametersIdsBodiesAndEtagsAre400() {
    assertEquals("from", fx.call(req("GET", "/audits", "viewer", VIEWER)
        .query("from", "01/12/2026")).expect(400).get("field"));
    assertEquals("to", fx.call(req("GET", "/audits", "viewer", VIEWER)
        .query("to", "2027-13-01")).expect(400).get("field"));
    assertEquals("to", fx.call(req("GET", "/audits", "viewer", VIEWER)
        .query("from", "2027-01-01").query("to", "2026-01-01")).expect(400).get("field"));
    assertEquals("status", fx.call(req("GET", "/audits", "viewer", VIEWER)
        .query("status", "PLANNED,DONE")).expect(400).get("field"));
    assertEquals("auditor", fx.call(req("GET", "/audits", "viewer", VIEWER)
        .query("auditor", "carol")).expect(400).get("field"));
    assertEquals("format", fx.call(req("GET", "/audits/" + ID + "/report", "viewer", VIEWER)
        .query("format", "pdf")).expect(400).get("field"));
    assertEquals("id", fx.call(req("GET", "/audits/-AUD", "viewer", VIEWER)).expect(400)
        .get("field"));
    assertEquals("If-Match", fx.step(ID, "start", "carol", AUDITOR, "\"v1\"", null)
        .expect(400).get("field"));
    assertEquals("colour", fx.step(ID, "start", "carol", AUDITOR, "\"1\"", "{\"colour\": 1}")
        .expect(400).get("field"));
    assertEquals("reason", fx.step(ID, "cancel", "manager", MANAGER, "\"1\"", "{}")
        .expect(400).get("field"));
    assertEquals("body", fx.step(ID, "cancel", "manager", MANAGER, "\"1\"", null)
        .expect(400).get("field"));
    assertEquals(planned, fx.audits.writes(), "only the plan was written");
  }

  @Test
  void aBodyOver64KbIs413AndABodyThatIsNotJsonIs415() {
    var etag = fx.startAsCarol().expect(200).etag();
    int writes = fx.audits.writes();
    var big = "x".repeat(FindingsApi.MAX_BODY_BYTES);
    var r = fx.conclude(ID, "A.8.24", "carol", AUDITOR, etag,
        "{\"conclusion\": \"OBSERVATION\", \"notes\": \"" + big + "\"}").expect(413);
    assertEquals("https://vigil.dev/problems/payload-too-large", r.get("type"));
    var event = req("PUT", "/audits/" + ID + "/conclusions/9.2", "carol", AUDITOR)
        .header("if-match", etag).body("conclusion=CONFORMING").toMap();
    @SuppressWarnings("unchecked")
    var headers = (Map<String, Object>) event.get("headers");
    headers.put("content-type", "text/plain");
    assertEquals("content-type", fx.call(event).expect(415).get("field"));
    assertEquals(writes, fx.audits.writes());
  }

  // ---- 401, 403

  @Test
  void noIdentityIs401OnEveryAuditRoute() {
    for (var e : List.of(HttpApiEvent.request("GET", "/audits"),
        HttpApiEvent.request("GET", "/audits/" + ID),
        HttpApiEvent.request("GET", "/audits/" + ID + "/report"),
        HttpApiEvent.request("POST", "/audits/" + ID + "/start").header("if-match", "\"1\""),
        HttpApiEvent.request("PUT", "/audits/" + ID + "/conclusions/9.2")
            .header("if-match", "\"1\"").body("{\"conclusion\": \"CONFORMING\"}"),
        HttpApiEvent.request("POST", "/audits/" + ID + "/complete").header("if-match", "\"1\""),
        HttpApiEvent.request("POST", "/audits/" + ID + "/cancel").header("if-match", "\"1\"")
            .body("{\"reason\": \"r\"}"))) {
      var r = fx.call(e).expect(401);
      assertEquals("Bearer", r.headers().get("www-authenticate"));
    }
    assertEquals(planned, fx.audits.writes());
  }

  @Test
  void onlyTheAssignedAuditorOrTheManagerActs403() {
    // an owner, even with the auditor's e-mail, is not an auditor
    var owner = fx.call(HttpApiEvent.request("POST", "/audits/" + ID + "/start")
        .as("sub-carol-owner", "carol@acme.test", List.of("owner"))
        .header("if-match", "\"1\"")).expect(403);
    assertEquals("https://vigil.dev/problems/forbidden", owner.get("type"));
    // another auditor
    var dave = fx.step(ID, "start", "dave", AUDITOR, "\"1\"", null).expect(403);
    assertTrue(String.valueOf(dave.get("detail")).contains("carol@acme.test"),
        dave.body().toString());
    fx.step(ID, "start", "viewer", VIEWER, "\"1\"", null).expect(403);
    fx.step(ID, "cancel", "carol", AUDITOR, "\"1\"", "{\"reason\": \"r\"}").expect(403);
    // no role at all may not even read
    fx.call(HttpApiEvent.request("GET", "/audits/" + ID).as("sub-x", "x@acme.test",
        List.of("unknown-group"))).expect(403);
    assertEquals(planned, fx.audits.writes());

    var etag = fx.startAsCarol().expect(200).etag();
    fx.conclude(ID, "9.2", "dave", AUDITOR, etag, "{\"conclusion\": \"CONFORMING\"}")
        .expect(403);
    // the ISMS manager may act on the auditor's behalf (recorded as such)
    var byManager = fx.conclude(ID, "9.2", "manager", MANAGER, etag,
        "{\"conclusion\": \"CONFORMING\"}").expect(200);
    assertEquals("manager@acme.test", conclusion(byManager, "9.2").get("recordedBy"));
  }

  // ---- 404 (405: FindingsApiTest.aWrongMethodIs405WithAllow)

  @Test
  void unknownAuditsAndRoutesAre404() {
    var r = fx.getAudit("AUD-1999-01-01-0000").expect(404);
    assertEquals("https://vigil.dev/problems/not-found", r.get("type"));
    fx.step("AUD-1999-01-01-0000", "start", "manager", MANAGER, "\"1\"", null).expect(404);
    fx.call(req("GET", "/audits/AUD-1999-01-01-0000/report", "viewer", VIEWER)).expect(404);
    assertEquals("https://vigil.dev/problems/no-such-route",
        fx.call(req("POST", "/audits/" + ID + "/restart", "manager", MANAGER)).expect(404)
            .get("type"));
    fx.call(req("GET", "/audits/" + ID + "/conclusions", "viewer", VIEWER)).expect(404);
    fx.call(req("GET", "/audits/" + ID + "/notes/9.2", "viewer", VIEWER)).expect(404);
    fx.call(req("GET", "/audits/" + ID + "/conclusions/9.2/x", "viewer", VIEWER)).expect(404);
  }

  // ---- 409, 412, 428

  @Test
  void aStepTheAuditsStateDoesNotAllowIs409WithItsStatus() {
    var early = fx.conclude(ID, "9.2", "carol", AUDITOR, "\"1\"",
        "{\"conclusion\": \"CONFORMING\"}").expect(409);
    assertEquals("https://vigil.dev/problems/audit-state", early.get("type"));
    assertEquals("PLANNED", early.get("auditStatus"));
    assertEquals("PLANNED", fx.step(ID, "complete", "carol", AUDITOR, "\"1\"", null)
        .expect(409).get("auditStatus"));

    var etag = fx.startAsCarol().expect(200).etag();
    var incomplete = fx.step(ID, "complete", "carol", AUDITOR, etag, null).expect(409);
    assertEquals("IN_PROGRESS", incomplete.get("auditStatus"));
    assertTrue(String.valueOf(incomplete.get("detail")).contains("9.2, A.8.24, A.8.5"),
        incomplete.body().toString());
    assertEquals("IN_PROGRESS", fx.step(ID, "cancel", "manager", MANAGER, etag,
        "{\"reason\": \"r\"}").expect(409).get("auditStatus"));

    etag = fx.conclude(ID, "A.8.24", "carol", AUDITOR, etag, MAJOR).expect(200).etag();
    var revise = fx.conclude(ID, "A.8.24", "carol", AUDITOR, etag,
        "{\"conclusion\": \"CONFORMING\"}").expect(409);
    assertTrue(String.valueOf(revise.get("detail")).contains("findings workflow"),
        revise.body().toString());
    assertEquals("IN_PROGRESS", fx.getAudit(ID).get("status"));
  }

  @Test
  void aStaleIfMatchIs412AndChangesNothing() {
    var stale = fx.step(ID, "start", "carol", AUDITOR, "\"0\"", null).expect(412);
    assertEquals("https://vigil.dev/problems/stale-version", stale.get("type"));
    assertEquals("PLANNED", fx.getAudit(ID).get("status"));

    fx.startAsCarol().expect(200);
    fx.conclude(ID, "9.2", "carol", AUDITOR, "\"1\"", "{\"conclusion\": \"CONFORMING\"}")
        .expect(412);
    assertEquals(List.of(), fx.getAudit(ID).get("conclusions"));
  }

  @Test
  void aChangeWithoutIfMatchIs428() {
    for (var e : List.of(req("POST", "/audits/" + ID + "/start", "carol", AUDITOR),
        req("PUT", "/audits/" + ID + "/conclusions/9.2", "carol", AUDITOR)
            .body("{\"conclusion\": \"CONFORMING\"}"),
        req("POST", "/audits/" + ID + "/complete", "carol", AUDITOR),
        req("POST", "/audits/" + ID + "/cancel", "manager", MANAGER)
            .body("{\"reason\": \"r\"}"))) {
      assertEquals("https://vigil.dev/problems/precondition-required",
          fx.call(e).expect(428).get("type"));
    }
    assertEquals(planned, fx.audits.writes());
  }
}
