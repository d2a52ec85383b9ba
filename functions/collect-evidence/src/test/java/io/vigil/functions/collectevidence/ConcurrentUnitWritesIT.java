package io.vigil.functions.collectevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.internal.ConcurrentWrites;
import io.vigil.adapters.s3.S3EvidenceVault;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.CollectionRequest;
import io.vigil.domain.collection.CollectionService;
import io.vigil.domain.collection.EvidenceCollector;
import io.vigil.domain.collection.FindingPolicy;
import io.vigil.domain.collection.ProgressListener;
import io.vigil.domain.collection.ResultRepository;
import io.vigil.domain.collection.RunRepository;
import io.vigil.domain.evidence.EvidenceLedger;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.fakes.TestEstate;
import io.vigil.domain.fakes.TestEstate.Bucket;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingRepository;
import io.vigil.domain.time.Clock;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.SdkCallRecorder;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Issue 10: a unit's writes run {@value ConcurrentWrites#MAX_IN_FLIGHT} at a time (evidence
 * uploads, latest results, opened findings), and every one of them lands: one unit of 150 buckets
 * (300 results, 125 failing) collected on the emulator through the function's own adapters, then a
 * second run in which 40 buckets changed.
 */
@WithAwsEmulator
class ConcurrentUnitWritesIT {

  private static final int BUCKETS = 150;
  /** Buckets whose settings change between the two runs. */
  private static final int FLIPPED = 40;
  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

  private static AwsEmulator emulator;
  private static AwsClientFactory clients;

  @BeforeAll
  static void connect(AwsEmulator aws) {
    emulator = aws;
    clients = new AwsClientFactory(AwsSettings.emulator(aws.endpoint(), aws.region()));
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  /** Bucket i: unencrypted when i % 3 == 0, unversioned when i is odd (flipped: the other way). */
  private static Bucket[] estate(Function<Integer, Boolean> flipped) {
    return IntStream.range(0, BUCKETS).mapToObj(i -> {
      boolean f = flipped.apply(i);
      return new Bucket("cw-" + SUFFIX + "-" + i, (i % 3 != 0) != f, (i % 2 == 0) != f);
    }).toArray(Bucket[]::new);
  }

  @Test
  void aUnitsManyWritesAllLand_severalInFlightAtOnce() {
    var table = "it-concurrent-" + SUFFIX;
    var bucket = "it-evidence-concurrent-" + SUFFIX;
    try (var handler = CollectEvidenceHandlerIT.handler(emulator, table, bucket, Map.of())) {
      var context = handler.getApplicationContext();
      var results = context.getBean(ResultRepository.class);
      var findings = context.getBean(FindingRepository.class);
      var loader = new TestEstate.Loader().with(estate(i -> false));
      var service = new CollectionService(
          new EvidenceCollector(List.of(new TestEstate.EncryptionCheck(),
              new TestEstate.VersioningCheck(false)), List.of(loader)),
          context.getBean(EvidenceVault.class), results, findings,
          context.getBean(RunRepository.class), FindingPolicy.defaults(),
          context.getBean(EvidenceLedger.class), Clock.system());

      // run 1: everything is new
      CallsInFlight.start();
      var outcome = new AtomicReference<CollectionService.RunOutcome>();
      var calls = SdkCallRecorder.record(() -> outcome.set(run(service, "concurrent-1")));
      var peaks = CallsInFlight.stop();
      var first = outcome.get();

      var all = first.results();
      assertEquals(2 * BUCKETS, all.size());
      var failing = all.stream().filter(r -> r.status() == CheckStatus.FAIL).toList();
      assertEquals(BUCKETS / 3 + BUCKETS / 2, failing.size());
      assertEquals(failing.size(), first.units().get(0).opened().size());
      assertLanded(all, results, findings, bucket, failing);
      // one write per item, none lost nor repeated (no fault is injected here)
      assertEquals(all.size() + 1, count(calls, "S3", "PutObject"), "evidence + manifest");
      assertEquals(failing.size() + 1, count(calls, "DynamoDb", "TransactWriteItems"),
          "one transaction per opened finding, and the ledger's append");
      assertTrue(count(calls, "DynamoDb", "PutItem") >= all.size(), "a LATEST put per subject");
      // concurrency was on, and bounded
      for (var op : List.of("S3 PutObject", "DynamoDb PutItem", "DynamoDb TransactWriteItems")) {
        int peak = peaks.getOrDefault(op, 0);
        assertTrue(peak > 1 && peak <= ConcurrentWrites.MAX_IN_FLIGHT, op + " peak " + peak);
      }

      // run 2: some buckets flipped their settings; the unchanged ones write nothing
      loader.replace(estate(i -> i < FLIPPED));
      var calls2 = SdkCallRecorder.record(() -> outcome.set(run(service, "concurrent-2")));
      var second = outcome.get();
      var all2 = second.results();
      var failing2 = all2.stream().filter(r -> r.status() == CheckStatus.FAIL).toList();
      assertEquals(2 * FLIPPED, second.units().get(0).resultsWritten());
      assertEquals(2 * FLIPPED + 1, count(calls2, "S3", "PutObject"),
          "the changed evidence + manifest");
      long newlyFailing = failing2.stream().filter(r -> index(r) < FLIPPED).count();
      assertEquals(newlyFailing, second.units().get(0).opened().size());
      assertEquals(2 * FLIPPED - newlyFailing, second.units().get(0).recovered().size());
      assertLanded(all2, results, findings, bucket, null);
    }
  }

  private static CollectionService.RunOutcome run(CollectionService service, String runId) {
    return service.run(new CollectionRequest(runId, "test", List.of(TestEstate.TARGET)), 1,
        ProgressListener.SILENT);
  }

  /** Every result is the latest of its subject and in its run, with its evidence in the bucket. */
  private static void assertLanded(List<CheckResult> all, ResultRepository results,
      FindingRepository findings, String bucket, List<CheckResult> failing) {
    var subjects = all.stream().map(CheckResult::subjectKey).toList();
    var latest = results.findLatest(subjects);
    assertEquals(all.size(), latest.size());
    for (var r : all) {
      assertEquals(r.evidenceSha256(), latest.get(r.subjectKey()).evidenceSha256(), r.subjectKey());
      assertEquals(r.status(), latest.get(r.subjectKey()).status(), r.subjectKey());
    }
    var runId = all.get(0).runId();
    var written = results.findByRun(runId).stream().map(CheckResult::subjectKey)
        .collect(Collectors.toSet());
    var objects = objects(bucket);
    for (var r : all) {
      assertTrue(objects.contains(S3EvidenceVault.key(r.evidenceSha256())), r.subjectKey());
    }
    if (failing != null) {
      assertEquals(all.size(), written.size(), "every result of the first run is in it");
      var open = findings.findOpen().stream().map(Finding::subjectKey)
          .filter(Set.copyOf(subjects)::contains).sorted().toList();
      assertEquals(failing.stream().map(CheckResult::subjectKey).sorted().toList(), open,
          "one open finding per failing subject");
    }
  }

  private static int index(CheckResult r) {
    var arn = r.resourceArn();
    return Integer.parseInt(arn.substring(arn.lastIndexOf('-') + 1));
  }

  private static long count(List<SdkCallRecorder.Call> calls, String service, String operation) {
    return calls.stream()
        .filter(c -> c.service().equals(service) && c.operation().equals(operation)).count();
  }

  private static Set<String> objects(String bucket) {
    var s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true),
        Region.of(emulator.region()));
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
        .map(S3Object::key).collect(Collectors.toSet());
  }
}
