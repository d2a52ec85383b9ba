package io.vigil.functions.findingsapi;

import io.vigil.domain.access.AccessDeniedException;
import io.vigil.domain.access.Actor;
import io.vigil.domain.audit.AuditService;
import io.vigil.domain.audit.AuditStateException;
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
import io.vigil.domain.register.RegisterService;
import io.vigil.domain.register.SoaService;
import io.vigil.domain.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's records HTTP API: routes an API Gateway HTTP API (payload format 2.0) event to
 * {@link FindingService}, under {@code /audits} to {@link AuditsApi} (audit records), under
 * {@code /registers} to {@link RegistersApi} (the ISMS registers) and under {@code /soa} to
 * {@link SoaApi} (the Statement of Applicability), validating
 * the identity, path, query, headers and body first, and answers the 2.0 response
 * ({@code statusCode}, {@code headers}, {@code body}). Every refusal is an
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
 * <p>Every route is declared once in the {@link Router}'s table. Every {@code POST} honours the
 * {@code Idempotency-Key} header ({@link Idempotency}): a retry with the same key gets the first
 * response again and writes nothing.
 *
 * <p>Statuses: 400 malformed JSON, wrong type, unknown field, invalid id/enum/date, missing field,
 * malformed Idempotency-Key (the problem's {@code field} names it); 401 no identity; 403 not
 * allowed; 404 unknown finding, action, audit, register, record, SoA version or route; 405 wrong
 * method; 409 move not allowed now ({@code allowed} lists the next states), not in the audit's
 * state ({@code auditStatus}), a record with that id exists, or the request with this
 * Idempotency-Key is still in progress ({@code Retry-After}); 412 stale If-Match; 413 body over
 * 64 KB (an evidence file over {@link RegisterService#MAX_ATTACHMENT_BYTES}); 415 body not JSON;
 * 422 Idempotency-Key sent before with another body; 428 If-Match missing; 500 unexpected, with a
 * correlation id and no internals.
 */
public final class FindingsApi {

  /** Largest accepted request body, in bytes. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";

  private static final Logger LOG = LoggerFactory.getLogger(FindingsApi.class);
  private static final Pattern ACTION_ID = Pattern.compile("A-[A-Za-z0-9-]{1,64}");
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
  private final Router router;
  private final Clock clock;

  /**
   * @param storesFiles whether an evidence vault is configured (evidence files attached to
   *     evidence tasks are stored there; without one only references are accepted)
   * @param idempotencyKeys where the {@code Idempotency-Key}s of {@code POST}s are kept
   */
  public FindingsApi(FindingService service, AuditService audits, RegisterService registers,
      SoaService soa, boolean storesFiles, IdempotencyStore idempotencyKeys, Clock clock) {
    this.service = Objects.requireNonNull(service);
    this.clock = Objects.requireNonNull(clock);
    this.router = new Router(new Idempotency(idempotencyKeys, clock));
    routes(router);
    new AuditsApi(audits, clock).routes(router);
    new RegistersApi(registers, storesFiles).routes(router);
    new SoaApi(soa).routes(router);
  }

  /** Answers one HTTP API event; never throws. */
  public Map<String, Object> handle(Map<String, Object> event) {
    String correlationId = null;
    String path = null;
    try {
      var request = HttpApiRequest.of(event == null ? Map.of() : event);
      correlationId = request.requestId();
      path = request.path();
      return router.dispatch(request);
    } catch (RuntimeException e) {
      var refusal = refusal(e, path);
      if (refusal != null) {
        return refusal;
      }
      var id = correlationId == null ? UUID.randomUUID().toString() : correlationId;
      LOG.error("request {} failed (correlation id {})", path, id, e);
      return Responses.problem(500, "internal-error", "Internal error", "The request could not be"
          + " completed. Quote correlation id " + id + " when reporting it.", path, Map.of(),
          Map.of("correlationId", id));
    }
  }

  /**
   * True when {@code e} is a refusal the API answers with a 4xx problem: thrown before anything
   * is written (validation, access, state, version); false for an unexpected failure (500).
   */
  static boolean isRefusal(RuntimeException e) {
    return refusal(e, null) != null;
  }

  /** The problem answering refusal {@code e}; null when {@code e} is not a refusal. */
  private static Map<String, Object> refusal(RuntimeException e, String path) {
    if (e instanceof ApiProblem p) {
      return Responses.problem(p.status(), p.slug(), p.title(), p.getMessage(), path, p.headers(),
          p.field() == null ? Map.of() : Map.of("field", p.field()));
    }
    if (e instanceof MissingFieldException m) {
      return Responses.problem(400, "invalid-request", "Invalid request", m.getMessage(), path,
          Map.of(), Map.of("field", m.field()));
    }
    if (e instanceof AccessDeniedException) {
      return Responses.problem(403, "forbidden", "Forbidden", e.getMessage(), path, Map.of(),
          Map.of());
    }
    if (e instanceof NotFoundException) {
      return Responses.problem(404, "not-found", "Not found", e.getMessage(), path, Map.of(),
          Map.of());
    }
    if (e instanceof InvalidTransitionException t) {
      var extra = new LinkedHashMap<String, Object>();
      extra.put("allowed", t.allowed().stream().sorted().map(Enum::name).toList());
      if (t.from() != null) {
        extra.put("from", t.from().name());
      }
      if (t.to() != null) {
        extra.put("to", t.to().name());
      }
      return Responses.problem(409, "invalid-transition", "Transition not allowed",
          t.getMessage(), path, Map.of(), extra);
    }
    if (e instanceof AuditStateException a) {
      return Responses.problem(409, "audit-state", "Not allowed in the audit's state",
          a.getMessage(), path, Map.of(), Map.of("auditStatus", a.status().name()));
    }
    if (e instanceof ConcurrentModificationException) {
      return Responses.problem(412, "stale-version", "Precondition failed", e.getMessage(), path,
          Map.of(), Map.of());
    }
    return null;
  }

  /** Every route the API serves, in declaration order (the tests' list of routes). */
  List<Router.Route> routes() {
    return router.routes();
  }

  private void routes(Router router) {
    router.add("GET", "/findings", (r, actor, p) -> list(r, actor))
        .add("POST", "/findings", (r, actor, p) -> create(r, actor))
        .add("GET", "/findings/{id}", (r, actor, p) -> get(findingId(p.get("id")), actor))
        .add("PATCH", "/findings/{id}", (r, actor, p) -> change(r, findingId(p.get("id")), actor))
        .add("GET", "/findings/{id}/history",
            (r, actor, p) -> history(findingId(p.get("id")), actor))
        .add("POST", "/findings/{id}/actions",
            (r, actor, p) -> addAction(r, findingId(p.get("id")), actor))
        .add("PATCH", "/findings/{id}/actions/{actionId}", (r, actor, p) -> {
          var id = findingId(p.get("id"));
          var actionId = p.get("actionId");
          if (!ACTION_ID.matcher(actionId).matches()) {
            throw ApiProblem.invalid("actionId", "'" + actionId + "' is not an action id (A-...)");
          }
          return updateAction(r, id, actionId, actor);
        });
  }

  // ---- routes

  private Map<String, Object> create(HttpApiRequest r, Actor actor) {
    var b = Body.of(r.json(true), CREATE_FIELDS);
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
    return Responses.json(201, Representations.view(f, List.of(), FindingWorkflow.next(f), today),
        Map.of("location", "/findings/" + f.id().value(),
            "etag", Representations.etag(f.version())));
  }

  private Map<String, Object> list(HttpApiRequest r, Actor actor) {
    r.allowParams(LIST_PARAMS);
    var q = r.query();
    var status = r.param("status") == null ? null
        : Body.parseEnum("status", q.get("status"), FindingStatus.class);
    var type = r.param("type") == null ? null
        : Body.parseEnum("type", q.get("type"), FindingType.class);
    var source = r.param("source") == null ? null
        : Body.parseEnum("source", q.get("source"), FindingSource.class);
    ControlId control = null;
    if (r.param("control") != null) {
      try {
        control = ControlId.parse(q.get("control"));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.invalid("control", e.getMessage());
      }
    }
    var overdue = r.param("overdue");
    if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
      throw ApiProblem.invalid("overdue", "overdue must be true or false, got '" + overdue + "'");
    }
    int limit = DEFAULT_LIMIT;
    if (r.param("limit") != null) {
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
    var query = new FindingQuery(status, type, source, control, r.param("owner"),
        "true".equals(overdue) ? today : null);
    Page<Finding> page;
    try {
      page = service.list(query, r.param("cursor"), limit, actor);
    } catch (MissingFieldException | AccessDeniedException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalid("cursor", "cursor is not one this API issued: start again without"
          + " it");
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("items", page.items().stream().map(f -> Representations.finding(f, today)).toList());
    body.put("nextCursor", page.nextCursor());
    return Responses.json(200, body, Map.of());
  }

  private Map<String, Object> get(FindingId id, Actor actor) {
    var v = service.get(id, actor);
    return Responses.json(200, Representations.view(v.finding(), v.actions(), v.next(),
        clock.today()), Map.of("etag", Representations.etag(v.finding().version())));
  }

  private Map<String, Object> change(HttpApiRequest r, FindingId id, Actor actor) {
    long version = r.ifMatch();
    var b = Body.of(r.json(true), PATCH_FIELDS);
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
    return Responses.json(200, body, Map.of());
  }

  private Map<String, Object> addAction(HttpApiRequest r, FindingId id, Actor actor) {
    var b = Body.of(r.json(true), ACTION_FIELDS);
    var description = b.string("description", true);
    var owner = b.string("owner", true, 254);
    var dueDate = b.date("dueDate", true);
    var criteria = b.string("effectivenessCriteria", false);
    var a = service.addAction(id, description, owner, dueDate, criteria, actor);
    return Responses.json(201, Representations.action(a, clock.today()),
        Map.of("location", "/findings/" + id.value() + "/actions/" + a.id(),
            "etag", Representations.etag(a.version())));
  }

  private Map<String, Object> updateAction(HttpApiRequest r, FindingId id, String actionId,
      Actor actor) {
    long version = r.ifMatch();
    var b = Body.of(r.json(true), ACTION_PATCH_FIELDS);
    var change = new ActionChange(b.string("description", false), b.string("owner", false, 254),
        b.date("dueDate", false), b.enumValue("status", ActionStatus.class, false),
        b.string("effectivenessCriteria", false));
    var a = service.updateAction(id, actionId, version, change, actor);
    return Responses.json(200, Representations.action(a, clock.today()),
        Map.of("etag", Representations.etag(a.version())));
  }

  private static FindingId findingId(String text) {
    try {
      return FindingId.of(text);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalid("id", e.getMessage());
    }
  }
}
