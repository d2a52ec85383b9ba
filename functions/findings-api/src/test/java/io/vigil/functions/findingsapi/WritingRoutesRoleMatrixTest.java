package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.ApiFixture.MANAGER;
import static io.vigil.functions.findingsapi.ApiFixture.PLANNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.register.RegisterKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Access (issue 11): a role matrix generated over <em>every</em> writing route of the records API
 * — each {@code POST}, {@code PUT} and {@code PATCH} of the router's table ({@link Router}), the
 * register routes once per register — against every kind of caller. The expected decision comes
 * from {@link #POLICY}, the one declarative statement of who may write what; each case runs on a
 * fresh fixture set up so that the operation succeeds for a caller who may make it, and asserts
 * success (200/201) or 403 with nothing written (findings, history, actions, audits, registers,
 * vault, idempotency keys). {@link #everyWritingRouteIsInThePolicy} fails when the router serves a
 * writing route the policy does not list, so a new route cannot go untested.
 *
 * <p>{@link RoleMatrixTest} covers the findings workflow's moves (effectiveness review, close) by
 * role; this matrix adds the callers that own or do not own the record, the assigned auditor and
 * callers without a role, and every other writing route.
 */
class WritingRoutesRoleMatrixTest {

  /** Who calls: subject, e-mail and groups. */
  record Caller(String subject, String email, List<String> groups) {
    HttpApiEvent as(HttpApiEvent e) {
      return e.as(subject, email, groups);
    }
  }

  /** The person named as owner of the finding, action, risk and evidence task under test. */
  static final String OWNER_EMAIL = "olivia@acme.test";

  /** Every kind of caller, by name. */
  static final Map<String, Caller> CALLERS = new LinkedHashMap<>();

  static {
    CALLERS.put("viewer", new Caller("sub-vera", "vera@acme.test", List.of("viewer")));
    CALLERS.put("owner-not-owner", new Caller("sub-otto", "otto@acme.test", List.of("owner")));
    CALLERS.put("owner", new Caller("sub-olivia", OWNER_EMAIL, List.of("owner")));
    CALLERS.put("owner-as-viewer", new Caller("sub-olivia", OWNER_EMAIL, List.of("viewer")));
    CALLERS.put("owner-without-role", new Caller("sub-olivia", OWNER_EMAIL, List.of()));
    CALLERS.put("auditor-other-audit", new Caller("sub-alex", "alex@acme.test",
        List.of("auditor")));
    CALLERS.put("assigned-auditor", new Caller("sub-carol", PLANNED.auditorEmail(),
        List.of("auditor")));
    CALLERS.put("isms-manager", new Caller("sub-mia", "mia@acme.test", MANAGER));
  }

  /**
   * The policy: for each writing operation (route, then a variant when one route does several
   * things), the callers who may make it; every other caller gets 403 and nothing is written.
   * "owner" is the person the record names as owner (finding, action, risk, evidence task) with
   * the role owner; "owner-as-viewer" and "owner-without-role" are that person with the role
   * viewer, or with no Vigil role. Risk approvals and evidence attachments go by the person
   * named, whatever their role (the domain's {@code RegisterService}); the findings workflow
   * needs the role owner as well.
   */
  static final List<Rule> POLICY = List.of(
      rule("POST /findings", "create", "auditor-other-audit assigned-auditor isms-manager"),
      rule("PATCH /findings/{id}", "edit", "isms-manager"),
      rule("PATCH /findings/{id}", "move-to-corrected", "owner isms-manager"),
      rule("POST /findings/{id}/actions", "add-action", "owner isms-manager"),
      rule("PATCH /findings/{id}/actions/{actionId}", "update-action", "owner isms-manager"),
      rule("POST /audits/{id}/start", "start", "assigned-auditor isms-manager"),
      rule("PUT /audits/{id}/conclusions/{item}", "conclude", "assigned-auditor isms-manager"),
      rule("POST /audits/{id}/complete", "complete", "assigned-auditor isms-manager"),
      rule("POST /audits/{id}/cancel", "cancel", "isms-manager"),
      rule("POST /registers/{kind}", "create (each kind)", "isms-manager"),
      rule("PATCH /registers/{kind}/{id}", "edit (each kind)", "isms-manager"),
      rule("POST /registers/risks/{id}/approve-treatment", "approve-treatment",
          "owner owner-as-viewer owner-without-role"),
      rule("POST /registers/risks/{id}/accept-residual", "accept-residual",
          "owner owner-as-viewer owner-without-role"),
      rule("POST /registers/evidence-tasks/{id}/attachments", "attach",
          "owner owner-as-viewer owner-without-role isms-manager"),
      rule("POST /soa/approvals", "approve", "isms-manager"));

  /** One row of {@link #POLICY}: a route, the operation on it, the callers allowed. */
  record Rule(String route, String operation, Set<String> allowed) {}

  private static Rule rule(String route, String operation, String allowed) {
    var callers = new TreeSet<>(Arrays.asList(allowed.split(" ")));
    if (!CALLERS.keySet().containsAll(callers)) {
      throw new IllegalArgumentException("unknown caller in " + allowed);
    }
    return new Rule(route, operation, callers);
  }

  /** A prepared request: the fixture is set up, the request lacks only its caller. */
  record Case(ApiFixture fx, HttpApiEvent request) {}

  // ---- set-ups, one per operation

  private static final String FINDING_BODY = ApiFixture.CREATE_BODY.replace("owner@acme.test",
      OWNER_EMAIL);

  private static String finding(ApiFixture fx) {
    return (String) fx.call(ApiFixture.req("POST", "/findings", "mia", MANAGER)
        .body(FINDING_BODY)).expect(201).get("id");
  }

  private static ApiFixture.Response action(ApiFixture fx, String findingId) {
    return fx.call(ApiFixture.req("POST", "/findings/" + findingId + "/actions", "mia", MANAGER)
        .body("{\"description\": \"Quarterly review\", \"owner\": \"" + OWNER_EMAIL + "\","
            + " \"dueDate\": \"2027-01-15\"}")).expect(201);
  }

  private static String risk(ApiFixture fx) {
    return (String) fx.createRecord("risks", ApiFixture.RISK_BODY.replace("cto@acme.test",
        OWNER_EMAIL)).expect(201).get("id");
  }

  /** A valid new record of each register. */
  static final Map<RegisterKind, String> CREATE = new EnumMap<>(RegisterKind.class);
  /** A valid edit of each register's record. */
  static final Map<RegisterKind, String> EDIT = new EnumMap<>(RegisterKind.class);

  static {
    CREATE.put(RegisterKind.SCOPE, "{\"description\": \"Production AWS organisation\"}");
    EDIT.put(RegisterKind.SCOPE, "{\"description\": \"Production and staging\"}");
    CREATE.put(RegisterKind.ISSUE, "{\"title\": \"Cloud skills shortage\", \"type\":"
        + " \"INTERNAL\"}");
    EDIT.put(RegisterKind.ISSUE, "{\"title\": \"Cloud security skills shortage\"}");
    CREATE.put(RegisterKind.INTERESTED_PARTY, "{\"name\": \"Customers\", \"requirements\":"
        + " [\"Data protection\"]}");
    EDIT.put(RegisterKind.INTERESTED_PARTY, "{\"name\": \"Enterprise customers\"}");
    CREATE.put(RegisterKind.POLICY, "{\"title\": \"Access control policy\", \"owner\":"
        + " \"ciso@acme.test\", \"approvedOn\": \"2026-01-20\", \"reviewIntervalMonths\": 12}");
    EDIT.put(RegisterKind.POLICY, "{\"title\": \"Access control and identity policy\"}");
    CREATE.put(RegisterKind.ROLE, "{\"name\": \"CISO\", \"responsibilities\": \"Runs the"
        + " ISMS\"}");
    EDIT.put(RegisterKind.ROLE, "{\"name\": \"Chief information security officer\"}");
    CREATE.put(RegisterKind.RISK_METHOD, """
        {"likelihoodScale": ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
         "impactScale": ["Negligible", "Minor", "Moderate", "Major", "Severe"],
         "bands": [{"name": "Low", "minLevel": 1}, {"name": "High", "minLevel": 10}],
         "acceptanceThreshold": 4}""");
    EDIT.put(RegisterKind.RISK_METHOD, "{\"acceptanceThreshold\": 6}");
    CREATE.put(RegisterKind.RISK, ApiFixture.RISK_BODY);
    EDIT.put(RegisterKind.RISK, "{\"title\": \"Ransomware encrypts customer data\"}");
    CREATE.put(RegisterKind.OBJECTIVE, "{\"title\": \"Patch fast\", \"target\": 95,"
        + " \"direction\": \"AT_LEAST\", \"owner\": \"ciso@acme.test\", \"dueDate\":"
        + " \"2027-06-30\"}");
    EDIT.put(RegisterKind.OBJECTIVE, "{\"title\": \"Patch critical findings fast\"}");
    CREATE.put(RegisterKind.COMPETENCE, "{\"role\": \"CISO\", \"competence\": \"ISO 27001\"}");
    EDIT.put(RegisterKind.COMPETENCE, "{\"competence\": \"ISO/IEC 27001 lead implementer\"}");
    CREATE.put(RegisterKind.COMPETENCE_EVIDENCE, "{\"person\": \"mia@acme.test\","
        + " \"competence\": \"ISO 27001\", \"kind\": \"CERTIFICATION\", \"obtainedOn\":"
        + " \"2026-03-01\"}");
    EDIT.put(RegisterKind.COMPETENCE_EVIDENCE, "{\"reference\": \"Certificate 1234\"}");
    CREATE.put(RegisterKind.AWARENESS, "{\"person\": \"vera@acme.test\", \"course\":"
        + " \"Security basics\"}");
    EDIT.put(RegisterKind.AWARENESS, "{\"completedOn\": \"2026-11-20\"}");
    CREATE.put(RegisterKind.COMMUNICATION, "{\"what\": \"Policy updates\", \"when\":"
        + " \"Quarterly\", \"withWhom\": \"All staff\", \"who\": \"CISO\"}");
    EDIT.put(RegisterKind.COMMUNICATION, "{\"how\": \"Intranet\"}");
    CREATE.put(RegisterKind.DOCUMENT, "{\"title\": \"ISMS manual\", \"owner\":"
        + " \"ciso@acme.test\", \"version\": \"1.0\", \"retention\": \"7 years\"}");
    EDIT.put(RegisterKind.DOCUMENT, "{\"version\": \"1.1\"}");
    CREATE.put(RegisterKind.EVIDENCE_TASK, "{\"controls\": [\"A.6.3\"], \"title\":"
        + " \"Awareness report\", \"owner\": \"" + OWNER_EMAIL + "\", \"frequencyMonths\": 3,"
        + " \"nextDue\": \"2026-12-10\"}");
    EDIT.put(RegisterKind.EVIDENCE_TASK, "{\"frequencyMonths\": 6}");
    CREATE.put(RegisterKind.MANAGEMENT_REVIEW, "{\"period\": \"2026-Q4\", \"date\":"
        + " \"2026-11-20\"}");
    EDIT.put(RegisterKind.MANAGEMENT_REVIEW, "{\"notes\": \"Budget approved\"}");
    CREATE.put(RegisterKind.SOA_DECISION, "{\"id\": \"A.5.1\", \"applicable\": true,"
        + " \"justification\": \"Needed to run the service\"}");
    EDIT.put(RegisterKind.SOA_DECISION, "{\"implementation\": \"Policy set, reviewed"
        + " yearly\"}");
  }

  /** The set-up of each operation: {@code operation} or {@code operation [register]}. */
  static Map<String, Function<ApiFixture, HttpApiEvent>> setUps() {
    var s = new LinkedHashMap<String, Function<ApiFixture, HttpApiEvent>>();
    s.put("create", fx -> HttpApiEvent.request("POST", "/findings").body(FINDING_BODY));
    s.put("edit", fx -> HttpApiEvent.request("PATCH", "/findings/" + finding(fx))
        .header("if-match", "\"0\"").body("{\"dueDate\": \"2027-03-31\"}"));
    s.put("move-to-corrected", fx -> HttpApiEvent.request("PATCH", "/findings/" + finding(fx))
        .header("if-match", "\"0\"").body("{\"status\": \"CORRECTED\", \"correction\":"
            + " \"Reviewed access in December\"}"));
    s.put("add-action", fx -> HttpApiEvent.request("POST", "/findings/" + finding(fx)
        + "/actions").body("{\"description\": \"Quarterly review\", \"owner\": \""
            + OWNER_EMAIL + "\", \"dueDate\": \"2027-01-15\"}"));
    s.put("update-action", fx -> {
      var id = finding(fx);
      var action = action(fx, id);
      return HttpApiEvent.request("PATCH", "/findings/" + id + "/actions/" + action.get("id"))
          .header("if-match", action.etag()).body("{\"status\": \"IN_PROGRESS\"}");
    });
    s.put("start", fx -> {
      fx.plan(PLANNED);
      return HttpApiEvent.request("POST", "/audits/" + PLANNED.id() + "/start")
          .header("if-match", fx.getAudit(PLANNED.id()).etag());
    });
    s.put("conclude", fx -> {
      fx.plan(PLANNED);
      var etag = fx.startAsCarol().expect(200).etag();
      return HttpApiEvent.request("PUT", "/audits/" + PLANNED.id() + "/conclusions/9.2")
          .header("if-match", etag).body("{\"conclusion\": \"CONFORMING\"}");
    });
    s.put("complete", fx -> {
      fx.plan(PLANNED);
      var etag = fx.startAsCarol().expect(200).etag();
      for (var item : PLANNED.items()) {
        etag = fx.conclude(PLANNED.id(), item, "carol", ApiFixture.AUDITOR, etag,
            "{\"conclusion\": \"CONFORMING\"}").expect(200).etag();
      }
      return HttpApiEvent.request("POST", "/audits/" + PLANNED.id() + "/complete")
          .header("if-match", etag).body("{\"summary\": \"All conforming\"}");
    });
    s.put("cancel", fx -> {
      fx.plan(PLANNED);
      return HttpApiEvent.request("POST", "/audits/" + PLANNED.id() + "/cancel")
          .header("if-match", fx.getAudit(PLANNED.id()).etag())
          .body("{\"reason\": \"Auditor unavailable\"}");
    });
    for (var kind : RegisterKind.values()) {
      s.put("create (each kind) [" + kind.path() + "]", fx -> HttpApiEvent.request("POST",
          "/registers/" + kind.path()).body(CREATE.get(kind)));
      s.put("edit (each kind) [" + kind.path() + "]", fx -> {
        var created = fx.createRecord(kind.path(), CREATE.get(kind)).expect(201);
        return HttpApiEvent.request("PATCH", "/registers/" + kind.path() + "/"
            + created.get("id")).header("if-match", created.etag()).body(EDIT.get(kind));
      });
    }
    s.put("approve-treatment", fx -> HttpApiEvent.request("POST", "/registers/risks/"
        + risk(fx) + "/approve-treatment").header("if-match", "\"1\""));
    s.put("accept-residual", fx -> {
      var id = risk(fx);
      fx.call(ApiFixture.req("POST", "/registers/risks/" + id + "/approve-treatment",
          "olivia", ApiFixture.OWNER).header("if-match", "\"1\"")).expect(200);
      return HttpApiEvent.request("POST", "/registers/risks/" + id + "/accept-residual")
          .header("if-match", "\"2\"");
    });
    s.put("attach", fx -> {
      var id = fx.createRecord("evidence-tasks", CREATE.get(RegisterKind.EVIDENCE_TASK))
          .expect(201).get("id");
      return HttpApiEvent.request("POST", "/registers/evidence-tasks/" + id + "/attachments")
          .header("if-match", "\"1\"").body("{\"reference\": \"https://wiki.acme.test/"
              + "awareness-q4\", \"note\": \"Q4 completion\"}");
    });
    s.put("approve", fx -> {
      fx.decideAll();
      return HttpApiEvent.request("POST", "/soa/approvals");
    });
    return s;
  }

  /** The operations of a rule: one, or one per register for the register routes. */
  static List<String> operations(Rule rule) {
    if (rule.operation().endsWith("(each kind)")) {
      return Arrays.stream(RegisterKind.values())
          .map(k -> rule.operation() + " [" + k.path() + "]").toList();
    }
    return List.of(rule.operation());
  }

  @TestFactory
  List<DynamicTest> everyCallerOnEveryWritingRoute() {
    var setUps = setUps();
    var tests = new ArrayList<DynamicTest>();
    for (var rule : POLICY) {
      for (var operation : operations(rule)) {
        var setUp = setUps.get(operation);
        assertTrue(setUp != null, () -> "no set-up for " + operation);
        for (var caller : CALLERS.entrySet()) {
          boolean allowed = rule.allowed().contains(caller.getKey());
          tests.add(DynamicTest.dynamicTest(rule.route() + " " + operation + " by "
              + caller.getKey() + ": " + (allowed ? "allowed" : "403"), () -> {
                var fx = new ApiFixture();
                var request = setUp.apply(fx);
                var before = List.of(ApiFuzzTest.writes(fx),
                    fx.idempotencyKeys.entries().size());

                var r = fx.call(caller.getValue().as(request));

                if (allowed) {
                  assertTrue(r.status() == 200 || r.status() == 201,
                      () -> "status " + r.status() + ": " + r.body());
                } else {
                  assertEquals(403, r.status(), () -> "body: " + r.body());
                  assertEquals(before, List.of(ApiFuzzTest.writes(fx),
                      fx.idempotencyKeys.entries().size()), "nothing written");
                }
              }));
        }
      }
    }
    System.out.println("role matrix: " + tests.size() + " cases (" + CALLERS.size()
        + " callers x " + tests.size() / CALLERS.size() + " operations)");
    return tests;
  }

  /** The router serves no writing route the policy does not list, and the policy no other. */
  @Test
  void everyWritingRouteIsInThePolicy() {
    var served = new ApiFixture().api.routes().stream().filter(Router.Route::writes)
        .map(Router.Route::key).collect(Collectors.toCollection(TreeSet::new));
    var listed = POLICY.stream().map(Rule::route)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(served, listed, "writing routes of the router vs the policy");
    assertEquals(new TreeSet<>(Arrays.asList(RegisterKind.values())), new TreeSet<>(
        CREATE.keySet()), "a valid new record of every register");
    assertEquals(CREATE.keySet(), EDIT.keySet(), "a valid edit of every register");
    var operations = POLICY.stream().flatMap(r -> operations(r).stream())
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(setUps().keySet()), operations, "a set-up per operation");
  }
}
