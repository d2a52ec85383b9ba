package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.ApiFixture.MANAGER;
import static io.vigil.functions.findingsapi.ApiFixture.OWNER;
import static io.vigil.functions.findingsapi.ApiFixture.VIEWER;
import static io.vigil.functions.findingsapi.ApiFixture.req;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Statement of Applicability routes on the fakes: formats, approval, immutable versions. */
class SoaApiTest {

  private final ApiFixture fx = new ApiFixture();

  /** The raw response of a GET by a viewer. */
  private Map<String, Object> raw(String path, String format) {
    return fx.raw(req("GET", path, "viewer", VIEWER).query("format", format));
  }

  private static String body(Map<String, Object> raw) {
    return (String) raw.get("body");
  }

  private static String type(Map<String, Object> raw) {
    return (String) ((Map<?, ?>) raw.get("headers")).get("content-type");
  }

  private ApiFixture.Response approve(String who, List<String> groups) {
    return fx.call(req("POST", "/soa/approvals", who, groups));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theCurrentSoaListsAll93ControlsInEveryFormat() {
    var json = fx.call(req("GET", "/soa", "viewer", VIEWER)).expect(200);
    var controls = (List<Map<String, Object>>) json.get("controls");
    assertEquals(93, controls.size());
    assertEquals("A.5.1", controls.get(0).get("control"));
    assertEquals("A.8.34", controls.get(92).get("control"));
    var summary = (Map<String, Object>) json.get("summary");
    assertEquals(93, ((List<?>) summary.get("undecided")).size());
    assertFalse(json.body().containsKey("version"), "the current SoA is not a version");

    var csv = raw("/soa", "csv");
    assertEquals(200, csv.get("statusCode"));
    assertEquals("text/csv; charset=utf-8", type(csv));
    assertEquals(94, body(csv).split("\r\n").length);
    assertTrue(body(csv).startsWith("control,title,theme,applicable,justification,status,"));
    var html = raw("/soa", "HTML");
    assertEquals("text/html; charset=utf-8", type(html));
    assertTrue(body(html).contains("draft generated 2026-11-28"), body(html));
    assertEquals(FindingsApi.JSON, type(raw("/soa", "json")));

    assertEquals("format", fx.call(req("GET", "/soa", "viewer", VIEWER).query("format", "pdf"))
        .expect(400).get("field"));
    assertEquals("version", fx.call(req("GET", "/soa", "viewer", VIEWER).query("version", "1"))
        .expect(400).get("field"));
    fx.call(HttpApiEvent.request("GET", "/soa")).expect(401);
    assertEquals("GET", fx.call(req("PUT", "/soa", "isms", MANAGER)).expect(405).headers()
        .get("allow"));
    fx.call(req("GET", "/soa/drafts", "viewer", VIEWER)).expect(404);
    fx.call(req("GET", "/soa/versions/1/controls", "viewer", VIEWER)).expect(404);
  }

  @Test
  void approvalIsRefusedWhileAControlLacksADecisionAndByAnyoneButTheManager() {
    fx.createRecord("soa-decisions", "{\"id\": \"A.5.1\", \"applicable\": true,"
        + " \"justification\": \"Policies direct the ISMS\"}").expect(201);
    var r = approve("isms", MANAGER).expect(400);
    assertEquals("justification", r.get("field"));
    assertTrue(((String) r.get("detail")).startsWith("92 control(s) have no decision"),
        r.body().toString());
    fx.decideAll();
    approve("viewer", VIEWER).expect(403);
    approve("cto", OWNER).expect(403);
    assertEquals("note", fx.call(req("POST", "/soa/approvals", "isms", MANAGER)
        .body("{\"note\": \"v1\"}")).expect(400).get("field"));
    assertTrue(fx.registerRepo.latestSoaVersion().isEmpty(), "nothing approved");
    fx.call(req("GET", "/soa/versions/1", "viewer", VIEWER)).expect(404);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aNewApprovalNeverChangesAnEarlierVersion() {
    fx.decideAll();
    var v1 = approve("isms", MANAGER).expect(201);
    assertEquals("/soa/versions/1", v1.headers().get("location"));
    assertEquals(1L, ((Number) v1.get("version")).longValue());
    assertEquals("isms@acme.test", v1.get("approvedBy"));
    assertEquals("2026-11-28T09:00:00Z", v1.get("approvedAt"));
    var sha1 = (String) v1.get("sha256");
    var json1 = body(raw("/soa/versions/1", null));
    assertEquals(sha1, Sha256.of(json1.getBytes(StandardCharsets.UTF_8)).hex(),
        "the version's JSON is exactly what was approved");
    assertTrue(fx.vault.contains(new Sha256(sha1)), "and it is in the evidence vault");
    var html1 = body(raw("/soa/versions/1", "html"));
    assertTrue(html1.contains("version 1, approved by isms@acme.test"), html1);

    fx.now.set(Instant.parse("2026-12-03T08:00:00Z"));
    var etag = fx.getRecord("soa-decisions", "A.7.1").expect(200).etag();
    fx.call(req("PATCH", "/registers/soa-decisions/A.7.1", "isms", MANAGER)
        .header("if-match", etag).body("{\"applicable\": true, \"justification\":"
            + " \"A <b>new</b> office\"}")).expect(200);
    fx.results.saveAll(List.of(new CheckResult("run-2",
        CheckId.of("s3_bucket_public_access_blocked"), CheckStatus.FAIL, "111122223333", "eu-west-1", "arn:aws:s3:::public", "AWS::S3::Bucket",
        List.of(ControlId.parse("A.8.3")), Severity.HIGH, fx.now.get(), Sha256.of("public"),
        "public")));
    var v2 = approve("isms", MANAGER).expect(201);
    assertEquals(2L, ((Number) v2.get("version")).longValue());
    assertNotEquals(sha1, v2.get("sha256"));

    assertEquals(json1, body(raw("/soa/versions/1", "json")), "version 1 unchanged, byte for byte");
    assertEquals(html1, body(raw("/soa/versions/1", "html")));
    var soa2 = fx.call(req("GET", "/soa/versions/2", "viewer", VIEWER)).expect(200);
    assertEquals(2L, ((Number) soa2.get("version")).longValue());
    var summary2 = (Map<String, Object>) soa2.get("summary");
    assertEquals(92L, ((Number) summary2.get("applicable")).longValue());
    assertTrue(((Number) summary2.get("withFailingEvidence")).longValue() >= 1);
    assertTrue(body(raw("/soa/versions/2", "html")).contains("A &lt;b&gt;new&lt;/b&gt; office"));

    var versions = fx.call(req("GET", "/soa/versions", "viewer", VIEWER)).expect(200);
    var items = (List<Map<String, Object>>) versions.get("items");
    assertEquals(2, items.size());
    assertEquals(Map.of("version", 1, "sha256", sha1, "approvedBy", "isms@acme.test",
        "approvedAt", "2026-11-28T09:00:00Z"), items.get(0));
    assertEquals(v2.get("sha256"), items.get(1).get("sha256"));
    assertEquals("2026-12-03T08:00:00Z", items.get(1).get("approvedAt"));
  }

  @ParameterizedTest(name = "version {0}")
  @CsvSource({"0,400", "-1,400", "x,400", "01,400", "1.0,400", "3,404"})
  void unknownOrMalformedVersions(String number, int status) {
    fx.decideAll();
    approve("isms", MANAGER).expect(201);
    var r = fx.call(req("GET", "/soa/versions/" + number, "viewer", VIEWER)).expect(status);
    if (status == 400) {
      assertEquals("version", r.get("field"));
    }
  }

  @Test
  void anAlteredVersionIsNeverServed() {
    fx.decideAll();
    var v1 = approve("isms", MANAGER).expect(201);
    var stored = fx.registerRepo.soaVersion(1).orElseThrow();
    // a second store whose copy of version 1 was edited behind Vigil's back
    var tampered = new io.vigil.domain.fakes.InMemoryRegisterRepository();
    tampered.saveSoaVersion(new io.vigil.domain.register.SoaVersion(1, stored.approvedAt(),
        stored.approvedBy(), stored.sha256(), stored.json().replace("Cloud-only", "Cloud")));
    var api = new FindingsApi(fx.findings, new io.vigil.domain.audit.AuditService(fx.audits,
        fx.findings, io.vigil.domain.audit.AuditEvidence.none(), java.util.Optional.empty(),
        fx.now::get), fx.registers, new io.vigil.domain.register.SoaService(tampered, fx.repo,
        fx.results, io.vigil.domain.check.CheckIndex.bundled(), java.util.Optional.empty(),
        fx.now::get), true, fx.idempotencyKeys, fx.now::get);
    var r = ApiFixture.decode(api.handle(req("GET", "/soa/versions/1", "viewer", VIEWER)
        .toMap())).expect(500);
    assertFalse(String.valueOf(r.get("detail")).contains("Cloud"), r.body().toString());
    assertTrue(r.body().containsKey("correlationId"));
    assertEquals(500, ApiFixture.decode(api.handle(req("GET", "/soa/versions", "viewer", VIEWER)
        .toMap())).status(), "nor listed");
    var intact = (List<?>) fx.call(req("GET", "/soa/versions", "viewer", VIEWER)).expect(200)
        .get("items");
    assertEquals(v1.get("sha256"), ((Map<?, ?>) intact.get(0)).get("sha256"),
        "the intact store lists it");
  }

  @Test
  void theVersionsListIsEmptyBeforeAnyApproval() {
    var r = fx.call(req("GET", "/soa/versions", "viewer", VIEWER)).expect(200);
    assertEquals(List.of(), r.get("items"));
  }
}
