package io.vigil.domain.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.evidence.EvidenceLedger;
import io.vigil.domain.fakes.InMemoryEvidenceVault;
import io.vigil.domain.fakes.InMemoryFindingRepository;
import io.vigil.domain.fakes.InMemoryLedgerRepository;
import io.vigil.domain.fakes.InMemoryResultRepository;
import io.vigil.domain.fakes.InMemoryRunRepository;
import io.vigil.domain.fakes.TestEstate;
import io.vigil.domain.fakes.TestEstate.Bucket;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalUnitDispatcherTest {

  @Test
  void dispatch_finishesEveryUnit_thenReportsTheFailedOnes_andARetryRedoesOnlyThose() {
    var vault = new InMemoryEvidenceVault();
    var runs = new InMemoryRunRepository();
    var results = new InMemoryResultRepository();
    var failingOnce = new InMemoryFindingRepository() {
      private boolean failed;

      @Override
      public synchronized FailureOutcome recordFailure(Finding proposed, Instant seenAt) {
        if (!failed && proposed.region().equals("us-east-1")) {
          failed = true;
          throw new IllegalStateException("store unavailable");
        }
        return super.recordFailure(proposed, seenAt);
      }
    };
    var loader = new TestEstate.Loader().with(new Bucket("b", false, true));
    var collector = new EvidenceCollector(List.of(new TestEstate.EncryptionCheck()),
        List.of(loader), 1);
    var clock = Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"));
    var service = new CollectionService(collector, vault, results, failingOnce, runs,
        FindingPolicy.defaults(), new EvidenceLedger(new InMemoryLedgerRepository(), vault, clock),
        clock);
    var request = new CollectionRequest("run-1", "test", List.of(
        new ScanTarget("123456789012", "eu-west-1"), new ScanTarget("210987654321", "us-east-1")));

    var e = assertThrows(UnitsFailedException.class, () -> service.run(request, 2,
        ProgressListener.SILENT));

    assertEquals(1, e.failures().size());
    assertTrue(e.failures().get(0).startsWith("run-1#210987654321#us-east-1: "), e.getMessage());
    assertTrue(runs.find("run-1#123456789012#eu-west-1").isPresent(), "the other unit completed");
    assertFalse(runs.find("run-1").isPresent(), "the run stays open for the retry");

    var retry = service.run(request, 2, ProgressListener.SILENT);

    assertEquals(2, retry.units().size());
    assertTrue(retry.units().get(0).duplicate(), "the completed unit is not redone");
    assertFalse(retry.units().get(1).duplicate());
    assertEquals(2, failingOnce.findOpen().size());
  }
}
