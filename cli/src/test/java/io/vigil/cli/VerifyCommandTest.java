package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.check.CheckId;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import io.vigil.domain.control.ControlId;
import io.vigil.domain.evidence.EvidenceDocument;
import io.vigil.domain.evidence.EvidenceLedger;
import io.vigil.domain.evidence.EvidenceVault;
import io.vigil.domain.evidence.LedgerEntry;
import io.vigil.domain.evidence.LedgerRepository;
import io.vigil.domain.evidence.LedgerVerifier;
import io.vigil.domain.evidence.RunManifest;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code vigil verify}'s output and exit codes, over an in-memory ledger (no AWS). */
class VerifyCommandTest {

  private static final Map<String, String> ENDPOINT =
      Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1");
  private static final ScanTarget TARGET = new ScanTarget("123456789012", "eu-west-1");

  private final MapLedger ledger = new MapLedger();
  private final MapVault vault = new MapVault();
  private final List<RunManifest> manifests = new ArrayList<>();
  private AwsTarget opened;

  @BeforeEach
  void recordTwoUnits() {
    var recorder = new EvidenceLedger(ledger, vault, Clock.system());
    for (var run : List.of("run-1", "run-2")) {
      var m = manifest(run);
      manifests.add(m);
      recorder.record(m);
    }
  }

  private RunManifest manifest(String runId) {
    var results = new ArrayList<CheckResult>();
    for (int i = 0; i < 2; i++) {
      var arn = "arn:aws:s3:::" + runId + "-bucket-" + i;
      var doc = new EvidenceDocument(CheckId.of("s3_bucket_encryption_enabled"),
          TARGET.accountId(), TARGET.region(), arn, "AWS::S3::Bucket", Map.of("n", i));
      results.add(new CheckResult(runId, CheckId.of("s3_bucket_encryption_enabled"),
          CheckStatus.PASS, TARGET.accountId(), TARGET.region(), arn, "AWS::S3::Bucket",
          List.of(ControlId.parse("A.8.24")), Severity.HIGH, Instant.EPOCH,
          vault.put(doc.canonicalBytes()), "ok"));
    }
    return RunManifest.of(RunManifest.unitIdOf(runId, TARGET), runId, "test", TARGET,
        Instant.EPOCH, results);
  }

  private CliRunner.Run verify(String... options) {
    var args = new ArrayList<>(List.of("verify"));
    args.addAll(List.of(options));
    return CliRunner.run(ENDPOINT, this::useInMemoryLedger, args.toArray(String[]::new));
  }

  private void useInMemoryLedger(CommandLine cmd) {
    var command = (VerifyCommand) cmd.getSubcommands().get("verify").getCommand();
    command.source = target -> {
      opened = target;
      return new VerifyCommand.Verification() {
        @Override
        public LedgerVerifier verifier() {
          return new LedgerVerifier(ledger, vault, a -> "s3://bucket/" + a.hex());
        }

        @Override
        public void close() {}
      };
    };
  }

  @Test
  void anIntactLedgerPrintsItsCountsAndExitsZero() {
    var run = verify("--table", "t1", "--bucket", "b1");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("verified 2 entries, 6 objects (2 manifests, 4 evidence objects)\n",
        run.out().replace("\r\n", "\n"));
    assertTrue(run.err().contains("verifying the evidence ledger in http://127.0.0.1:1"),
        run.err());
    assertTrue(run.err().contains("verified entry 2 (unit run-2#123456789012#eu-west-1)"),
        run.err());
    assertEquals("t1", opened.table());
    assertEquals("b1", opened.bucket());
  }

  @Test
  void quietPrintsNoProgress() {
    var run = CliRunner.run(ENDPOINT, this::useInMemoryLedger, "-q", "verify");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
  }

