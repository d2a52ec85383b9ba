package io.vigil.functions.findingsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.finding.FindingQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Bad input through the records API (issue 11, "Bad input"): generated and mutated HTTP API 2.0
 * events — the sample events of {@code events/findings-api/} and requests built from the routes'
 * vocabulary, then mutated (method, path, headers, query, identity claims, event shape, bodies with
 * wrong types, huge strings, deep nesting, broken escapes and invalid UTF-8) — go through
 * {@link FindingsApi#handle}. Every answer must be a well-formed JSON response (problem+json for
 * errors) and never a 500, and a refused request (4xx) must leave every in-memory repository
 * unchanged.
 *
 * <p>Seeded: {@value #SEED} unless {@code -Dvigil.fuzz.seed=N}; a failure names the case number
 * and the seed to replay it.
 */
class ApiFuzzTest {

  static final long SEED = 20261128L;
  static final int CASES = 500;

  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE",
      "HEAD", "OPTIONS", "TRACE", "get", "P@ST", "");
  private static final List<String> SEGMENTS = List.of("findings", "audits", "registers", "soa",
      "actions", "history", "conclusions", "start", "complete", "cancel", "report", "versions",
      "approve", "risks", "policies", "soa-decisions", "evidence-tasks", "scope", "attach",
      "approve-treatment", "accept-residual", "export", "F-n1", "F-example-0001", "A-n2",
      "AUD-2026-12-01-0001", "9.2", "A.8.24", "1", "0", "-1", "99999999999999999999", "..", ".",
      "%2e%2e", "F-", "A-", "<script>", "F-" + "x".repeat(300), "\u0000", "\ud800", "é",
      " ", "*", "{id}");
  private static final List<String> FIELDS = List.of("title", "type", "source", "controls",
      "clauses", "description", "severity", "owner", "dueDate", "auditId", "status",
      "correction", "rootCause", "similarNonconformities", "effectivenessReview",
      "ismsChange", "decisionReason", "effectivenessCriteria", "likelihood", "impact",
      "treatment", "asset", "threat", "vulnerability", "residualLikelihood", "residualImpact",
      "id", "applicable", "justification", "conclusion", "file", "reference", "note",
      "contentType", "fileName", "version", "unknown", "__proto__", "");
  private static final List<String> ROLES = List.of("isms-manager", "auditor", "owner",
      "viewer", "admin", "", "ISMS-MANAGER");

  @Test
  void everyMutatedRequestGetsAWellFormedNon500Answer() throws Exception {
    long seed = Long.getLong("vigil.fuzz.seed", SEED);
    var rnd = new Random(seed);
    var samples = samples();
    var fx = new ApiFixture();
    var finding = fx.raise();
    fx.addAction(finding, "owner", ApiFixture.OWNER).expect(201);
    fx.createRisk();
    fx.plan(ApiFixture.PLANNED);
    int refused = 0;
    int accepted = 0;
    for (int i = 0; i < CASES; i++) {
      Map<String, Object> event = rnd.nextInt(3) == 0 ? built(rnd)
          : deepCopy(samples.get(rnd.nextInt(samples.size())));
      int mutations = 1 + rnd.nextInt(4);
      for (int m = 0; m < mutations; m++) {
        mutate(event, rnd);
      }
      var before = writes(fx);
      int n = i;
      Map<String, Object> out;
      try {
        out = fx.api.handle(event);
      } catch (Throwable t) {
        throw new AssertionError("case " + n + " (seed " + seed + ") threw: " + event, t);
      }
      if (out != null && out.get("statusCode") instanceof Integer code && code < 400
          && out.get("headers") instanceof Map<?, ?> h
          && String.valueOf(h.get("content-type")).matches("text/(csv|html|markdown|calendar).*")) {
        accepted++; // an export (SoA CSV/HTML, audit report): not JSON by design
        continue;
      }
      ApiFixture.Response r;
      try {
        r = ApiFixture.decode(out);
      } catch (Throwable t) {
        throw new AssertionError("case " + n + " (seed " + seed + ") malformed answer " + out
            + " to " + event, t);
      }
      assertNotEquals(500, r.status(), () -> "case " + n + " (seed " + seed + "): " + r.body()
          + " for " + event);
      assertTrue(r.status() >= 200 && r.status() < 500, () -> "case " + n + ": " + r.status());
      if (r.status() >= 400) {
        refused++;
        assertEquals(before, writes(fx), () -> "case " + n + " (seed " + seed + ") refused with "
            + r.status() + " but wrote: " + event);
      } else {
        accepted++;
      }
    }
    // the generator must reach both outcomes, or it tests nothing
    assertTrue(refused > CASES / 2, "refused " + refused);
    assertTrue(accepted > 0, "accepted " + accepted);
  }

  @Test
  void aNullOrEmptyEventIsA400() {
    var fx = new ApiFixture();
    assertEquals(400, ApiFixture.decode(fx.api.handle(null)).status());
    assertEquals(400, ApiFixture.decode(fx.api.handle(Map.of())).status());
  }

  /** Everything the fakes store, as a comparable value. */
  static List<Object> writes(ApiFixture fx) {
    var findings = fx.repo.find(FindingQuery.all(), null, 1000).items().stream()
        .map(f -> f.id() + "@" + fx.repo.history(f.id()).size() + "/"
            + fx.repo.actionsOf(f.id()).size())
        .collect(Collectors.toList());
    return List.of(findings, fx.audits.writes(), fx.registerRepo.writes(), fx.vault.size());
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> samples() throws Exception {
    var list = new ArrayList<Map<String, Object>>();
    try (var files = Files.list(SampleEventsTest.DIR)) {
      for (var p : files.sorted().toList()) {
        var e = (Map<String, Object>) JsonText.parse(Files.readString(p, StandardCharsets.UTF_8));
        if (e.containsKey("requestContext") && e.containsKey("rawPath")) {
          list.add(e);
        }
      }
    }
    assertTrue(list.size() > 40, "sample events: " + list.size());
    return list;
  }

  static Map<String, Object> built(Random rnd) {
    var path = new StringBuilder();
    int n = 1 + rnd.nextInt(5);
    for (int i = 0; i < n; i++) {
      path.append('/').append(pick(rnd, SEGMENTS));
    }
    var e = HttpApiEvent.request(pick(rnd, METHODS).isEmpty() ? "GET" : pick(rnd, METHODS),
        path.toString());
    if (rnd.nextInt(5) != 0) {
      e.as("sub-" + rnd.nextInt(3), rnd.nextBoolean() ? "u@acme.test" : null,
          List.of(pick(rnd, ROLES)));
    }
    if (rnd.nextBoolean()) {
      e.body(json(rnd, 0));
    }
    return e.toMap();
  }

  @SuppressWarnings("unchecked")
  static void mutate(Map<String, Object> e, Random rnd) {
    if (e.get("requestContext") instanceof Map<?, ?> m) {
      e.put("requestContext", deepCopy((Map<String, Object>) m));
    }
    var ctx = e.get("requestContext") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    switch (rnd.nextInt(14)) {
      case 0 -> {
        var method = pick(rnd, METHODS);
        if (ctx != null && ctx.get("http") instanceof Map<?, ?> h) {
          ((Map<String, Object>) h).put("method", method);
        }
        e.put("routeKey", method + " " + e.get("rawPath"));
      }
      case 1 -> {
        var path = String.valueOf(e.get("rawPath"));
        var parts = new ArrayList<>(List.of(path.split("/", -1)));
        int at = parts.size() <= 1 ? 0 : 1 + rnd.nextInt(parts.size() - 1);
        switch (rnd.nextInt(3)) {
          case 0 -> parts.add(at, pick(rnd, SEGMENTS));
          case 1 -> { if (parts.size() > 1) { parts.remove(at); } }
          default -> { if (parts.size() > 1) { parts.set(at, pick(rnd, SEGMENTS)); } }
        }
        var p = String.join("/", parts);
        e.put("rawPath", rnd.nextInt(10) == 0 ? p + "/" : p);
      }
      case 2 -> headers(e).put(pick(rnd, List.of("if-match", "content-type", "authorization",
          "content-length", "accept", "If-Match", "CONTENT-TYPE")), junk(rnd));
      case 3 -> headers(e).put("if-match", pick(rnd, List.of("\"0\"", "\"1\"", "W/\"1\"", "*",
          "\"-1\"", "\"99999999999999999999\"", "1", "\"\"", "\"abc\"")));
      case 4 -> {
        var q = e.get("queryStringParameters") instanceof Map<?, ?> m
            ? new LinkedHashMap<String, Object>((Map<String, Object>) m)
            : new LinkedHashMap<String, Object>();
        q.put(pick(rnd, List.of("status", "type", "source", "control", "owner", "overdue",
            "limit", "cursor", "version", "format", "bogus")), junk(rnd));
        e.put("queryStringParameters", q);
      }
      case 5 -> e.put("body", json(rnd, 0));
      case 6 -> e.put("body", brokenBody(rnd));
      case 7 -> {
        // a known body with one field replaced by a value of another type
        if (e.get("body") instanceof String s) {
          try {
            if (JsonText.parse(s) instanceof Map<?, ?> m) {
              var body = new LinkedHashMap<String, Object>((Map<String, Object>) m);
              var keys = new ArrayList<>(body.keySet());
              var key = keys.isEmpty() || rnd.nextInt(4) == 0 ? pick(rnd, FIELDS)
                  : keys.get(rnd.nextInt(keys.size()));
              if (rnd.nextInt(6) == 0) {
                body.remove(key);
              } else {
                body.put(key, value(rnd, 0));
              }
              e.put("body", JsonText.write(body));
            }
          } catch (JsonText.SyntaxException | RuntimeException ignored) {
            e.put("body", s + "}");
          }
        }
      }
      case 8 -> {
        // identity: removed, sub removed, groups of odd types
        if (ctx != null) {
          switch (rnd.nextInt(5)) {
            case 0 -> ctx.remove("authorizer");
            case 1 -> ctx.put("authorizer", junkValue(rnd));
            default -> {
              var claims = new LinkedHashMap<String, Object>();
              claims.put("sub", rnd.nextInt(4) == 0 ? junkValue(rnd) : "sub-x");
              claims.put(pick(rnd, List.of("groups", "cognito:groups")),
                  rnd.nextBoolean() ? junkValue(rnd) : "[" + pick(rnd, ROLES) + "]");
              if (rnd.nextBoolean()) {
                claims.put("email", junkValue(rnd));
              }
              ctx.put("authorizer", Map.of("jwt", Map.of("claims", claims)));
            }
          }
        }
      }
      case 9 -> {
        // event shape: a known field of the wrong type or missing
        var key = pick(rnd, List.of("headers", "queryStringParameters", "requestContext",
            "rawPath", "routeKey", "body", "isBase64Encoded", "pathParameters"));
        if (rnd.nextBoolean()) {
          e.remove(key);
        } else {
          e.put(key, junkValue(rnd));
        }
      }
      case 10 -> {
        e.put("isBase64Encoded", true);
        e.put("body", rnd.nextBoolean() ? "%%%not base64"
            : Base64.getEncoder().encodeToString(bytes(rnd)));
      }
      case 11 -> {
        if (ctx != null && ctx.get("http") instanceof Map<?, ?> h) {
          ((Map<String, Object>) h).put(pick(rnd, List.of("method", "path")), junkValue(rnd));
        }
      }
      case 12 -> {
        if (ctx != null) {
          ctx.put("stage", pick(rnd, List.of("prod", "$default", "", "findings")));
        }
      }
      default -> e.put("body", "x".repeat(FindingsApi.MAX_BODY_BYTES + rnd.nextInt(10)));
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> headers(Map<String, Object> e) {
    var h = e.get("headers") instanceof Map<?, ?> m
        ? new LinkedHashMap<String, Object>((Map<String, Object>) m)
        : new LinkedHashMap<String, Object>();
    e.put("headers", h);
    return h;
  }

  static String brokenBody(Random rnd) {
    return switch (rnd.nextInt(9)) {
      case 0 -> "{\"title\": \"\\uZZZZ\"}";
      case 1 -> "{\"title\": \"\\ud800\"}";
      case 2 -> new String(bytes(rnd), StandardCharsets.ISO_8859_1);
      case 3 -> "[".repeat(2000) + "]".repeat(2000);
      case 4 -> "{\"a\":".repeat(1500) + "1" + "}".repeat(1500);
      case 5 -> "{\"title\": \"a\", \"title\": \"b\"}";
      case 6 -> "{\"title\": " + "9".repeat(400) + "}";
      case 7 -> "";
      default -> "{\"title\": \"" + "x".repeat(60_000) + "\"}";
    };
  }

  static byte[] bytes(Random rnd) {
    var b = new byte[rnd.nextInt(64)];
    rnd.nextBytes(b);
    return b;
  }

  static String json(Random rnd, int depth) {
    var m = new LinkedHashMap<String, Object>();
    int n = rnd.nextInt(6);
    for (int i = 0; i < n; i++) {
      m.put(pick(rnd, FIELDS), value(rnd, depth));
    }
    return rnd.nextInt(8) == 0 ? JsonText.write(value(rnd, depth)) : JsonText.write(m);
  }

  static Object value(Random rnd, int depth) {
    return switch (rnd.nextInt(depth > 3 ? 8 : 10)) {
      case 0 -> null;
      case 1 -> rnd.nextBoolean();
      case 2 -> rnd.nextInt(20) - 5;
      case 3 -> rnd.nextDouble() * 1e20;
      case 4 -> pick(rnd, List.of("OPEN", "CORRECTED", "ANALYSED", "CLOSED", "MINOR_NONCONFORMITY",
          "INTERNAL_AUDIT", "A.5.18", "2027-01-31", "2027-02-30", "owner@acme.test", "MODIFY",
          "HIGH", "IMPLEMENTED"));
      case 5, 6, 7 -> junk(rnd);
      case 8 -> java.util.Arrays.asList(value(rnd, depth + 1), value(rnd, depth + 1));
      default -> {
        var m = new LinkedHashMap<String, Object>();
        m.put(pick(rnd, FIELDS), value(rnd, depth + 1));
        yield m;
      }
    };
  }

  static Object junkValue(Random rnd) {
    return switch (rnd.nextInt(5)) {
      case 0 -> List.of(junk(rnd));
      case 1 -> rnd.nextInt();
      case 2 -> new LinkedHashMap<String, Object>(Map.of("x", junk(rnd)));
      case 3 -> rnd.nextBoolean();
      default -> junk(rnd);
    };
  }

  static String junk(Random rnd) {
    return switch (rnd.nextInt(10)) {
      case 0 -> "";
      case 1 -> "x".repeat(5000 + rnd.nextInt(5000));
      case 2 -> "<script>alert(1)</script>";
      case 3 -> "\"><img src=x onerror=alert(1)>";
      case 4 -> "\u0000\u0001\u001b[31m\ud800\udfff\ud800";
      case 5 -> "../../etc/passwd";
      case 6 -> "' OR 1=1 --";
      case 7 -> String.valueOf(rnd.nextLong());
      case 8 -> "%00%ff%c0%af";
      default -> {
        var sb = new StringBuilder();
        int n = rnd.nextInt(20);
        for (int i = 0; i < n; i++) {
          sb.append((char) rnd.nextInt(0x3000));
        }
        yield sb.toString();
      }
    };
  }

  static <T> T pick(Random rnd, List<T> from) {
    return from.get(rnd.nextInt(from.size()));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> deepCopy(Map<String, Object> m) {
    var copy = new LinkedHashMap<String, Object>();
    m.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> inner
        ? deepCopy((Map<String, Object>) inner) : v));
    return copy;
  }
}
