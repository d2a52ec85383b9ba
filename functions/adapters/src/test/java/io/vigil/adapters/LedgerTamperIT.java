package io.vigil.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.contract.TestData;
import io.vigil.adapters.dynamodb.DynamoDbLedgerRepository;
import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.adapters.s3.EvidenceBucket;
import io.vigil.adapters.s3.S3EvidenceVault;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.evidence.EvidenceLedger;
import io.vigil.domain.evidence.LedgerEntry;
import io.vigil.domain.evidence.LedgerVerifier;
import io.vigil.domain.evidence.RunManifest;
import io.vigil.domain.evidence.Sha256;
import io.vigil.domain.evidence.VerificationReport;
import io.vigil.domain.evidence.VerificationReport.Kind;
import io.vigil.domain.evidence.VerificationReport.Problem;
import io.vigil.domain.fakes.TestManifests;
import io.vigil.domain.time.Clock;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The acceptance test of tampering: manifests with real evidence objects in a real bucket, a
 * ledger in a real table (a new table and bucket per test); then someone with write access to
 * the bucket or the table changes something, and {@link LedgerVerifier} finds and names it.
 */
@WithAwsEmulator
class LedgerTamperIT {

  private static final ScanTarget EU = new ScanTarget(TestData.ACCOUNT, "eu-west-1");
  private static final ScanTarget US = new ScanTarget("210987654321", "us-east-1");

  private static Emulated aws;
  private String table;
  private String bucket;
  private S3EvidenceVault vault;
  private DynamoDbLedgerRepository repository;
  private final List<RunManifest> manifests = new ArrayList<>();
  private final List<LedgerEntry> entries = new ArrayList<>();

  @BeforeAll
  static void connect(AwsEmulator emulator) {
    aws = Emulated.connect(emulator);
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  @BeforeEach
  void recordThreeUnits() {
    table = Emulated.uniqueName("tamper");
    bucket = Emulated.uniqueName("tamper");
    new VigilTable(table).createIfAbsent(aws.dynamo());
    new EvidenceBucket(aws.s3(), bucket).createIfAbsent();
    vault = new S3EvidenceVault(aws.s3(), bucket);
    repository = new DynamoDbLedgerRepository(aws.enhanced(), table);
    var ledger = new EvidenceLedger(repository, vault, Clock.system());
    for (var m : List.of(TestManifests.stored(vault, "run-1", EU, 3),
        TestManifests.stored(vault, "run-1", US, 2),
        TestManifests.stored(vault, "run-2", EU, 3))) {
      manifests.add(m);
      entries.add(ledger.record(m));
    }
  }

  private VerificationReport verify() {
    return new LedgerVerifier(repository, vault, this::url).verify();
  }

  private String url(Sha256 address) {
    return "s3://" + bucket + "/" + S3EvidenceVault.key(address);
  }

  private Problem problem() {
    var report = verify();
    assertFalse(report.intact(), "tampering went unnoticed: " + report.summary());
    return report.problem().orElseThrow();
  }

  private static Map<String, AttributeValue> key(String sk) {
    return Map.of("PK", AttributeValue.fromS("LEDGER"), "SK", AttributeValue.fromS(sk));
  }

  private static String entryKey(long sequence) {
    return String.format("ENTRY#%020d", sequence);
  }

  @Test
  void anUntouchedLedgerVerifies() {
    var report = verify();

    assertTrue(report.intact(), report.summary());
    assertEquals("verified 3 entries, 8 objects (3 manifests, 5 evidence objects)",
        report.summary());
  }

  @Test
  void aModifiedEvidenceObjectIsNamed() {
    var address = manifests.get(1).entries().get(0).evidenceSha256();
    var forged = "{\"encrypted\":true}".getBytes(StandardCharsets.UTF_8);
    aws.s3().putObject(r -> r.bucket(bucket).key(S3EvidenceVault.key(address)),
        RequestBody.fromBytes(forged));

    var p = problem();

    assertEquals(Kind.EVIDENCE_MODIFIED, p.kind());
    assertEquals(2, p.sequence());
    assertEquals(url(address), p.location());
    assertEquals(address.hex(), p.expected());
    assertEquals(Sha256.of(forged).hex(), p.actual());
    assertTrue(p.message().startsWith("evidence object " + url(address)), p.message());
  }

  @Test
  void aDeletedEvidenceObjectIsNamed() {
    var address = manifests.get(0).entries().get(2).evidenceSha256();
    aws.s3().deleteObject(r -> r.bucket(bucket).key(S3EvidenceVault.key(address)));

    var p = problem();

    assertEquals(Kind.EVIDENCE_MISSING, p.kind());
    assertEquals(1, p.sequence());
    assertEquals(url(address), p.location());
  }

  @Test
  void aModifiedManifestIsNamed() {
    var address = entries.get(2).manifestHash();
    var forged = manifests.get(0).canonicalBytes();
    aws.s3().putObject(r -> r.bucket(bucket).key(S3EvidenceVault.key(address)),
        RequestBody.fromBytes(forged));

    var p = problem();

    assertEquals(Kind.MANIFEST_MODIFIED, p.kind());
    assertEquals(3, p.sequence());
    assertEquals(url(address), p.location());
    assertEquals(Sha256.of(forged).hex(), p.actual());
  }

  @Test
  void aModifiedLedgerItemIsNamed() {
    aws.dynamo().updateItem(r -> r.tableName(table).key(key(entryKey(2)))
        .updateExpression("SET resultCount = :n")
        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1"))));

    var p = problem();

    assertEquals(Kind.ENTRY_MODIFIED, p.kind());
    assertEquals(2, p.sequence());
    assertEquals(entries.get(1).unitId(), p.unitId());
    assertEquals("table " + table + " item PK=LEDGER SK=" + entryKey(2), p.location());
    assertEquals(entries.get(1).entryHash().hex(), p.expected());
    assertTrue(p.message().contains("was modified"), p.message());
  }

  @Test
  void aModifiedHashInALedgerItemIsNamed() {
    aws.dynamo().updateItem(r -> r.tableName(table).key(key(entryKey(1)))
        .updateExpression("SET entryHash = :h")
        .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(Sha256.of("x").hex()))));

    var p = problem();

    assertEquals(Kind.ENTRY_MODIFIED, p.kind());
    assertEquals(1, p.sequence());
  }

