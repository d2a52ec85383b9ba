package io.vigil.domain.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.evidence.EvidenceDocument;
import io.vigil.domain.evidence.EvidenceLedger;
import io.vigil.domain.evidence.LedgerVerifier;
import io.vigil.domain.fakes.InMemoryLedgerRepository;
import io.vigil.domain.fakes.InMemoryEvidenceVault;
import io.vigil.domain.fakes.InMemoryFindingRepository;
import io.vigil.domain.fakes.InMemoryResultRepository;
import io.vigil.domain.fakes.InMemoryRunRepository;
import io.vigil.domain.fakes.TestEstate;
import io.vigil.domain.fakes.TestEstate.Bucket;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CollectionServiceTest {

  private static final Instant T0 = Instant.parse("2026-11-28T06:00:05Z");

  private final InMemoryEvidenceVault vault = new InMemoryEvidenceVault();
  private final InMemoryResultRepository results = new InMemoryResultRepository();
  private final InMemoryFindingRepository findings = new InMemoryFindingRepository();
  private final InMemoryRunRepository runs = new InMemoryRunRepository();
  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final InMemoryLedgerRepository ledgerStore = new InMemoryLedgerRepository();
  private final EvidenceLedger ledger = new EvidenceLedger(ledgerStore, vault, now::get);

  private CollectionService service(TestEstate.Loader loader, boolean brokenCheck) {
    return service(loader, brokenCheck, vault);
  }

  private CollectionService service(TestEstate.Loader loader, boolean brokenCheck,
      io.vigil.domain.evidence.EvidenceVault storedIn) {
    var collector = new EvidenceCollector(
        List.of(new TestEstate.EncryptionCheck(), new TestEstate.VersioningCheck(brokenCheck)),
        List.of(loader));
    return new CollectionService(collector, storedIn, results, findings, runs,
        FindingPolicy.defaults(), ledger, now::get);
  }

  private static CollectionRequest request(String runId) {
    return new CollectionRequest(runId, "test", List.of(TestEstate.TARGET));
  }

  private static CollectionService.RunOutcome run(CollectionService s, String runId) {
    return s.run(request(runId), 2, ProgressListener.SILENT);
  }

  @Test
  void run_recordsEveryResultWithItsEvidence_andOpensOneFindingPerFailingSubject() {
    // GIVEN two buckets, one unencrypted and unversioned
    var loader = new TestEstate.Loader()
        .with(new Bucket("good", true, true), new Bucket("bad", false, false));

    // WHEN
    var outcome = run(service(loader, false), "run-1");

    // THEN 4 results, 2 failing; one finding for each failing (check, resource)
    assertFalse(outcome.duplicate());
    assertEquals(2, outcome.summary().count(CheckStatus.PASS));
    assertEquals(2, outcome.summary().count(CheckStatus.FAIL));
    assertEquals(2, outcome.summary().findingsOpened());
    assertEquals(1, loader.loads(), "one snapshot load serves every check of the service");
    var events = io.vigil.domain.notification.RunEvents.of(outcome);
    assertEquals(List.of("Finding Opened", "Finding Opened", "Run Completed"),
        events.stream().map(io.vigil.domain.notification.DomainEvent::detailType).toList());
    assertEquals(2, ((List<?>) events.get(2).detail().get("findings")).size(),
        "the run's findings, for a digest");
    assertEquals("run-1", events.get(0).detail().get("runId"));
    assertEquals(4, outcome.results().size());
    assertEquals(4, results.findByRun("run-1").size(), "first run: every result is new");
    for (var r : outcome.results()) {
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
  void run_recordsOneVerifiableLedgerEntryPerUnit_listingEveryResult() {
    var loader = new TestEstate.Loader().with(new Bucket("b", false, true));
    var service = service(loader, false);
    var targets = List.of(TestEstate.TARGET, new ScanTarget("123456789012", "us-east-1"));
    service.run(new CollectionRequest("run-1", "test", targets), 2, ProgressListener.SILENT);
    now.set(T0.plusSeconds(60));
    service.run(request("run-2"), 1, ProgressListener.SILENT);

    var report = new LedgerVerifier(ledgerStore, vault).verify();

    assertTrue(report.intact(), report.summary());
    assertEquals(3, report.entries(), "two units in run-1, one in run-2");
    var head = ledgerStore.head().orElseThrow();
    assertEquals("run-2#123456789012#eu-west-1", head.unitId());
    assertEquals(2, head.resultCount(), "unchanged results are in the manifest, not the table");
  }

  @Test
  void run_isANoOp_whenTheSameRunIsDeliveredAgain() {
    var loader = new TestEstate.Loader().with(new Bucket("bad", false, false));
    var service = service(loader, false);
    var first = run(service, "run-1");

    var second = run(service, "run-1");

    assertTrue(second.duplicate());
    assertEquals(first.summary(), second.summary());
    assertEquals(1, loader.loads(), "AWS is not read again");
    assertEquals(2, findings.findOpen().size());
  }

  @Test
  void collectUnit_isANoOp_whenTheSameUnitIsDeliveredAgain() {
    var loader = new TestEstate.Loader().with(new Bucket("bad", false, false));
    var service = service(loader, false);
    var unit = request("run-1").units().get(0);
    service.collectUnit(unit, ProgressListener.SILENT);

    var again = service.collectUnit(unit, ProgressListener.SILENT);

    assertTrue(again.duplicate());
    assertEquals(1, loader.loads());
  }

  @Test
  void run_refusesACopy_whileAnotherInvocationHoldsTheRun_andDoesNothing() {
    var loader = new TestEstate.Loader().with(new Bucket("bad", false, false));
    var service = service(loader, false);
    var deadline = T0.plus(Duration.ofMinutes(10));
    runs.start("run-1", "test", T0, deadline);

    var refused = assertThrows(RunInProgressException.class, () -> run(service, "run-1"));

    assertEquals("run-1", refused.runId());
    assertEquals(deadline, refused.claimedUntil());
    assertEquals(0, loader.loads(), "AWS is not read");
    assertEquals(0, results.writes());
    assertEquals(0, vault.size());
    assertEquals(0, ledgerStore.appends());
    assertTrue(findings.findOpen().isEmpty());
  }

  @Test
  void collectUnit_refusesALiveClaim_andTakesOverOnceItsDeadlineHasPassed() {
    var loader = new TestEstate.Loader().with(new Bucket("bad", false, false));
    var service = service(loader, false);
    var unit = request("run-1").units().get(0);
    // an invocation claimed the unit until T0 + 10 min and crashed
    runs.start(unit.unitId(), "test", T0, T0.plus(Duration.ofMinutes(10)));

    now.set(T0.plus(Duration.ofMinutes(10)));
    assertThrows(RunInProgressException.class,
        () -> service.collectUnit(unit, ProgressListener.SILENT, now.get().plusSeconds(600)));
    assertEquals(0, loader.loads(), "refused up to and including the deadline");

    now.set(T0.plus(Duration.ofMinutes(10)).plusMillis(1));
    var outcome = service.collectUnit(unit, ProgressListener.SILENT, now.get().plusSeconds(600));

    assertFalse(outcome.duplicate(), "taken over once the claim has passed");
    assertEquals(1, loader.loads());
    assertEquals(1, ledgerStore.appends());
    assertEquals(2, findings.findOpen().size());
  }

  @Test
  void run_releasesItsClaim_whenItFails_soThatARetryNeedNotWaitForTheDeadline() {
    var loader = new TestEstate.Loader().with(new Bucket("bad", false, false));
    var service = service(loader, false);
    UnitDispatcher failing = units -> {
      throw new IllegalStateException("queue unavailable");
    };
    assertThrows(IllegalStateException.class,
        () -> service.run(request("run-1"), failing, T0.plus(Duration.ofMinutes(10))));

    var retry = run(service, "run-1");

    assertFalse(retry.duplicate());
    assertEquals(1, loader.loads());
    assertEquals(2, findings.findOpen().size());
  }

  @Test
  void run_writesOnlyChangedResults_andRefreshesLastSeenOfOpenFindingsTwiceADay() {
    var loader = new TestEstate.Loader().with(new Bucket("bad", false, true));
    var service = service(loader, false);
    run(service, "run-1");
    var writesAfterFirst = results.writes();
    var stored = vault.size();
    var firstSeen = findings.findOpen().get(0).lastSeenAt();

    now.set(T0.plusSeconds(3600));
    var second = run(service, "run-2");

    assertEquals(writesAfterFirst, results.writes(), "unchanged results are not rewritten");
    assertEquals(List.of(), results.findByRun("run-2"));
    assertEquals(2, second.results().size(), "the run still reports every result");
    assertEquals(0, second.summary().findingsOpened());
    assertEquals(1, findings.findOpen().size());
    assertEquals(stored + 1, vault.size(),
        "unchanged configuration is not stored again: only the new run's manifest is added");
    assertEquals(firstSeen, findings.findOpen().get(0).lastSeenAt(),
        "an hour later the failure goes on: the finding is not rewritten");

    var refresh = T0.plus(io.vigil.domain.finding.Finding.LAST_SEEN_REFRESH).plusSeconds(1);
    now.set(refresh);
    run(service, "run-3");
    assertEquals(refresh, findings.findOpen().get(0).lastSeenAt(),
        "once the refresh period has passed, last seen moves");
  }

  @Test
  void run_marksEvidenceRecovered_whenAFailingSubjectPasses_andClearsItWhenItFailsAgain() {
    var loader = new TestEstate.Loader().with(new Bucket("b", false, true));
    var service = service(loader, false);
    run(service, "run-1");

    loader.replace(new Bucket("b", true, true));
    now.set(T0.plusSeconds(60));
    var recovered = run(service, "run-2");

    var finding = findings.findOpen().get(0);
    assertEquals(T0.plusSeconds(60), finding.evidenceRecoveredAt());
    assertEquals(FindingStatus.OPEN, finding.status(), "closing needs a person's review");
    assertEquals(1, recovered.units().get(0).findingsRecovered());
    var events = io.vigil.domain.notification.RunEvents.of(recovered);
    assertEquals(List.of("Evidence Recovered", "Run Completed"),
        events.stream().map(io.vigil.domain.notification.DomainEvent::detailType).toList());
    assertEquals(1, results.findByRun("run-2").size(), "only the changed result is written");

    loader.replace(new Bucket("b", false, true));
    now.set(T0.plusSeconds(120));
    run(service, "run-3");

    var again = findings.findOpen();
    assertEquals(1, again.size(), "the same finding, not a new one");
    assertNull(again.get(0).evidenceRecoveredAt());
    assertEquals(T0.plusSeconds(120), again.get(0).lastSeenAt());
  }

  @Test
  void run_opensALinkedNewFinding_whenAClosedFindingRegresses() {
    var loader = new TestEstate.Loader().with(new Bucket("b", false, true));
    var service = service(loader, false);
    run(service, "run-1");
    var first = findings.findOpen().get(0);
    findings.update(first.withStatus(FindingStatus.CLOSED));

    now.set(T0.plusSeconds(60));
    var regression = run(service, "run-2");

    assertEquals(1, regression.summary().findingsOpened());
    var reopened = findings.findOpen().get(0);
    assertNotEquals(first.id(), reopened.id());
    assertEquals(first.id(), reopened.relatedFindingId());
  }

  @Test
  void run_recordsErrorForEveryDependentCheck_whenTheServiceCannotBeRead() {
    var loader = new TestEstate.Loader()
        .failingWith(new RuntimeException("AccessDenied: s3:ListAllMyBuckets"));

    var outcome = run(service(loader, false), "run-1");

    assertEquals(2, outcome.summary().count(CheckStatus.ERROR));
    assertEquals(0, outcome.summary().count(CheckStatus.PASS), "an error is never a pass");
    assertEquals(0, outcome.summary().findingsOpened());
    var error = outcome.results().get(0);
    assertEquals("arn:aws:s3::123456789012:*", error.resourceArn());
    assertTrue(error.reason().contains("AccessDenied"), error.reason());
  }

  @Test
  void run_goesOn_whenOneCheckThrows() {
    var loader = new TestEstate.Loader().with(new Bucket("bad", false, true));

    var outcome = run(service(loader, true), "run-1");

    assertEquals(1, outcome.summary().count(CheckStatus.ERROR));
    assertEquals(1, outcome.summary().count(CheckStatus.FAIL), "the other check still ran");
    assertEquals(1, outcome.summary().findingsOpened());
  }

  @Test
  void run_collectsEveryAccountAndRegion_globalServicesOnlyInEachAccountsHome() {
    var loader = new TestEstate.Loader().with(new Bucket("b", true, true));
    var targets = List.of(new ScanTarget("123456789012", "eu-west-1"),
        new ScanTarget("123456789012", "us-east-1"), new ScanTarget("210987654321", "eu-west-1"));
    var request = new CollectionRequest("run-1", "test", targets);

    var outcome = service(loader, false).run(request, 3, ProgressListener.SILENT);

    assertEquals(3, outcome.units().size());
    assertEquals(3, outcome.summary().targets());
    assertEquals(2, loader.loads(), "account-scoped service: once per account");
  }

  @Test
  void run_evaluatesOnlyTheChangedResource_forAChangeScope() {
    var loader = new TestEstate.Loader()
        .with(new Bucket("changed", false, false), new Bucket("other", false, false));
    var request = new CollectionRequest("run-c", "change", List.of(TestEstate.TARGET),
        new ChangeScope("s3", "AWS::S3::Bucket", "changed"));

    var outcome = service(loader, false).run(request, 1, ProgressListener.SILENT);

    assertEquals(2, outcome.results().size(), "two checks on the one changed bucket");
    assertTrue(outcome.results().stream().allMatch(r -> r.resourceArn().endsWith(":changed")));
  }

  @Test
  void run_recordsError_whenACheckReturnsEvidenceThatCannotBeHashed() {
    var loader = new TestEstate.Loader().with(new Bucket("b", true, true));
    var floaty = new TestEstate.EncryptionCheck() {
      @Override
      public List<Observation> evaluate(TestEstate.Snapshot s, ScanTarget t) {
        return List.of(Observation.pass("arn:aws:s3:::b", "ok", Map.of("ratio", 0.5)));
      }
    };
    var collector = new EvidenceCollector(List.of(floaty), List.of(loader));
    var service = new CollectionService(collector, vault, results, findings, runs,
        FindingPolicy.defaults(), ledger, Clock.fixed(T0));

    var outcome = service.run(request("run-1"), 1, ProgressListener.SILENT);

    assertEquals(1, outcome.summary().count(CheckStatus.ERROR));
    assertTrue(outcome.results().get(0).reason().contains("evidence could not be recorded"));
  }

  /** The in-memory vault, recording the size of each putAll; it can misplace one document. */
  private final class ChunkVault implements io.vigil.domain.evidence.EvidenceVault {
    final List<Integer> calls = new java.util.ArrayList<>();
    boolean misplaceOne;

    @Override
    public io.vigil.domain.evidence.Sha256 put(byte[] canonicalJson) {
      return vault.put(canonicalJson);
    }

    @Override
    public List<io.vigil.domain.evidence.Sha256> putAll(List<byte[]> canonicalJsons) {
      calls.add(canonicalJsons.size());
      var addresses = new java.util.ArrayList<>(vault.putAll(canonicalJsons));
      if (misplaceOne) {
        addresses.set(addresses.size() - 1, io.vigil.domain.evidence.Sha256.of("elsewhere"));
      }
      return addresses;
    }

    @Override
    public java.util.Optional<byte[]> get(io.vigil.domain.evidence.Sha256 address) {
      return vault.get(address);
    }

    @Override
    public boolean contains(io.vigil.domain.evidence.Sha256 address) {
      return vault.contains(address);
    }
  }

  private static Bucket[] buckets(int count) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> new Bucket("b" + i, i % 2 == 0, true)).toArray(Bucket[]::new);
  }

  @Test
  void run_handsTheVaultItsEvidenceInChunks_eachDocumentOnce() {
    var chunks = new ChunkVault();
    var outcome = run(service(new TestEstate.Loader().with(buckets(600)), false, chunks), "run-1");

    assertEquals(1_200, outcome.summary().evidenceObjects());
    assertEquals(List.of(CollectionService.EVIDENCE_CHUNK, CollectionService.EVIDENCE_CHUNK,
        1_200 - 2 * CollectionService.EVIDENCE_CHUNK), chunks.calls);
    assertEquals(1_200 + 1, vault.size(), "every document, and the unit's manifest");
  }

  @Test
  void run_failsBeforeWritingResults_whenTheVaultStoresADocumentUnderAnotherAddress() {
    var chunks = new ChunkVault();
    chunks.misplaceOne = true;
    var service = service(new TestEstate.Loader().with(buckets(3)), false, chunks);

    var e = assertThrows(RuntimeException.class, () -> run(service, "run-1"));

    assertTrue(rootMessage(e).contains("vault stored evidence under"), rootMessage(e));
    assertEquals(0, findings.findOpen().size());
  }

  private static String rootMessage(Throwable e) {
    var all = new StringBuilder();
    for (var t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" / ");
    }
    return all.toString();
  }

  @Test
  void evidenceDocument_hashIsIndependentOfObservationTime() {
    var loader = new TestEstate.Loader().with(new Bucket("good", true, true));
    var collector = new EvidenceCollector(List.of(new TestEstate.EncryptionCheck()), List.of(loader));
    var a = collector.collect(List.of(TestEstate.TARGET), "r1", T0, ProgressListener.SILENT);
    var b = collector.collect(List.of(TestEstate.TARGET), "r2", T0.plusSeconds(3600),
        ProgressListener.SILENT);
    assertEquals(a.get(0).result().evidenceSha256(), b.get(0).result().evidenceSha256());
    assertEquals(1, EvidenceDocument.SCHEMA_VERSION);
  }
}
