package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vigil.adapters.s3.S3EvidenceVault;
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
import io.vigil.domain.evidence.RunManifest;
import io.vigil.domain.evidence.Sha256;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code vigil verify} against the test emulator: manifests recorded through the function's own
 * beans (the ledger the collection run will call), then the acceptance tampering cases: a
 * modified S3 evidence object, a modified ledger item, a deleted ledger item. Each test has its
 * own table and bucket.
 */
@WithAwsEmulator
class VerifyCommandIT {

  private static final Map<String, String> NO_ENV = Map.of();
  private static final ScanTarget EU = new ScanTarget("123456789012", "eu-west-1");
  private static final ScanTarget US = new ScanTarget("123456789012", "us-east-1");

  private String table;
  private String bucket;
  private String[] options;
  private ApplicationContext context;
  private final List<RunManifest> manifests = new ArrayList<>();
  private final List<LedgerEntry> entries = new ArrayList<>();

  @BeforeEach
  void recordThreeUnits(AwsEmulator aws) {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    table = "vigil-it-verify-" + suffix;
    bucket = "vigil-it-verify-" + suffix;
    options = new String[] {"--endpoint-url", aws.endpoint(), "--region", aws.region(),
        "--table", table, "--bucket", bucket};
    assertEquals(0, CliRunner.run(NO_ENV, args("init")).exitCode());
    var target = new AwsTarget(Optional.of(aws.endpoint()), Optional.of(aws.region()), table,
        bucket, true);
    context = ApplicationContext.builder().properties(target.properties()).start();
    var vault = context.getBean(EvidenceVault.class);
    var ledger = context.getBean(EvidenceLedger.class);
    for (var unit : List.of(List.of("run-1", EU), List.of("run-1", US), List.of("run-2", EU))) {
      var m = manifest(vault, (String) unit.get(0), (ScanTarget) unit.get(1));
      manifests.add(m);
      entries.add(ledger.record(m));
    }
  }

  @AfterEach
  void close() {
    context.close();
  }

  private static RunManifest manifest(EvidenceVault vault, String runId, ScanTarget target) {
    var check = CheckId.of("s3_bucket_encryption_enabled");
    var results = new ArrayList<CheckResult>();
    for (int i = 0; i < 2; i++) {
      var arn = "arn:aws:s3:::bucket-" + target.region() + "-" + i;
      var doc = new EvidenceDocument(check, target.accountId(), target.region(), arn,
          "AWS::S3::Bucket", Map.of("encrypted", i == 0));
      results.add(new CheckResult(runId, check, i == 0 ? CheckStatus.PASS : CheckStatus.FAIL,
          target.accountId(), target.region(), arn, "AWS::S3::Bucket",
          List.of(ControlId.parse("A.8.24")), Severity.HIGH, Instant.parse("2026-11-28T06:00:00Z"),
          vault.put(doc.canonicalBytes()), i == 0 ? "encrypted" : "not encrypted"));
    }
    return RunManifest.of(RunManifest.unitIdOf(runId, target), runId, "schedule:test", target,
        Instant.parse("2026-11-28T06:00:00Z"), results);
  }

  private String[] args(String command, String... more) {
    var all = new ArrayList<String>();
    all.add(command);
    all.addAll(List.of(options));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private CliRunner.Run verify(String... more) {
    return CliRunner.run(NO_ENV, args("verify", more));
  }

  private static Map<String, AttributeValue> entryKey(long sequence) {
    return Map.of("PK", AttributeValue.fromS("LEDGER"),
        "SK", AttributeValue.fromS(String.format("ENTRY#%020d", sequence)));
  }

  @Test
  void anIntactLedgerIsVerified() {
    var run = verify();

    assertEquals(0, run.exitCode(), run.err());
    // 3 manifests; run-2/EU lists the same evidence as run-1/EU: 4 distinct evidence objects
    assertEquals("verified 3 entries, 7 objects (3 manifests, 4 evidence objects)",
        run.out().strip());
    assertTrue(run.err().contains("verified entry 3"), run.err());
  }

  @Test
  void aModifiedEvidenceObjectIsNamed() {
    var address = manifests.get(1).entries().get(1).evidenceSha256();
    var forged = "{\"encrypted\":true}".getBytes(StandardCharsets.UTF_8);
    context.getBean(S3Client.class).putObject(r -> r.bucket(bucket)
        .key(S3EvidenceVault.key(address)), RequestBody.fromBytes(forged));

    var run = verify();

    assertEquals(1, run.exitCode(), run.err());
    var url = "s3://" + bucket + "/" + S3EvidenceVault.key(address);
    assertTrue(run.out().startsWith("evidence object " + url + " (check"
        + " s3_bucket_encryption_enabled, resource arn:aws:s3:::bucket-us-east-1-1, listed by"
        + " ledger entry 2 (unit run-1#123456789012#us-east-1)) was modified: its content"
        + " hashes to " + Sha256.of(forged) + ", expected " + address), run.out());
  }

  @Test
  void aModifiedLedgerItemIsNamed() {
    context.getBean(DynamoDbClient.class).updateItem(r -> r.tableName(table).key(entryKey(2))
        .updateExpression("SET runId = :r")
        .expressionAttributeValues(Map.of(":r", AttributeValue.fromS("run-9"))));

    var run = verify("--format", "json");

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.out().contains("\"kind\" : \"ENTRY_MODIFIED\""), run.out());
    assertTrue(run.out().contains("\"sequence\" : 2"), run.out());
    assertTrue(run.out().contains("ledger entry 2 (unit run-1#123456789012#us-east-1) at table "
        + table + " item PK=LEDGER SK=ENTRY#00000000000000000002 was modified"), run.out());
    assertTrue(run.out().contains("\"expected\" : \"" + entries.get(1).entryHash() + "\""),
        run.out());
  }

  @Test
  void aDeletedLedgerItemIsNamed() {
    context.getBean(DynamoDbClient.class).deleteItem(r -> r.tableName(table).key(entryKey(2)));

    var run = verify();

    assertEquals(1, run.exitCode(), run.err());
    assertEquals("ledger entry 2 is missing (at table " + table + " item PK=LEDGER"
        + " SK=ENTRY#00000000000000000002): entry 1 is followed by entry 3; it was deleted",
        run.out().strip());
    assertTrue(run.err().contains("NOT intact (verified 1 entry"), run.err());
  }

  @Test
  void aMissingTableIsAFailureSayingSo() {
    var run = CliRunner.run(NO_ENV, "verify", "--endpoint-url", options[1], "--table",
        "vigil-it-absent-" + UUID.randomUUID().toString().substring(0, 8), "--bucket", bucket);

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("does not exist"), run.err());
    assertEquals("", run.out());
  }
}
