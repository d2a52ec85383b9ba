package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.ApiFixture.AUDITOR;
import static io.vigil.functions.findingsapi.ApiFixture.CREATE_BODY;
import static io.vigil.functions.findingsapi.ApiFixture.MANAGER;
import static io.vigil.functions.findingsapi.ApiFixture.OWNER;
import static io.vigil.functions.findingsapi.ApiFixture.PLANNED;
import static io.vigil.functions.findingsapi.ApiFixture.VIEWER;
import static io.vigil.functions.findingsapi.ApiFixture.req;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.audit.AuditEvidence;
import io.vigil.domain.audit.AuditService;
import io.vigil.domain.fakes.InMemoryFindingRepository;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingQuery;
import io.vigil.domain.finding.FindingService;
import io.vigil.domain.finding.HistoryEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code Idempotency-Key} header (issue 11): a retried {@code POST} with the same key gets the
 * first response and writes nothing; every branch of {@link Idempotency} over the in-memory store.
 */
class IdempotencyTest {

  private static final String KEY = "8e03978e-40d5-43e8-bc93-6894a57f9324";

  private final ApiFixture fx = new ApiFixture();

  private static HttpApiEvent create(String key) {
    return req("POST", "/findings", "auditor", AUDITOR).header("idempotency-key", key)
        .body(CREATE_BODY);
  }

  private int findings() {
    return fx.repo.find(FindingQuery.all(), null, 1000).items().size();
  }

  @Test
  void aRetryGetsTheFirstResponseAndRaisesNothingTwice() {
    var first = fx.call(create(KEY)).expect(201);
    var writes = ApiFuzzTest.writes(fx);

    var retry = fx.call(create(KEY)).expect(201);

    assertEquals(first.body(), retry.body());
    assertEquals(first.headers().get("location"), retry.headers().get("location"));
    assertEquals(first.etag(), retry.etag());
    assertEquals("true", retry.headers().get(Idempotency.REPLAYED));
    assertNull(first.headers().get(Idempotency.REPLAYED));
    assertEquals(writes, ApiFuzzTest.writes(fx), "the retry wrote nothing");
    assertEquals(1, findings());
  }

  @Test
  void withoutTheHeaderEveryPostIsProcessed() {
    var post = req("POST", "/findings", "auditor", AUDITOR).body(CREATE_BODY);
    var a = fx.call(post).expect(201);
    var b = fx.call(post).expect(201);
    assertNotEquals(a.get("id"), b.get("id"));
    assertEquals(2, findings());
    assertTrue(fx.idempotencyKeys.entries().isEmpty());
  }

  @Test
  void theQuotedStructuredFieldFormIsTheSameKey() {
    var first = fx.call(create(KEY)).expect(201);
    var quoted = fx.call(create("\"" + KEY + "\"")).expect(201);
    assertEquals(first.get("id"), quoted.get("id"));
    assertEquals("true", quoted.headers().get(Idempotency.REPLAYED));
  }

  @Test
  void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
    var first = fx.call(create(KEY)).expect(201);
    var writes = ApiFuzzTest.writes(fx);

    var other = fx.call(req("POST", "/findings", "auditor", AUDITOR)
        .header("idempotency-key", KEY).body(CREATE_BODY.replace("not performed", "late")))
        .expect(422);