  @Test
  void aDeletedLedgerItemIsNamed() {
    aws.dynamo().deleteItem(r -> r.tableName(table).key(key(entryKey(2))));

    var p = problem();

    assertEquals(Kind.ENTRY_MISSING, p.kind());
    assertEquals(2, p.sequence());
    assertEquals("table " + table + " item PK=LEDGER SK=" + entryKey(2), p.location());
  }

  @Test
  void aDeletedLastLedgerItemIsNamed() {
    aws.dynamo().deleteItem(r -> r.tableName(table).key(key(entryKey(3))));

    var p = problem();

    assertEquals(Kind.ENTRY_MISSING, p.kind());
    assertEquals(3, p.sequence());
  }

  @Test
  void swappedLedgerItemsAreNamed() {
    var first = aws.dynamo().getItem(r -> r.tableName(table).key(key(entryKey(1)))).item();
    var second = aws.dynamo().getItem(r -> r.tableName(table).key(key(entryKey(2)))).item();
    aws.dynamo().putItem(r -> r.tableName(table).item(withSortKey(second, entryKey(1))));
    aws.dynamo().putItem(r -> r.tableName(table).item(withSortKey(first, entryKey(2))));

    var p = problem();

    assertEquals(Kind.ENTRY_MISPLACED, p.kind());
    assertEquals(1, p.sequence());
    assertEquals("2", p.actual());
  }

  @Test
  void aGarbledLedgerItemIsNamed() {
    aws.dynamo().updateItem(r -> r.tableName(table).key(key(entryKey(2)))
        .updateExpression("REMOVE runId"));

    var p = problem();

    assertEquals(Kind.ENTRY_UNREADABLE, p.kind());
    assertEquals(2, p.sequence());
    assertTrue(p.message().contains("runId"), p.message());
  }

  private static Map<String, AttributeValue> withSortKey(Map<String, AttributeValue> item,
      String sk) {
    var copy = new HashMap<>(item);
    copy.put("SK", AttributeValue.fromS(sk));
    return copy;
  }
}
