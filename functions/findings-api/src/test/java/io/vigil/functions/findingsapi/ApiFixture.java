package io.vigil.functions.findingsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.audit.AuditPlan;
import io.vigil.domain.audit.AuditService;
import io.vigil.domain.audit.CheckResultsEvidence;
import io.vigil.domain.check.CheckIndex;
import io.vigil.domain.fakes.InMemoryAuditRepository;
import io.vigil.domain.fakes.InMemoryEvidenceVault;
import io.vigil.domain.fakes.InMemoryFindingRepository;
import io.vigil.domain.fakes.InMemoryRegisterRepository;
import io.vigil.domain.fakes.InMemoryResultRepository;
import io.vigil.domain.finding.FindingService;
import io.vigil.domain.register.LiveKpis;
import io.vigil.domain.register.RegisterService;
import io.vigil.domain.register.SoaService;
import io.vigil.domain.time.IdGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The router over the domain's in-memory repositories (findings, audits, registers, check
 * results, evidence vault) and idempotency keys, with the bundled check index, a settable clock
 * and readable ids.
 */
final class ApiFixture {

  /** A decoded response. */
  record Response(int status, Map<String, String> headers, Map<String, Object> body) {
    String etag() {
      return headers.get("etag");
    }

    Object get(String field) {
      return body.get(field);
    }

    Response expect(int expected) {
      assertEquals(expected, status, () -> "status; body: " + body);
      return this;
    }
  }

  static final List<String> MANAGER = List.of("isms-manager");
  static final List<String> AUDITOR = List.of("auditor");
  static final List<String> OWNER = List.of("owner");
  static final List<String> VIEWER = List.of("viewer");

  final InMemoryFindingRepository repo = new InMemoryFindingRepository();
  final InMemoryAuditRepository audits = new InMemoryAuditRepository();
  final InMemoryResultRepository results = new InMemoryResultRepository();
  final InMemoryRegisterRepository registerRepo = new InMemoryRegisterRepository();
  final InMemoryEvidenceVault vault = new InMemoryEvidenceVault();
  final InMemoryIdempotencyStore idempotencyKeys = new InMemoryIdempotencyStore();
  final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-28T09:00:00Z"));
  FindingService findings;
  RegisterService registers;
  SoaService soa;
  final FindingsApi api;

  ApiFixture() {
    var seq = new AtomicInteger();
    this.api = api(() -> "n" + seq.incrementAndGet());
  }

  ApiFixture(IdGenerator ids) {
    this.api = api(ids);
  }

  private FindingsApi api(IdGenerator ids) {
    findings = new FindingService(repo, now::get, ids);
    var checks = CheckIndex.bundled();
    registers = new RegisterService(registerRepo, repo,
        new LiveKpis(results, checks, repo, registerRepo), Optional.of(vault), now::get, ids);
    soa = new SoaService(registerRepo, repo, results, checks, Optional.of(vault), now::get);
    return new FindingsApi(findings, new AuditService(audits, findings,
        new CheckResultsEvidence(results, checks), Optional.of(vault), now::get),
        registers, soa, true, idempotencyKeys, now::get);
  }

  Response call(Map<String, Object> event) {
    return decode(api.handle(event));
  }

  /** The undecoded response (e.g. an HTML report). */
  Map<String, Object> raw(HttpApiEvent event) {
    return api.handle(event.toMap());
  }

  /** Checks a JSON or problem response's shape and decodes it. */
  @SuppressWarnings("unchecked")
  static Response decode(Map<String, Object> out) {
    var headers = (Map<String, String>) out.get("headers");
    assertEquals(false, out.get("isBase64Encoded"));
    Map<String, Object> body;
    try {
      body = (Map<String, Object>) JsonText.parse((String) out.get("body"));
    } catch (JsonText.SyntaxException e) {
      throw new AssertionError("response body is not JSON: " + out.get("body"), e);
    }
    int status = (Integer) out.get("statusCode");
    if (status >= 400) {
      assertEquals(FindingsApi.PROBLEM_JSON, headers.get("content-type"));
      assertEquals(status, ((Number) body.get("status")).intValue());
      assertEquals(true, String.valueOf(body.get("type")).startsWith(ApiProblem.TYPE_BASE));
    } else {
      assertEquals(FindingsApi.JSON, headers.get("content-type"));
    }
    return new Response(status, headers, body);
  }

