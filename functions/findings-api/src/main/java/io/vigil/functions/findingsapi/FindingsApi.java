package io.vigil.functions.findingsapi;

import io.vigil.domain.access.AccessDeniedException;
import io.vigil.domain.access.Actor;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ClauseId;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.finding.ActionChange;
import io.vigil.domain.finding.ActionStatus;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingChange;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingQuery;
import io.vigil.domain.finding.FindingRepository.ConcurrentModificationException;
import io.vigil.domain.finding.FindingService;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.FindingWorkflow;
import io.vigil.domain.finding.InvalidTransitionException;
import io.vigil.domain.finding.MissingFieldException;
import io.vigil.domain.finding.NewFinding;
import io.vigil.domain.finding.NotFoundException;
import io.vigil.domain.finding.Page;
import io.vigil.domain.finding.Transition;
import io.vigil.domain.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The findings HTTP API: routes an API Gateway HTTP API (payload format 2.0) event to
 * {@link FindingService}, validating the identity, path, query, headers and body first, and
 * answers the 2.0 response ({@code statusCode}, {@code headers}, {@code body}). Every refusal is an
 * {@code application/problem+json} document (RFC 9457) and writes nothing.
 *
 * <table>
 *   <caption>routes</caption>
 *   <tr><td>POST /findings</td><td>raise a finding: 201, Location, ETag</td></tr>
 *   <tr><td>GET /findings</td><td>list: status, type, source, control, owner, overdue=true,
 *       limit (1..100, default 25), cursor; answers {items, nextCursor}</td></tr>
 *   <tr><td>GET /findings/{id}</td><td>the finding, its actions, allowedTransitions; ETag</td></tr>
 *   <tr><td>PATCH /findings/{id}</td><td>move ({@code status} + that state's fields) and/or
 *       edit; If-Match required</td></tr>
 *   <tr><td>GET /findings/{id}/history</td><td>the immutable history, oldest first</td></tr>
 *   <tr><td>POST /findings/{id}/actions</td><td>add a corrective action: 201, Location,
 *       ETag</td></tr>
 *   <tr><td>PATCH /findings/{id}/actions/{actionId}</td><td>update an action; If-Match with the
 *       action's ETag required</td></tr>
 * </table>
 *
 * <p>Statuses: 400 malformed JSON, wrong type, unknown field, invalid id/enum/date, missing field
 * (the problem's {@code field} names it); 401 no identity; 403 not allowed; 404 unknown finding,
 * action or route; 405 wrong method; 409 move not allowed now ({@code allowed} lists the next
 * states); 412 stale If-Match; 413 body over 64 KB; 415 body not JSON; 428 If-Match missing;
 * 500 unexpected, with a correlation id and no internals.
 */
public final class FindingsApi {

  /** Largest accepted request body, in bytes. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";

  private static final Logger LOG = LoggerFactory.getLogger(FindingsApi.class);
  private static final Pattern ACTION_ID = Pattern.compile("A-[A-Za-z0-9-]{1,64}");
  private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"|(\\d{1,18})");
  private static final int DEFAULT_LIMIT = 25;

  private static final Set<String> CREATE_FIELDS = Set.of("title", "type", "source", "controls",
      "clauses", "description", "severity", "owner", "dueDate", "auditId");
  private static final Set<String> EDIT_FIELDS = Set.of("title", "description", "owner",
      "dueDate", "type");
  private static final List<String> MOVE_FIELDS = List.of(Transition.CORRECTION,
      Transition.ROOT_CAUSE, Transition.SIMILAR, Transition.REVIEW, Transition.ISMS_CHANGE,
      Transition.DECISION_REASON);
  private static final Set<String> PATCH_FIELDS;
  private static final Set<String> ACTION_FIELDS = Set.of("description", "owner", "dueDate",
      "effectivenessCriteria");
  private static final Set<String> ACTION_PATCH_FIELDS = Set.of("description", "owner", "dueDate",
      "status", "effectivenessCriteria");
  private static final Set<String> LIST_PARAMS = Set.of("status", "type", "source", "control",
      "owner", "overdue", "limit", "cursor");
  /** The fields each target state records (see {@link Transition}). */
  private static final Map<FindingStatus, Set<String>> RECORDS = new EnumMap<>(Map.of(
      FindingStatus.CORRECTED, Set.of(Transition.CORRECTION),
      FindingStatus.ANALYSED, Set.of(Transition.ROOT_CAUSE, Transition.SIMILAR),
      FindingStatus.EFFECTIVE, Set.of(Transition.REVIEW),
      FindingStatus.CLOSED, Set.of(Transition.ISMS_CHANGE),
      FindingStatus.REOPENED, Set.of(Transition.REVIEW, Transition.DECISION_REASON),
      FindingStatus.ACCEPTED, Set.of(Transition.DECISION_REASON),
      FindingStatus.DECLINED, Set.of(Transition.DECISION_REASON)));

  static {
    var patch = new HashSet<String>(EDIT_FIELDS);
    patch.add("status");
    patch.addAll(MOVE_FIELDS);
    PATCH_FIELDS = Set.copyOf(patch);
  }

  private final FindingService service;
  private final Clock clock;

  public FindingsApi(FindingService service, Clock clock) {
    this.service = Objects.requireNonNull(service);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Answers one HTTP API event; never throws. */
  public Map<String, Object> handle(Map<String, Object> event) {
    String correlationId = null;
    String path = null;
    try {
      var request = HttpApiRequest.of(event == null ? Map.of() : event);
      correlationId = request.requestId();
      path = request.path();
      return route(request);
    } catch (ApiProblem p) {
      return problem(p.status(), p.slug(), p.title(), p.getMessage(), path, p.headers(),
          p.field() == null ? Map.of() : Map.of("field", p.field()));
    } catch (MissingFieldException e) {
      return problem(400, "invalid-request", "Invalid request", e.getMessage(), path, Map.of(),
          Map.of("field", e.field()));
    } catch (AccessDeniedException e) {
      return problem(403, "forbidden", "Forbidden", e.getMessage(), path, Map.of(), Map.of());
    } catch (NotFoundException e) {
      return problem(404, "not-found", "Not found", e.getMessage(), path, Map.of(), Map.of());
    } catch (InvalidTransitionException e) {
      var extra = new LinkedHashMap<String, Object>();
      extra.put("allowed", e.allowed().stream().sorted().map(Enum::name).toList());
      if (e.from() != null) {
        extra.put("from", e.from().name());
      }
      if (e.to() != null) {
        extra.put("to", e.to().name());
      }
      return problem(409, "invalid-transition", "Transition not allowed", e.getMessage(), path,
          Map.of(), extra);
    } catch (ConcurrentModificationException e) {
      return problem(412, "stale-version", "Precondition failed", e.getMessage(), path, Map.of(),
          Map.of());
    } catch (RuntimeException e) {
      var id = correlationId == null ? UUID.randomUUID().toString() : correlationId;
      LOG.error("request {} failed (correlation id {})", path, id, e);
      return problem(500, "internal-error", "Internal error", "The request could not be"
          + " completed. Quote correlation id " + id + " when reporting it.", path, Map.of(),
          Map.of("correlationId", id));
    }
  }

  private Map<String, Object> route(HttpApiRequest r) {
    var segments = r.path().replaceAll("/+$", "").split("/");
    // "", "findings", id, "actions"|"history", actionId
    if (segments.length < 2 || !segments[0].isEmpty() || !segments[1].equals("findings")
        || segments.length > 5) {
      throw noRoute(r);
    }
    String m = r.method();
    switch (segments.length) {
      case 2 -> {
        allow(r, "GET", "POST");
        var actor = identify(r);
        return m.equals("POST") ? create(r, actor) : list(r, actor);
      }
      case 3 -> {
        allow(r, "GET", "PATCH");
        var actor = identify(r);
        var id = findingId(segments[2]);
        return m.equals("GET") ? get(id, actor) : change(r, id, actor);
      }
      case 4 -> {
        if (segments[3].equals("history")) {
          allow(r, "GET");
          var actor = identify(r);
          return history(findingId(segments[2]), actor);
        }
        if (segments[3].equals("actions")) {
          allow(r, "POST");
          var actor = identify(r);
          return addAction(r, findingId(segments[2]), actor);
        }
        throw noRoute(r);
      }
      default -> {
        if (!segments[3].equals("actions")) {
          throw noRoute(r);
        }
        allow(r, "PATCH");
        var actor = identify(r);
        var id = findingId(segments[2]);
        var actionId = segments[4];
        if (!ACTION_ID.matcher(actionId).matches()) {
          throw ApiProblem.invalid("actionId", "'" + actionId + "' is not an action id (A-...)");
        }
        return updateAction(r, id, actionId, actor);
      }
    }
  }

  // ---- routes

  private Map<String, Object> create(HttpApiRequest r, Actor actor) {
    var b = Body.of(body(r, true), CREATE_FIELDS);
    var title = b.string("title", true, 200);
    var type = b.enumValue("type", FindingType.class, true);
    var source = b.enumValue("source", FindingSource.class, true);
    var controls = new ArrayList<ControlId>();
    for (var c : b.strings("controls", true)) {
      try {
        controls.add(ControlId.parse(c));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.invalid("controls", e.getMessage());
      }
    }
    var clauses = new ArrayList<ClauseId>();
    for (var c : b.strings("clauses", false)) {
      try {
        clauses.add(ClauseId.parse(c));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.invalid("clauses", e.getMessage());
      }
    }
    if (controls.isEmpty() && clauses.isEmpty()) {
      throw ApiProblem.invalid("controls", "a finding names at least one Annex A control (e.g."
          + " [\"A.8.24\"]) or ISMS clause");
    }
    var description = b.string("description", true);
    var severity = b.enumValue("severity", Severity.class, false);
    var owner = b.string("owner", false, 254);
    var dueDate = b.date("dueDate", false);
    var auditId = b.string("auditId", false, 128);
    var f = service.create(new NewFinding(title, type, source, controls, clauses, description,
        severity, owner, dueDate, auditId), actor);
    var today = clock.today();
    return respond(201, Representations.view(f, List.of(), FindingWorkflow.next(f), today),
        Map.of("location", "/findings/" + f.id().value(),
            "etag", Representations.etag(f.version())));
  }

  private Map<String, Object> list(HttpApiRequest r, Actor actor) {
    var q = r.query();
    for (var name : q.keySet()) {
      if (!LIST_PARAMS.contains(name)) {
        throw ApiProblem.invalid(name, "unknown query parameter '" + name + "'; allowed: "
            + String.join(", ", new TreeSet<>(LIST_PARAMS)));
      }
    }
    var status = param(q, "status") == null ? null
        : Body.parseEnum("status", q.get("status"), FindingStatus.class);
    var type = param(q, "type") == null ? null
        : Body.parseEnum("type", q.get("type"), FindingType.class);
    var source = param(q, "source") == null ? null
        : Body.parseEnum("source", q.get("source"), FindingSource.class);
    ControlId control = null;
    if (param(q, "control") != null) {
      try {
        control = ControlId.parse(q.get("control"));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.invalid("control", e.getMessage());
      }
    }
    var overdue = param(q, "overdue");
    if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
      throw ApiProblem.invalid("overdue", "overdue must be true or false, got '" + overdue + "'");
    }
    int limit = DEFAULT_LIMIT;
    if (param(q, "limit") != null) {
      try {
        limit = Integer.parseInt(q.get("limit").trim());
      } catch (NumberFormatException e) {
        throw ApiProblem.invalid("limit", "limit must be a whole number 1..100, got '"
            + q.get("limit") + "'");
      }
      if (limit < 1 || limit > 100) {
        throw ApiProblem.invalid("limit", "limit must be 1..100, got " + limit);
      }
    }
    var today = clock.today();
    var query = new FindingQuery(status, type, source, control, param(q, "owner"),
        "true".equals(overdue) ? today : null);
    Page<Finding> page;
    try {
      page = service.list(query, param(q, "cursor"), limit, actor);
    } catch (MissingFieldException | AccessDeniedException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalid("cursor", "cursor is not one this API issued: start again without"
          + " it");
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("items", page.items().stream().map(f -> Representations.finding(f, today)).toList());
    body.put("nextCursor", page.nextCursor());
    return respond(200, body, Map.of());
  }

  private Map<String, Object> get(FindingId id, Actor actor) {
    var v = service.get(id, actor);
    return respond(200, Representations.view(v.finding(), v.actions(), v.next(), clock.today()),
        Map.of("etag", Representations.etag(v.finding().version())));
  }

  private Map<String, Object> change(HttpApiRequest r, FindingId id, Actor actor) {
    long version = ifMatch(r);
    var b = Body.of(body(r, true), PATCH_FIELDS);
    var status = b.enumValue("status", FindingStatus.class, false);
    var fields = new LinkedHashMap<String, String>();
    for (var name : MOVE_FIELDS) {
      var value = b.string(name, false);
      if (value == null) {
        continue;
      }
      if (status == null) {
        throw ApiProblem.invalid(name, "'" + name + "' is recorded by a workflow move: give"
            + " 'status' too");
      }
      if (!RECORDS.getOrDefault(status, Set.of()).contains(name)) {
        throw ApiProblem.invalid(name, "a move to " + status + " does not record '" + name + "'"
            + (RECORDS.containsKey(status) ? "; it records " + RECORDS.get(status) : ""));
      }
      fields.put(name, value);
    }
    var transition = status == null ? null : new Transition(status, fields);
    var change = new FindingChange(transition, b.string("title", false, 200),
        b.string("description", false), b.string("owner", false, 254), b.date("dueDate", false),
        b.enumValue("type", FindingType.class, false));
    service.change(id, version, change, actor);
    return get(id, actor);
  }

  private Map<String, Object> history(FindingId id, Actor actor) {
    var entries = service.history(id, actor);
    var body = new LinkedHashMap<String, Object>();
    body.put("findingId", id.value());
    body.put("items", entries.stream().map(Representations::history).toList());
    return respond(200, body, Map.of());
  }

  private Map<String, Object> addAction(HttpApiRequest r, FindingId id, Actor actor) {
    var b = Body.of(body(r, true), ACTION_FIELDS);
    var description = b.string("description", true);
    var owner = b.string("owner", true, 254);
    var dueDate = b.date("dueDate", true);
    var criteria = b.string("effectivenessCriteria", false);
    var a = service.addAction(id, description, owner, dueDate, criteria, actor);
    return respond(201, Representations.action(a, clock.today()),
        Map.of("location", "/findings/" + id.value() + "/actions/" + a.id(),
            "etag", Representations.etag(a.version())));
  }

  private Map<String, Object> updateAction(HttpApiRequest r, FindingId id, String actionId,
      Actor actor) {
    long version = ifMatch(r);
    var b = Body.of(body(r, true), ACTION_PATCH_FIELDS);
    var change = new ActionChange(b.string("description", false), b.string("owner", false, 254),
        b.date("dueDate", false), b.enumValue("status", ActionStatus.class, false),
        b.string("effectivenessCriteria", false));
    var a = service.updateAction(id, actionId, version, change, actor);
    return respond(200, Representations.action(a, clock.today()),
        Map.of("etag", Representations.etag(a.version())));
  }

  // ---- request parts

  private static Actor identify(HttpApiRequest r) {
    return r.actor().orElseThrow(() -> new ApiProblem(401, "unauthenticated",
        "Unauthenticated", "the request carries no identity: call the API with a JWT whose"
            + " claims hold 'sub' (and 'email', 'groups')", null,
        Map.of("www-authenticate", "Bearer")));
  }

  private static void allow(HttpApiRequest r, String... methods) {
    for (var m : methods) {
      if (m.equals(r.method())) {
        return;
      }
    }
    throw new ApiProblem(405, "method-not-allowed", "Method not allowed", r.method() + " is not"
        + " allowed on " + r.path() + "; allowed: " + String.join(", ", methods), null,
        Map.of("allow", String.join(", ", methods)));
  }

  private static ApiProblem noRoute(HttpApiRequest r) {
    return new ApiProblem(404, "no-such-route", "Not found", "no route " + r.method() + " "
        + r.path() + "; see the API's routes under /findings", null, Map.of());
  }

  private static FindingId findingId(String text) {
    try {
      return FindingId.of(text);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalid("id", e.getMessage());
    }
  }

  private static long ifMatch(HttpApiRequest r) {
    var h = r.header("if-match");
    if (h == null || h.isBlank()) {
      throw new ApiProblem(428, "precondition-required", "Precondition required", "an update"
          + " must carry If-Match with the ETag of the version it read (GET it first)", null,
          Map.of());
    }
    var m = ETAG.matcher(h.trim());
    if (!m.matches()) {
      throw ApiProblem.invalid("If-Match", "If-Match must be the ETag of the version read, e.g."
          + " \"3\"; got " + h);
    }
    return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
  }

  private static Object body(HttpApiRequest r, boolean required) {
    var bytes = r.body();
    if (bytes != null && bytes.length > MAX_BODY_BYTES) {
      throw new ApiProblem(413, "payload-too-large", "Payload too large", "the body has "
          + bytes.length + " bytes; the limit is " + MAX_BODY_BYTES, "body", Map.of());
    }
    var type = r.header("content-type");
    if (type != null) {
      var mime = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
      if (!mime.equals(JSON) && !mime.endsWith("+json")) {
        throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type", "the body"
            + " must be JSON (Content-Type: application/json), not " + mime, "content-type",
            Map.of());
      }
    }
    if (bytes == null || bytes.length == 0) {
      if (required) {
        throw ApiProblem.invalid("body", "the request needs a JSON object body");
      }
      return null;
    }
    try {
      return JsonText.parse(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonText.SyntaxException e) {
      throw ApiProblem.invalid("body", "the body is not valid JSON: " + e.getMessage());
    }
  }

  private static String param(Map<String, String> q, String name) {
    var v = q.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  // ---- responses

  private static Map<String, Object> respond(int status, Object body,
      Map<String, String> headers) {
    var h = new LinkedHashMap<String, String>();
    h.put("content-type", JSON);
    h.putAll(headers);
    return response(status, h, JsonText.write(body));
  }

  private static Map<String, Object> problem(int status, String slug, String title,
      String detail, String instance, Map<String, String> headers, Map<String, Object> extra) {
    var body = new LinkedHashMap<String, Object>();
    body.put("type", ApiProblem.TYPE_BASE + slug);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (instance != null) {
      body.put("instance", instance);
    }
    body.putAll(extra);
    var h = new LinkedHashMap<String, String>();
    h.put("content-type", PROBLEM_JSON);
    h.putAll(headers);
    return response(status, h, JsonText.write(body));
  }

  private static Map<String, Object> response(int status, Map<String, String> headers,
      String body) {
    var out = new LinkedHashMap<String, Object>();
    out.put("statusCode", status);
    out.put("headers", headers);
    out.put("body", body);
    out.put("isBase64Encoded", false);
    return out;
  }
}
