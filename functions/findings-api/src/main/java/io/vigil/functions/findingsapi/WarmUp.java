package io.vigil.functions.findingsapi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SnapStart warm-up of findings-api (see {@code io.vigil.aws.Priming}): requests shaped like
 * API Gateway's, routed through the real {@link FindingsApi} and its real DynamoDB client, that
 * only read keys which never exist in Vigil's table, or are refused before any I/O:
 *
 * <ol>
 *   <li>{@code GET /findings/F-vigil-priming}, {@code GET /audits/AUD-vigil-priming},
 *       {@code GET /registers/risks/R-vigil-priming}: 404 after one read of the table each
 *       (event parsing, identity, routing, the DynamoDB client and mapper, problem rendering);
 *   <li>{@code POST /findings} by a viewer with a complete body: the body is parsed and validated,
 *       then refused (403) before anything is read or written; no {@code Idempotency-Key}, so
 *       nothing is claimed;
 *   <li>{@code GET /registers} by a viewer: a 200 rendered in-process, without I/O.
 * </ol>
 *
 * Nothing is written, sent or published; no secret is read; no member account is called. The
 * events carry their own time and request id, built when the warm-up runs and then dropped: the
 * warm-up keeps nothing. An answer other than the one expected (e.g. a 500: the table could not be
 * read) fails the warm-up.
 */
final class WarmUp {

  /** The subject of the warm-up's requests (a viewer). */
  static final String SUBJECT = "vigil-priming";

  private static final String FINDING_BODY = """
      {"title": "Priming", "type": "MINOR_NONCONFORMITY", "source": "INTERNAL_AUDIT",
       "controls": ["A.5.18"], "clauses": ["9.2"], "description": "Never raised: a viewer may
       not raise findings", "severity": "LOW", "owner": "priming@vigil.invalid",
       "dueDate": "2027-01-31"}""".replace("\n", " ");

  private WarmUp() {}

  /** Runs the warm-up requests through {@code api}; throws when one is answered unexpectedly. */
  static void run(FindingsApi api) {
    Objects.requireNonNull(api);
    expect(api, HttpApiEvent.request("GET", "/findings/F-vigil-priming"), 404);
    expect(api, HttpApiEvent.request("GET", "/audits/AUD-vigil-priming"), 404);
    expect(api, HttpApiEvent.request("GET", "/registers/risks/R-vigil-priming"), 404);
    expect(api, HttpApiEvent.request("POST", "/findings").body(FINDING_BODY), 403);
    expect(api, HttpApiEvent.request("GET", "/registers"), 200);
  }

  private static void expect(FindingsApi api, HttpApiEvent request, int status) {
    var response = api.handle(request.as(SUBJECT, null, List.of("viewer")).toMap());
    var answered = response.get("statusCode");
    if (!Integer.valueOf(status).equals(answered)) {
      throw new IllegalStateException("warm-up request answered " + answered + ", not " + status
          + ": " + bodyOf(response));
    }
  }

  private static Object bodyOf(Map<String, Object> response) {
    var body = String.valueOf(response.get("body"));
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }
}