  Response call(HttpApiEvent event) {
    return call(event.toMap());
  }

  static HttpApiEvent as(HttpApiEvent e, String who, List<String> groups) {
    return e.as("sub-" + who, who + "@acme.test", groups);
  }

  // ---- shortcuts for a finding's life

  static final String CREATE_BODY = """
      {"title": "Access reviews are not performed", "type": "MINOR_NONCONFORMITY",
       "source": "INTERNAL_AUDIT", "controls": ["A.5.18"], "description": "No review in 2026",
       "owner": "owner@acme.test", "dueDate": "2027-01-31", "auditId": "AUD-1"}""";

  /** A finding raised by the auditor, owned by owner@acme.test; returns its id. */
  String raise() {
    return (String) call(as(HttpApiEvent.request("POST", "/findings"), "auditor", AUDITOR)
        .body(CREATE_BODY)).expect(201).get("id");
  }

  Response patch(String id, String who, List<String> groups, String ifMatch, String body) {
    return call(as(HttpApiEvent.request("PATCH", "/findings/" + id), who, groups)
        .header("if-match", ifMatch).body(body));
  }

  Response get(String id) {
    return call(as(HttpApiEvent.request("GET", "/findings/" + id), "viewer", VIEWER));
  }

  /** Moves {@code id} with the version it is at now. */
  Response move(String id, String who, List<String> groups, String body) {
    return patch(id, who, groups, get(id).etag(), body);
  }

  Response addAction(String id, String who, List<String> groups) {
    return call(as(HttpApiEvent.request("POST", "/findings/" + id + "/actions"), who, groups)
        .body("""
            {"description": "Quarterly review task", "owner": "owner@acme.test",
             "dueDate": "2027-01-15", "effectivenessCriteria": "Two reviews on time"}"""));
  }

  Response patchAction(String id, String actionId, String who, List<String> groups,
      String ifMatch, String body) {
    return call(as(HttpApiEvent.request("PATCH", "/findings/" + id + "/actions/" + actionId),
        who, groups).header("if-match", ifMatch).body(body));
  }

  /** Drives a fresh finding to IMPLEMENTED; returns its id and its action's id. */
  String[] implemented() {
    var id = raise();
    move(id, "owner", OWNER, "{\"status\":\"CORRECTED\",\"correction\":\"c\"}").expect(200);
    move(id, "owner", OWNER, "{\"status\":\"ANALYSED\",\"rootCause\":\"r\","
        + "\"similarNonconformities\":\"none\"}").expect(200);
    var action = addAction(id, "owner", OWNER).expect(201);
    move(id, "owner", OWNER, "{\"status\":\"ACTION_PLANNED\"}").expect(200);
    patchAction(id, (String) action.get("id"), "owner", OWNER, action.etag(),
        "{\"status\":\"IMPLEMENTED\"}").expect(200);
    move(id, "owner", OWNER, "{\"status\":\"IMPLEMENTED\"}").expect(200);
    return new String[] {id, (String) action.get("id")};
  }

  // ---- shortcuts for an audit's life

  /** Carol's audit of clause 9.2 and controls A.8.24 and A.8.5, planned for 2026-12-01. */
  static final AuditPlan.PlannedAudit PLANNED = new AuditPlan.PlannedAudit("AUD-2026-12-01-0001",
      LocalDate.parse("2026-12-01"), "carol", "carol@acme.test",
      List.of("9.2", "A.8.24", "A.8.5"), "ISO/IEC 27001:2022 clause 9.2, Annex A 8.24 and 8.5",
      "Production AWS organisation", "Interviews, record sampling, Vigil's check results");

