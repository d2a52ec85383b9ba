package io.vigil.functions.findingsapi;

import static io.vigil.functions.findingsapi.ApiFixture.OWNER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.finding.FindingId;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, Deliver 2 (findings-api part): a PATCH transition carrying If-Match delivered twice
 * (a client or gateway retry) is applied once: the second delivery gets 412 and writes nothing.
 * POST /findings has no idempotency key: a retried 201 raises a second finding, so clients must
 * not retry a request that got 201 (see docs/reliability.md).
 */
class PatchDuplicateDeliveryTest {

  private final ApiFixture fx = new ApiFixture();

  @Test
  void aTransitionDeliveredTwice_isAppliedOnce_theSecondGets412AndWritesNothing() {
    var id = fx.raise();
    var etag = fx.get(id).etag();
    var body = "{\"status\":\"CORRECTED\",\"correction\":\"Revoked stale admins\"}";

    fx.patch(id, "owner", OWNER, etag, body).expect(200);
    var afterOne = fx.repo.findById(FindingId.of(id)).orElseThrow();
    var historyAfterOne = fx.repo.history(FindingId.of(id));

    fx.patch(id, "owner", OWNER, etag, body).expect(412);

    assertEquals(afterOne, fx.repo.findById(FindingId.of(id)).orElseThrow());
    assertEquals(historyAfterOne, fx.repo.history(FindingId.of(id)));
    assertEquals(2, historyAfterOne.size(), "CREATED plus one TRANSITION");
  }
}
