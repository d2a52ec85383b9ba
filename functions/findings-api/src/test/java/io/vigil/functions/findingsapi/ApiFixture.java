package io.vigil.functions.findingsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.fakes.InMemoryFindingRepository;
import io.vigil.domain.finding.FindingService;
import io.vigil.domain.time.IdGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The router over the domain's in-memory repository, with a settable clock and readable ids. */
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
  final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-28T09:00:00Z"));
  final FindingsApi api;

  ApiFixture() {
    var seq = new AtomicInteger();
    this.api = api(() -> "n" + seq.incrementAndGet());
  }

  ApiFixture(IdGenerator ids) {
    this.api = api(ids);
  }

  private FindingsApi api(IdGenerator ids) {
    return new FindingsApi(new FindingService(repo, now::get, ids), now::get);
  }

  @SuppressWarnings("unchecked")
  Response call(Map<String, Object> event) {
    var out = api.handle(event);
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
}
