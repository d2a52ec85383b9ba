package io.vigil.functions.findingsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.aws.Priming;
import io.vigil.domain.audit.AuditEvidence;
import io.vigil.domain.audit.AuditService;
import io.vigil.domain.fakes.InMemoryFindingRepository;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingService;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart warm-up over the in-memory stores: it succeeds and writes nothing (not even an
 * idempotency key), and it fails — so that {@link Priming#prime()} reports false — when the API
 * cannot read its store. {@code PrimingIT} checks the AWS calls it makes on the real table.
 */
class WarmUpTest {

  @Test
  void theWarmUpSucceedsAndWritesNothing() {
    var fx = new ApiFixture();
    fx.raise();
    fx.createRisk();
    fx.plan(ApiFixture.PLANNED);
    var before = ApiFuzzTest.writes(fx);

    WarmUp.run(fx.api);
    WarmUp.run(fx.api);

    assertEquals(before, ApiFuzzTest.writes(fx));
    assertTrue(fx.idempotencyKeys.entries().isEmpty());
  }

  @Test
  void aWarmUpThatCannotReadTheStoreFailsAndPrimingSaysSo() {
    var fx = new ApiFixture();
    var findings = new FindingService(new InMemoryFindingRepository() {
      @Override
      public synchronized Optional<io.vigil.domain.finding.Finding> findById(FindingId id) {
        throw new IllegalStateException("table unreachable");
      }
    }, fx.now::get, () -> "x");
    var api = new FindingsApi(findings, new AuditService(fx.audits, findings,
        AuditEvidence.none(), Optional.empty(), fx.now::get), fx.registers, fx.soa, true,
        fx.idempotencyKeys, fx.now::get);

    var error = assertThrows(IllegalStateException.class, () -> WarmUp.run(api));
    assertTrue(error.getMessage().contains("answered 500"), error.getMessage());
    assertFalse(Priming.register("test", () -> WarmUp.run(api)).prime());
  }
}