  /** Stores the plan with {@code audits} (each at version 1). */
  void plan(AuditPlan.PlannedAudit... audits) {
    this.audits.savePlan(new AuditPlan(LocalDate.parse("2026-01-01"),
        LocalDate.parse("2027-12-31"), List.of(audits), List.of()));
  }

  Response getAudit(String id) {
    return call(as(HttpApiEvent.request("GET", "/audits/" + id), "viewer", VIEWER));
  }

  /** POST /audits/{id}/{step} (start, complete, cancel) with If-Match and an optional body. */
  Response step(String id, String step, String who, List<String> groups, String ifMatch,
      String body) {
    var e = as(HttpApiEvent.request("POST", "/audits/" + id + "/" + step), who, groups)
        .header("if-match", ifMatch);
    return call(body == null ? e : e.body(body));
  }

  Response conclude(String id, String item, String who, List<String> groups, String ifMatch,
      String body) {
    return call(as(HttpApiEvent.request("PUT", "/audits/" + id + "/conclusions/" + item), who,
        groups).header("if-match", ifMatch).body(body));
  }

  // ---- shortcuts for the registers

  /** A risk owned by cto@acme.test: 4 × 4 inherent, 2 × 2 residual, MODIFY with two controls. */
  static final String RISK_BODY = """
      {"title": "Ransomware encrypts production data", "asset": "Customer database (RDS)",
       "threat": "Ransomware", "vulnerability": "Backups in the same account",
       "owner": "cto@acme.test", "likelihood": 4, "impact": 4, "treatment": "MODIFY",
       "controls": ["A.8.24", "A.8.13"],
       "treatmentPlan": "Cross-account backups; quarterly restore test",
       "residualLikelihood": 2, "residualImpact": 2}""";

  /** A request to the records API by {@code who}@acme.test in {@code groups}. */
  static HttpApiEvent req(String method, String path, String who, List<String> groups) {
    return as(HttpApiEvent.request(method, path), who, groups);
  }

  /** POST /registers/{kind} by the ISMS manager. */
  Response createRecord(String kind, String body) {
    return call(req("POST", "/registers/" + kind, "isms", MANAGER).body(body));
  }

  /** A risk created by the ISMS manager ({@link #RISK_BODY}); returns its id. */
  String createRisk() {
    return (String) createRecord("risks", RISK_BODY).expect(201).get("id");
  }

  Response getRecord(String kind, String id) {
    return call(req("GET", "/registers/" + kind + "/" + id, "viewer", VIEWER));
  }

  /** POST /registers/{kind}/{id}/{step} with If-Match and an optional body. */
  Response recordStep(String kind, String id, String step, String who, List<String> groups,
      String ifMatch, String body) {
    var e = req("POST", "/registers/" + kind + "/" + id + "/" + step, who, groups)
        .header("if-match", ifMatch);
    return call(body == null ? e : e.body(body));
  }

  /** A justified decision for every undecided Annex A control, A.7.1 and A.7.2 excluded. */
  void decideAll() {
    for (var c : io.vigil.domain.control.AnnexACatalogue.standard().all()) {
      var id = c.id().toString();
      if (registerRepo.find(io.vigil.domain.register.RegisterKind.SOA_DECISION, id).isPresent()) {
        continue;
      }
      boolean excluded = id.equals("A.7.1") || id.equals("A.7.2");
      createRecord("soa-decisions", "{\"id\": \"" + id + "\", \"applicable\": " + !excluded
          + ", \"justification\": \"" + (excluded ? "Cloud-only: no premises"
              : "Needed to run the service") + "\"}").expect(201);
    }
  }

  /** Carol (the assigned auditor) starts {@link #PLANNED}; returns the response. */
  Response startAsCarol() {
    return step(PLANNED.id(), "start", "carol", AUDITOR, getAudit(PLANNED.id()).etag(), null);
  }
}