    assertEquals(ApiProblem.TYPE_BASE + "idempotency-key-reused", other.get("type"));
    assertEquals("Idempotency-Key", other.get("field"));
    assertEquals(writes, ApiFuzzTest.writes(fx));
    // the key still answers its own request
    assertEquals(first.get("id"), fx.call(create(KEY)).expect(201).get("id"));
  }

  @Test
  void aDuplicateWhileTheFirstIsInFlightIs409AndWritesNothing() throws Exception {
    var claimed = new CountDownLatch(1);
    var duplicateAnswered = new CountDownLatch(1);
    fx.idempotencyKeys.beforeComplete(() -> {
      claimed.countDown();
      await(duplicateAnswered);
    });
    var pool = Executors.newSingleThreadExecutor();
    try {
      var first = pool.submit(() -> fx.call(create(KEY)));
      assertTrue(claimed.await(30, TimeUnit.SECONDS), "the first request reached its write");
      var writes = ApiFuzzTest.writes(fx);

      var duplicate = fx.call(create(KEY)).expect(409);
      duplicateAnswered.countDown();

      assertEquals(ApiProblem.TYPE_BASE + "request-in-progress", duplicate.get("type"));
      assertEquals(Idempotency.RETRY_AFTER, duplicate.headers().get("retry-after"));
      assertEquals(writes, ApiFuzzTest.writes(fx), "the duplicate wrote nothing");
      var id = first.get(30, TimeUnit.SECONDS).expect(201).get("id");
      fx.idempotencyKeys.beforeComplete(() -> { });
      assertEquals(id, fx.call(create(KEY)).expect(201).get("id"), "then it is replayed");
      assertEquals(1, findings());
    } finally {
      duplicateAnswered.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentCopiesRaiseOneFindingAndEachGetsItOr409() throws Exception {
    int copies = 8;
    for (int round = 0; round < 10; round++) {
      var local = new ApiFixture();
      var start = new CountDownLatch(1);
      var pool = Executors.newFixedThreadPool(copies);
      try {
        var answers = new ArrayList<java.util.concurrent.Future<ApiFixture.Response>>();
        var key = KEY + "-" + round;
        for (int i = 0; i < copies; i++) {
          answers.add(pool.submit(() -> {
            start.await();
            return local.call(create(key));
          }));
        }
        start.countDown();
        var ids = new java.util.HashSet<Object>();
        int created = 0;
        for (var a : answers) {
          var r = a.get(30, TimeUnit.SECONDS);
          assertTrue(r.status() == 201 || r.status() == 409, () -> "status " + r.status());
          if (r.status() == 201) {
            ids.add(r.get("id"));
            created += r.headers().containsKey(Idempotency.REPLAYED) ? 0 : 1;
          }
        }
        assertEquals(1, created, "exactly one copy was processed");
        assertEquals(1, ids.size(), "every 201 names the same finding: " + ids);
        assertEquals(1, local.repo.find(FindingQuery.all(), null, 10).items().size());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aRefusedRequestReleasesItsKey() {
    var invalid = fx.call(req("POST", "/findings", "auditor", AUDITOR)
        .header("idempotency-key", KEY).body("{\"title\": \"t\"}")).expect(400);
    assertEquals("type", invalid.get("field"));
    fx.call(req("POST", "/findings", "viewer", VIEWER).header("idempotency-key", KEY)
        .body(CREATE_BODY)).expect(403);
    assertTrue(fx.idempotencyKeys.entries().isEmpty(), "refusals are not remembered");

    fx.call(create(KEY)).expect(201);
    assertEquals(1, findings());
  }

  @Test
  void anUnexpectedFailureHoldsTheKeyForItsLeaseThenARetryRunsAgain() {
    var failOnce = new AtomicBoolean(true);
    var repo = new InMemoryFindingRepository() {
      @Override
      public synchronized void create(Finding finding, HistoryEntry entry) {
        if (failOnce.getAndSet(false)) {
          throw new IllegalStateException("DynamoDB timed out");
        }
        super.create(finding, entry);
      }
    };
    var findings = new FindingService(repo, fx.now::get, () -> "x1");
    var api = new FindingsApi(findings, new AuditService(fx.audits, findings,
        AuditEvidence.none(), Optional.empty(), fx.now::get), fx.registers, fx.soa, true,
        fx.idempotencyKeys, fx.now::get);
    Function<HttpApiEvent, ApiFixture.Response> call = e -> ApiFixture.decode(api.handle(
        e.toMap()));

    call.apply(create(KEY)).expect(500);
    call.apply(create(KEY)).expect(409);
    fx.now.set(fx.now.get().plus(Idempotency.LEASE).plusSeconds(1));
    var retried = call.apply(create(KEY)).expect(201);
    assertEquals("F-x1", retried.get("id"));
    assertEquals("F-x1", call.apply(create(KEY)).expect(201).get("id"));
    assertEquals(1, repo.find(FindingQuery.all(), null, 10).items().size());
  }

  @Test
  void keysAreScopedToTheCallerAndTheRoute() {
    var mine = fx.call(create(KEY)).expect(201);
    var theirs = fx.call(req("POST", "/findings", "manager", MANAGER)
        .header("idempotency-key", KEY).body(CREATE_BODY)).expect(201);
    assertNotEquals(mine.get("id"), theirs.get("id"));
    assertEquals(2, findings());

    var action = fx.call(req("POST", "/findings/" + mine.get("id") + "/actions", "auditor",
        MANAGER).header("idempotency-key", KEY).body("""
            {"description": "Quarterly review task", "owner": "owner@acme.test",
             "dueDate": "2027-01-15"}""")).expect(201);
    assertTrue(String.valueOf(action.get("id")).startsWith("A-"), action.body().toString());
  }

  @Test
  void aKeyIsRememberedForItsTtl() {
    var first = fx.call(create(KEY)).expect(201);
    fx.now.set(fx.now.get().plus(Idempotency.TTL).minusSeconds(1));
    assertEquals(first.get("id"), fx.call(create(KEY)).expect(201).get("id"));
    fx.now.set(fx.now.get().plus(Duration.ofSeconds(2)));
    assertNotEquals(first.get("id"), fx.call(create(KEY)).expect(201).get("id"),
        "an expired key is a new request");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a b", "\"\"", "clé", "a\"b", "a\\b", "\"unterminated"})
  void aMalformedKeyIs400NamingTheHeaderAndClaimsNothing(String key) {
    var r = fx.call(create(key)).expect(400);
    assertEquals("Idempotency-Key", r.get("field"));
    assertEquals(0, findings());
    assertTrue(fx.idempotencyKeys.entries().isEmpty());
  }

  @Test
  void aKeyOfMoreThan255CharactersIs400() {
    fx.call(create("k".repeat(Idempotency.MAX_KEY_LENGTH))).expect(201);
    assertEquals("Idempotency-Key",
        fx.call(create("k".repeat(Idempotency.MAX_KEY_LENGTH + 1))).expect(400).get("field"));
  }

  /**
   * Every POST route of the router, set up to succeed: a retry with the key answers the same and
   * writes nothing. A POST route missing here fails the test.
   */
  @Test
  void everyPostRouteReplaysARetry() {
    Map<String, Function<ApiFixture, HttpApiEvent>> requests = new TreeMap<>();
    requests.put("POST /findings", f -> req("POST", "/findings", "auditor", AUDITOR)
        .body(CREATE_BODY));
    requests.put("POST /findings/{id}/actions", f -> req("POST", "/findings/" + f.raise()
        + "/actions", "owner", OWNER).body("""
            {"description": "Quarterly review task", "owner": "owner@acme.test",
             "dueDate": "2027-01-15"}"""));
    requests.put("POST /registers/{kind}", f -> req("POST", "/registers/risks", "isms",
        MANAGER).body(ApiFixture.RISK_BODY));
    requests.put("POST /registers/risks/{id}/approve-treatment", f -> req("POST",
        "/registers/risks/" + f.createRisk() + "/approve-treatment", "cto", OWNER)
        .header("if-match", "\"1\""));
    requests.put("POST /registers/risks/{id}/accept-residual", f -> {
      var id = f.createRisk();
      f.recordStep("risks", id, "approve-treatment", "cto", OWNER, "\"1\"", null).expect(200);
      return req("POST", "/registers/risks/" + id + "/accept-residual", "cto", OWNER)
          .header("if-match", "\"2\"");
    });
    requests.put("POST /registers/evidence-tasks/{id}/attachments", f -> {
      var id = f.createRecord("evidence-tasks", """
          {"controls": ["A.6.3"], "title": "Awareness training completion report",
           "owner": "ops@acme.test", "frequencyMonths": 3, "nextDue": "2026-12-10"}""")
          .expect(201).get("id");
      return req("POST", "/registers/evidence-tasks/" + id + "/attachments", "ops", OWNER)
          .header("if-match", "\"1\"").body("""
              {"fileName": "report.pdf", "mediaType": "application/pdf",
               "contentBase64": "JVBERi0xLjQK", "note": "Q4 report"}""");
    });
    requests.put("POST /soa/approvals", f -> {
      f.decideAll();
      return req("POST", "/soa/approvals", "isms", MANAGER);
    });
    requests.put("POST /audits/{id}/start", f -> {
      f.plan(PLANNED);
      return req("POST", "/audits/" + PLANNED.id() + "/start", "carol", AUDITOR)
          .header("if-match", f.getAudit(PLANNED.id()).etag());
    });
    requests.put("POST /audits/{id}/complete", f -> {
      f.plan(PLANNED);
      var etag = f.startAsCarol().expect(200).etag();
      for (var item : PLANNED.items()) {
        etag = f.conclude(PLANNED.id(), item, "carol", AUDITOR, etag,
            "{\"conclusion\": \"CONFORMING\"}").expect(200).etag();
      }
      return req("POST", "/audits/" + PLANNED.id() + "/complete", "carol", AUDITOR)
          .header("if-match", etag).body("{\"summary\": \"All conforming\"}");
    });
    requests.put("POST /audits/{id}/cancel", f -> {
      f.plan(PLANNED);
      return req("POST", "/audits/" + PLANNED.id() + "/cancel", "isms", MANAGER)
          .header("if-match", f.getAudit(PLANNED.id()).etag())
          .body("{\"reason\": \"Auditor unavailable\"}");
    });

    var posts = fx.api.routes().stream().filter(r -> r.method().equals("POST"))
        .map(Router.Route::key).sorted().toList();
    assertEquals(posts, List.copyOf(requests.keySet()), "every POST route has a case here");
    for (var route : posts) {
      var f = new ApiFixture();
      var request = requests.get(route).apply(f).header("idempotency-key", KEY);
      var first = f.call(request);
      assertTrue(first.status() == 200 || first.status() == 201,
          () -> route + ": " + first.status() + " " + first.body());
      var writes = List.of(ApiFuzzTest.writes(f), f.idempotencyKeys.entries().size());

      var retry = f.call(request);

      assertEquals(first.status(), retry.status(), route);
      assertEquals(first.body(), retry.body(), route);
      assertEquals("true", retry.headers().get(Idempotency.REPLAYED), route);
      assertEquals(writes, List.of(ApiFuzzTest.writes(f), f.idempotencyKeys.entries().size()),
          route + ": the retry wrote nothing");
      assertEquals(1, writes.get(1), route);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out waiting for the duplicate");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
