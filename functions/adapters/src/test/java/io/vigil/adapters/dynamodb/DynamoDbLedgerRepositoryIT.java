package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.Emulated;
import io.vigil.adapters.contract.LedgerRepositoryContract;
import io.vigil.adapters.contract.TestData;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.evidence.EvidenceIntegrityException;
import io.vigil.domain.evidence.EvidenceLedger;
import io.vigil.domain.evidence.LedgerRepository;
import io.vigil.domain.fakes.InMemoryEvidenceVault;
import io.vigil.domain.fakes.TestManifests;
import io.vigil.domain.time.Clock;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DynamoDbLedgerRepository} against the emulator: a table per test (the ledger is one
 * chain per table), Query pages of two items so that every walk spans several pages.
 */
@WithAwsEmulator
class DynamoDbLedgerRepositoryIT extends LedgerRepositoryContract {

  private static Emulated aws;
  private String table;

  @BeforeAll
  static void connect(AwsEmulator emulator) {
    aws = Emulated.connect(emulator);
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  @Override
  protected LedgerRepository emptyLedger() {
    table = Emulated.uniqueName("ledger");
    new VigilTable(table).createIfAbsent(aws.dynamo());
    return new DynamoDbLedgerRepository(aws.enhanced(), table, 2);
  }

  private Map<String, AttributeValue> item(String pk, String sk) {
    return aws.dynamo().getItem(r -> r.tableName(table).consistentRead(true)
        .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk)))).item();
  }

  @Test
  void itemsAreLaidOutAsTheDataModelSays() {
    var repo = emptyLedger();
    var vault = new InMemoryEvidenceVault();
    var target = new ScanTarget(TestData.ACCOUNT, "eu-west-1");
    var m = TestManifests.stored(vault, "run-layout", target, 2);

    var e = new EvidenceLedger(repo, vault, Clock.fixed(TestData.T0)).record(m);

    var entry = item("LEDGER", "ENTRY#00000000000000000001");
    assertEquals("LedgerEntry", entry.get("type").s());
    assertEquals("1", entry.get("sequence").n());
    assertEquals("0".repeat(64), entry.get("previousHash").s());
    assertEquals(e.manifestHash().hex(), entry.get("manifestHash").s());
    assertEquals(e.entryHash().hex(), entry.get("entryHash").s());
    assertEquals("2026-11-28T06:00:00.123456789Z", entry.get("recordedAt").s());
    assertEquals("2", entry.get("resultCount").n());
    var head = item("LEDGER", "HEAD");
    assertEquals("LedgerHead", head.get("type").s());
    assertEquals(e.entryHash().hex(), head.get("entryHash").s());
    var unit = item("LEDGERUNIT#" + m.unitId(), "META");
    assertEquals("LedgerUnit", unit.get("type").s());
    assertEquals("1", unit.get("sequence").n());
  }

  @Test
  void anUnreadableItemIsReportedAsAnIntegrityProblemNamingIt() {
    var repo = emptyLedger();
    var vault = new InMemoryEvidenceVault();
    var m = TestManifests.stored(vault, "run-x", new ScanTarget(TestData.ACCOUNT, "eu-west-1"),
        1);
    new EvidenceLedger(repo, vault, Clock.system()).record(m);
    aws.dynamo().updateItem(r -> r.tableName(table)
        .key(Map.of("PK", AttributeValue.fromS("LEDGER"),
            "SK", AttributeValue.fromS("ENTRY#00000000000000000001")))
        .updateExpression("SET entryHash = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("not-a-hash"))));

    var e = assertThrows(EvidenceIntegrityException.class, () -> repo.entries().toList());

    assertTrue(e.getMessage().contains("SK=ENTRY#00000000000000000001"), e.getMessage());
    assertTrue(e.location().contains(table), e.location());
  }
}