  @Test
  void aModifiedObjectIsNamedAndExitsOne() {
    var address = manifests.get(1).entries().get(0).evidenceSha256();
    vault.objects.put(address, "{}".getBytes(StandardCharsets.UTF_8));

    var run = verify();

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("evidence object s3://bucket/" + address.hex()
        + " (check s3_bucket_encryption_enabled, resource arn:aws:s3:::run-2-bucket-0, listed"
        + " by ledger entry 2 (unit run-2#123456789012#eu-west-1)) was modified: its content"
        + " hashes to " + Sha256.of("{}").hex() + ", expected " + address.hex()), run.out());
    assertTrue(run.err().contains("NOT intact (verified 1 entry"), run.err());
  }

  @Test
  void aDeletedEntryIsNamedAndExitsOne() {
    ledger.slots.remove(1L);

    var run = verify();

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("ledger entry 1 is missing"), run.out());
  }

  @Test
  void jsonCarriesTheCountsAndTheProblemsFields() throws Exception {
    var e = ledger.slots.get(2L);
    ledger.slots.put(2L, new LedgerEntry(2, e.previousHash(), e.manifestHash(), e.unitId(),
        e.runId(), e.accountId(), e.region(), e.collectedAt(), e.recordedAt(), 7,
        e.entryHash()));

    var run = verify("--format", "json");

    assertEquals(1, run.exitCode(), run.err());
    var json = (Map<?, ?>) Json.parse(run.out());
    assertEquals(false, json.get("intact"));
    assertEquals(1L, ((Number) json.get("entries")).longValue());
    var problem = (Map<?, ?>) json.get("problem");
    assertEquals("ENTRY_MODIFIED", problem.get("kind"));
    assertEquals(2L, ((Number) problem.get("sequence")).longValue());
    assertEquals(e.unitId(), problem.get("unitId"));
    assertEquals(e.entryHash().hex(), problem.get("expected"));
    assertTrue(problem.get("message").toString().contains("was modified"));
  }

  @Test
  void jsonOfAnIntactLedger() throws Exception {
    var run = verify("--format", "json");

    assertEquals(0, run.exitCode(), run.err());
    var json = (Map<?, ?>) Json.parse(run.out());
    assertEquals(true, json.get("intact"));
    assertEquals(6L, ((Number) json.get("objects")).longValue());
    assertEquals(null, json.get("problem"));
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    var run = verify("--format", "xml");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--format"), run.err());
  }

  @Test
  void helpHasExamplesAndIsListed() {
    var help = CliRunner.run(Map.of(), "verify", "--help");
    assertEquals(0, help.exitCode(), help.err());
    assertTrue(help.out().contains("Usage: vigil verify"), help.out());
    assertTrue(help.out().contains("Examples:"), help.out());
    assertTrue(help.out().contains("--endpoint-url"), help.out());
    assertTrue(help.out().contains("--format"), help.out());
    assertTrue(CliRunner.run(Map.of(), "--help").out().contains("verify"));
  }

  /** A map-backed ledger store (the domain's fakes are not on this module's classpath). */
  static final class MapLedger implements LedgerRepository {
    final TreeMap<Long, LedgerEntry> slots = new TreeMap<>();
    private final Map<String, Long> units = new ConcurrentHashMap<>();
    private LedgerEntry head;

    @Override
    public synchronized Optional<LedgerEntry> head() {
      return Optional.ofNullable(head);
    }

    @Override
    public synchronized Optional<LedgerEntry> findByUnit(String unitId) {
      return Optional.ofNullable(units.get(unitId)).map(slots::get);
    }

    @Override
    public synchronized Append append(LedgerEntry entry) {
      if (units.containsKey(entry.unitId())) {
        return Append.UNIT_RECORDED;
      }
      long expected = head == null ? 1 : head.sequence() + 1;
      if (entry.sequence() != expected) {
        return Append.HEAD_MOVED;
      }
      slots.put(entry.sequence(), entry);
      units.put(entry.unitId(), entry.sequence());
      head = entry;
      return Append.APPENDED;
    }

    @Override
    public synchronized Stream<Stored> entriesAfter(long sequence) {
      return new ArrayList<>(slots.tailMap(sequence, false).entrySet()).stream()
          .map(e -> new Stored(e.getKey(), e.getValue()));
    }
  }

  /** A map-backed vault that, like a careless store, does not check what it returns. */
  static final class MapVault implements EvidenceVault {
    final Map<Sha256, byte[]> objects = new ConcurrentHashMap<>();

    @Override
    public Sha256 put(byte[] canonicalJson) {
      var address = Sha256.of(canonicalJson);
      objects.putIfAbsent(address, canonicalJson.clone());
      return address;
    }

    @Override
    public Optional<byte[]> get(Sha256 address) {
      return Optional.ofNullable(objects.get(address));
    }

    @Override
    public boolean contains(Sha256 address) {
      return objects.containsKey(address);
    }
  }
}
