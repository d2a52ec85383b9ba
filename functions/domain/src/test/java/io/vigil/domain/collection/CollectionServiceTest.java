package io.vigil.domain.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.evidence.EvidenceDocument;
import io.vigil.domain.fakes.InMemoryEvidenceVault;
import io.vigil.domain.fakes.InMemoryFindingRepository;
import io.vigil.domain.fakes.InMemoryResultRepository;
import io.vigil.domain.fakes.InMemoryRunRepository;
import io.vigil.domain.fakes.TestEstate;
import io.vigil.domain.fakes.TestEstate.Bucket;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectionServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-28T06:00:05Z");

  private final InMemoryEvidenceVault vault = new InMemoryEvidenceVault();
  private final InMemoryResultRepository results = new InMemoryResultRepository();
  private final InMemoryFindingRepository findings = new InMemoryFindingRepository();
  private final InMemoryRunRepository runs = new InMemoryRunRepository();

  private CollectionService service(TestEstate.Loader loader, boolean brokenCheck) {
    var collector = new EvidenceCollector(
        List.of(new TestEstate.EncryptionCheck(), new TestEstate.VersioningCheck(brokenCheck)),
        List.of(loader));
    return new CollectionService(collector, vault, results, findings, runs,
        FindingPolicy.defaults(), Clock.fixed(NOW));
  }

  private static CollectionRequest request(String runId) {
    return new CollectionRequest(runId, "test", List.of(TestEstate.TARGET));
  }

  @Test
  void run_recordsEveryResultWithItsEvidence_andOpensOneFindingPerFailingSubject() {
    // GIVEN two buckets, one unencrypted and unversioned
    var loader = new TestEstate.Loader()
        .with(new Bucket("good", true, true), new Bucket("bad", false, false));

    // WHEN
    var outcome = service(loader, false).run(request("run-1"), ProgressListener.SILENT);

    // THEN 4 results, 2 failing; one finding for each failing (check, resource)
    assertFalse(outcome.duplicate());
    assertEquals(2, outcome.summary().count(CheckStatus.PASS));
    assertEquals(2, outcome.summary().count(CheckStatus.FAIL));
    assertEquals(2, outcome.summary().findingsOpened());
    assertEquals(1, loader.loads(), "one snapshot load serves every check of the service");
    var stored = results.findByRun("run-1");
    assertEquals(4, stored.size());
    for (var r : stored) {
      var bytes = vault.get(r.evidenceSha256()).orElseThrow();
      assertTrue(new String(bytes).contains(r.resourceArn()), "evidence names its resource");
    }
    var open = findings.findOpen();
    assertEquals(2, open.size());
    var encryption = open.stream()
        .filter(f -> f.checkId().value().equals("s3_bucket_default_encryption_enabled"))
        .findFirst().orElseThrow();
    assertEquals(FindingType.MINOR_NONCONFORMITY, encryption.type(), "HIGH failure is a minor NC");
    assertEquals(FindingSource.AUTOMATED_CHECK, encryption.source());
    assertEquals("arn:aws:s3:::bad", encryption.resourceArn());
    assertEquals("2026-12-28", encryption.dueDate().toString(), "HIGH: 30 days");
  }

  @Test
  void run_isANoOp_whenTheSameRunIsDeliveredAgain() {
    var loader = new TestEstate.Loader().with(new Bucket("bad", false, false));
    var service = service(loader, false);
    var first = service.run(request("run-1"), ProgressListener.SILENT);

    var second = service.run(request("run-1"), ProgressListener.SILENT);

    assertTrue(second.duplicate());
    assertEquals(first.summary(), second.summary());
    assertEquals(1, loader.loads(), "AWS is not read again");
    assertEquals(2, findings.findOpen().size());
  }

  @Test
  void run_keepsOneOpenFindingPerSubject_acrossRuns() {
    var loader = new TestEstate.Loader().with(new Bucket("bad", false, true));
    var service = service(loader, false);
    service.run(request("run-1"), ProgressListener.SILENT);
    var stored = vault.size();

    var second = service.run(request("run-2"), ProgressListener.SILENT);

    assertEquals(0, second.summary().findingsOpened());
    assertEquals(1, findings.findOpen().size());
    assertEquals(stored, vault.size(), "unchanged configuration is not stored again");
  }

  @Test
  void run_recordsErrorForEveryDependentCheck_whenTheServiceCannotBeRead() {
    var loader = new TestEstate.Loader().failingWith(new RuntimeException("AccessDenied: s3:ListAllMyBuckets"));

    var outcome = service(loader, false).run(request("run-1"), ProgressListener.SILENT);

    assertEquals(2, outcome.summary().count(CheckStatus.ERROR));
    assertEquals(0, outcome.summary().count(CheckStatus.PASS), "an error is never a pass");
    assertEquals(0, outcome.summary().findingsOpened());
    var error = results.findByRun("run-1").get(0);
    assertEquals("arn:aws:s3::123456789012:*", error.resourceArn());
    assertTrue(error.reason().contains("AccessDenied"), error.reason());
  }

  @Test
  void run_goesOn_whenOneCheckThrows() {
    var loader = new TestEstate.Loader().with(new Bucket("bad", false, true));

    var outcome = service(loader, true).run(request("run-1"), ProgressListener.SILENT);

    assertEquals(1, outcome.summary().count(CheckStatus.ERROR));
    assertEquals(1, outcome.summary().count(CheckStatus.FAIL), "the other check still ran");
    assertEquals(1, outcome.summary().findingsOpened());
  }

  @Test
  void run_recordsError_whenACheckReturnsEvidenceThatCannotBeHashed() {
    var loader = new TestEstate.Loader().with(new Bucket("b", true, true));
    var floaty = new TestEstate.EncryptionCheck() {
      @Override
      public List<io.vigil.domain.check.Observation> evaluate(TestEstate.Snapshot s,
          io.vigil.domain.check.ScanTarget t) {
        return List.of(io.vigil.domain.check.Observation.pass("arn:aws:s3:::b", "ok",
            java.util.Map.of("ratio", 0.5)));
      }
    };
    var collector = new EvidenceCollector(List.of(floaty), List.of(loader));
    var service = new CollectionService(collector, vault, results, findings, runs,
        FindingPolicy.defaults(), Clock.fixed(NOW));

    var outcome = service.run(request("run-1"), ProgressListener.SILENT);

    assertEquals(1, outcome.summary().count(CheckStatus.ERROR));
    assertTrue(results.findByRun("run-1").get(0).reason().contains("evidence could not be recorded"));
  }

  @Test
  void evidenceDocument_hashIsIndependentOfObservationTime() {
    var loader = new TestEstate.Loader().with(new Bucket("good", true, true));
    var collector = new EvidenceCollector(List.of(new TestEstate.EncryptionCheck()), List.of(loader));
    var a = collector.collect(List.of(TestEstate.TARGET), "r1", NOW, ProgressListener.SILENT);
    var b = collector.collect(List.of(TestEstate.TARGET), "r2", NOW.plusSeconds(3600),
        ProgressListener.SILENT);
    assertEquals(a.get(0).result().evidenceSha256(), b.get(0).result().evidenceSha256());
    assertEquals(EvidenceDocument.SCHEMA_VERSION, 1);
  }
}
