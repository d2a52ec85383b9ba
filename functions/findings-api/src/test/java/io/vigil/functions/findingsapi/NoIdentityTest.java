package io.vigil.functions.findingsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Access (issue 11): every route the records API serves — each sample event of
 * {@code events/findings-api/} names one (findings, actions, audits, registers, SoA; every method
 * they use) — answers 401 when the request carries no identity (no authorizer, or claims without
 * {@code sub}), and writes nothing.
 */
class NoIdentityTest {

  @Test
  @SuppressWarnings("unchecked")
  void everyRouteWithoutIdentityIs401AndWritesNothing() throws Exception {
    var fx = new ApiFixture();
    var id = fx.raise();
    fx.addAction(id, "owner", ApiFixture.OWNER).expect(201);
    fx.createRisk();
    fx.plan(ApiFixture.PLANNED);
    var routes = new TreeSet<String>();
    for (var sample : ApiFuzzTest.samples()) {
      for (int variant = 0; variant < 2; variant++) {
        var event = ApiFuzzTest.deepCopy(sample);
        var ctx = (Map<String, Object>) event.get("requestContext");
        if (variant == 0) {
          ctx.remove("authorizer");
        } else {
          var claims = new LinkedHashMap<String, Object>();
          claims.put("email", "someone@acme.test");
          claims.put("cognito:groups", "[isms-manager]");
          ctx.put("authorizer", Map.of("jwt", Map.of("claims", claims)));
        }
        var before = ApiFuzzTest.writes(fx);
        var r = ApiFixture.decode(fx.api.handle(event));
        assertEquals(401, r.status(), () -> event.get("routeKey") + ": " + r.body());
        assertEquals(before, ApiFuzzTest.writes(fx), () -> event.get("routeKey") + " wrote");
      }
      routes.add(String.valueOf(sample.get("routeKey")));
    }
    // the samples cover every router and every writing method
    for (var prefix : new String[] {"GET /findings", "POST /findings", "PATCH /findings",
        "GET /audits", "POST /audits", "PUT /audits", "GET /registers", "POST /registers",
        "PATCH /registers", "GET /soa", "POST /soa"}) {
      assertTrue(routes.stream().anyMatch(k -> k.startsWith(prefix)),
          () -> prefix + " not among " + routes);
    }
  }
}
