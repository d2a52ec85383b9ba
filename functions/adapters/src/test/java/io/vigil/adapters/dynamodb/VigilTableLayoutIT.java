package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.Emulated;
import io.vigil.adapters.contract.TestData;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.RunSummary;
import io.vigil.domain.finding.ActionStatus;
import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.HistoryEntry;
import io.vigil.domain.time.Clock;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The table and its items as {@code docs/data-model.md} documents them, read with the low-level
 * client: every documented access path (Query/GetItem) finds what the repositories wrote.
 */
@WithAwsEmulator
class VigilTableLayoutIT {

  private static final Instant EDITED_AT = Instant.parse("2026-12-01T09:30:00Z");

  private static Emulated aws;
  private static VigilTable table;

  @BeforeAll
  static void createTable(AwsEmulator emulator) {
    aws = Emulated.connect(emulator);
    table = new VigilTable(Emulated.uniqueName("layout"));
    assertTrue(table.createIfAbsent(aws.dynamo()));
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  private static List<Map<String, AttributeValue>> query(String index, String pkName, String pk,
      String skPrefix) {
    var items = new ArrayList<Map<String, AttributeValue>>();
    Map<String, AttributeValue> start = null;
    do {
      var request = QueryRequest.builder().tableName(table.name()).limit(1)
          .keyConditionExpression(skPrefix == null ? "#pk = :pk"
              : "#pk = :pk AND begins_with(#sk, :prefix)")
          .expressionAttributeNames(skPrefix == null ? Map.of("#pk", pkName)
              : Map.of("#pk", pkName, "#sk", VigilTable.SK))
          .expressionAttributeValues(skPrefix == null ? Map.of(":pk", AttributeValue.fromS(pk))
              : Map.of(":pk", AttributeValue.fromS(pk), ":prefix", AttributeValue.fromS(skPrefix)))
          .exclusiveStartKey(start);
      if (index != null) {
        request.indexName(index);
      }
      var page = aws.dynamo().query(request.build());
      items.addAll(page.items());
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
          ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return items;
  }

  private static Map<String, AttributeValue> get(String pk, String sk) {
    var response = aws.dynamo().getItem(r -> r.tableName(table.name()).consistentRead(true)
        .key(Map.of(VigilTable.PK, AttributeValue.fromS(pk), VigilTable.SK,
            AttributeValue.fromS(sk))));
    return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
  }

  private static String s(Map<String, AttributeValue> item, String name) {
    return item.get(name).s();
  }

  @Test
  void tableHasTheDocumentedKeysIndexesAndBillingAndIsCreatedOnce() {
    assertFalse(table.createIfAbsent(aws.dynamo()), "second call finds the table");

    var t = aws.dynamo().describeTable(r -> r.tableName(table.name())).table();
    assertEquals(List.of(VigilTable.PK, VigilTable.SK),
        t.keySchema().stream().map(k -> k.attributeName()).toList());
    assertEquals(KeyType.HASH, t.keySchema().get(0).keyType());
    assertTrue(t.attributeDefinitions().stream()
        .allMatch(a -> a.attributeType() == ScalarAttributeType.S));
    assertEquals(BillingMode.PAY_PER_REQUEST, t.billingModeSummary().billingMode());
    var indexes = t.globalSecondaryIndexes();
    assertEquals(List.of(VigilTable.GSI1, VigilTable.GSI2, VigilTable.GSI3),
        indexes.stream().map(i -> i.indexName()).sorted().toList());
    for (var index : indexes) {
      assertEquals(ProjectionType.ALL, index.projection().projectionType());
      var keys = index.keySchema().stream().map(k -> k.attributeName()).toList();
      assertEquals(List.of(index.indexName() + "PK", index.indexName() + "SK"), keys);
    }
  }

  @Test
  void aTableOfAnotherShapeIsRefused() {
    var other = Emulated.uniqueName("foreign");
    aws.dynamo().createTable(r -> r.tableName(other).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));

    var e = assertThrows(IllegalStateException.class,
        () -> new VigilTable(other).createIfAbsent(aws.dynamo()));
    assertTrue(e.getMessage().contains("not created by Vigil"), e.getMessage());
  }

  @Test
  void aTableOfAnOlderVersionWithoutGsi3IsRefused() {
    var older = Emulated.uniqueName("older");
    var gsi = java.util.stream.Stream.of(1, 2).map(n -> software.amazon.awssdk.services.dynamodb
        .model.GlobalSecondaryIndex.builder().indexName("GSI" + n)
        .keySchema(k -> k.attributeName("GSI" + n + "PK").keyType(KeyType.HASH),
            k -> k.attributeName("GSI" + n + "SK").keyType(KeyType.RANGE))
        .projection(pr -> pr.projectionType(ProjectionType.ALL)).build()).toList();
    aws.dynamo().createTable(r -> r.tableName(older).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(java.util.stream.Stream.of("PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK",
            "GSI2SK").map(n -> software.amazon.awssdk.services.dynamodb.model.AttributeDefinition
            .builder().attributeName(n).attributeType(ScalarAttributeType.S).build()).toList())
        .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH),
            k -> k.attributeName("SK").keyType(KeyType.RANGE))
        .globalSecondaryIndexes(gsi));

    var e = assertThrows(IllegalStateException.class,
        () -> new VigilTable(older).createIfAbsent(aws.dynamo()));
    assertTrue(e.getMessage().contains("lacks index GSI3"), e.getMessage());
  }

  @Test
  void runsAreClaimedAsMetaItemsAndListedOnGsi1ByStartTime() {
    var runs = new DynamoDbRunRepository(aws.enhanced(), table.name());
    var runId = "run-" + TestData.unique();
    runs.start(runId, "manual", TestData.T0, TestData.T0.plusSeconds(600));
    assertEquals("IN_PROGRESS", s(get("RUN#" + runId, "META"), "status"));
    assertTrue(get("RUN#" + runId, "META").containsKey("claimedUntil"));
    runs.complete(new RunSummary(runId, "manual", TestData.T0, TestData.T0.plusSeconds(9), 1,
        Map.of(CheckStatus.PASS, 1), 0, 1));

    var meta = get("RUN#" + runId, "META");
    assertEquals("Run", s(meta, "type"));
    assertEquals("COMPLETED", s(meta, "status"));
    assertFalse(meta.containsKey("claimedUntil"), "a completed run holds no claim");
    assertEquals("1", meta.get("counts").m().get("PASS").n());
    var listed = query(VigilTable.GSI1, VigilTable.GSI1_PK, "RUNS", null).stream()
        .filter(i -> s(i, "runId").equals(runId)).toList();
    assertEquals(1, listed.size());
    assertEquals("2026-11-28T06:00:00.123456789Z#" + runId, s(listed.get(0), "GSI1SK"));
  }

  @Test
  void resultsAreInTheirRunAndTheLatestOnGsi2ByCheck() {
    var p = TestData.unique();
    var runId = "run-" + p;
    var results = IntStream.range(0, 30)
        .mapToObj(i -> TestData.result(runId, TestData.arn(p, i), TestData.T0, CheckStatus.PASS,
            ""))
        .toList();
    new DynamoDbResultRepository(aws.enhanced(), table.name()).saveAll(results);

    var inRun = query(null, VigilTable.PK, "RUN#" + runId, "RESULT#");
    assertEquals(30, inRun.size());
    assertTrue(inRun.stream().allMatch(i -> s(i, "type").equals("Result")));
    var latest = get("SUBJECT#" + results.get(0).subjectKey(), "LATEST");
    assertEquals("LatestResult", s(latest, "type"));
    var byCheck = query(VigilTable.GSI2, VigilTable.GSI2_PK, "CHECK#" + TestData.CHECK, null)
        .stream().filter(i -> s(i, "resourceArn").contains(p)).toList();
    assertEquals(30, byCheck.size(), "only LATEST items, one per subject, are on GSI2");
    assertTrue(byCheck.stream().allMatch(i -> s(i, "type").equals("LatestResult")));
    assertEquals(TestData.ACCOUNT + "#" + TestData.arn(p, 0), s(byCheck.get(0), "GSI2SK"));
  }

  @Test
  void findingLifeCycleWritesLockMetaEventsAndSparseIndexEntries() {
    var findings = new DynamoDbFindingRepository(aws.enhanced(), table.name(),
        Clock.fixed(EDITED_AT));
    var p = TestData.unique();
    var f = TestData.automated("F-" + p, TestData.arn(p, 1), LocalDate.of(2027, 1, 31));
    var subject = "SUBJECT#" + f.subjectKey();
    var pk = "FINDING#" + f.id();

    assertTrue(findings.openIfNoneOpen(f));

    assertEquals(f.id().value(), s(get(subject, "OPEN_FINDING"), "findingId"));
    assertEquals("OpenFindingLock", s(get(subject, "OPEN_FINDING"), "type"));
    var collection = query(null, VigilTable.PK, pk, null);
    assertEquals(3, collection.size());
    assertTrue(s(collection.get(0), "SK")
        .matches("EVENT#2026-11-28T06:00:00.123456789Z#[0-9a-f]{16}"), s(collection.get(0), "SK"));
    assertEquals(List.of("EVIDENCE", "META"),
        collection.subList(1, 3).stream().map(i -> s(i, "SK")).toList());
    assertEquals("OPENED_BY_CHECK", s(collection.get(0), "kind"));
    assertEquals("vigil", s(collection.get(0), "actor"));
    assertEquals("OPEN", s(collection.get(0), "to"));
    assertEquals("2026-11-28T06:00:00.123456789Z", s(collection.get(1), "lastSeenAt"),
        "automation's facts live in their own item, apart from the people-edited META");
    assertEquals(f.id().value(), s(get(subject, "LAST_FINDING"), "findingId"));
    assertEquals(1, openOnGsi1(p).size());
    var byControl = query(VigilTable.GSI2, VigilTable.GSI2_PK, "CONTROL#A.8.24", null).stream()
        .filter(i -> s(i, "findingId").equals(f.id().value())).toList();
    assertEquals("FINDING#2026-11-28T06:00:00.123456789Z#" + f.id(),
        s(byControl.get(0), "GSI2SK"));

    findings.update(f.withStatus(FindingStatus.CLOSED));

    assertNull(get(subject, "OPEN_FINDING"), "closing deletes the lock");
    assertEquals(f.id().value(), s(get(subject, "LAST_FINDING"), "findingId"),
        "the subject remembers its last finding, so a regression links to it");
    var meta = get(pk, "META");
    assertEquals("1", meta.get("version").n());
    assertEquals("FINDINGS#CLOSED#2026-12", meta.get("GSI1PK").s(),
        "closed: off the open list, on the list of its closing month");
    assertEquals("2026-12-01T09:30:00.000000000Z#" + f.id(), meta.get("GSI1SK").s());
    assertEquals("2026-12-01T09:30:00.000000000Z", meta.get("closedAt").s());
    assertEquals(List.of(), openOnGsi1(p));
    var events = query(null, VigilTable.PK, pk, "EVENT#");
    assertEquals(2, events.size());
    assertTrue(s(events.get(1), "SK").startsWith("EVENT#2026-12-01T09:30:00.000000000Z#"));
    assertEquals("EDITED", s(events.get(1), "kind"));
    assertEquals("CLOSED", s(events.get(1), "to"));
    assertEquals("1", events.get(1).get("version").n());
  }

  @Test
  void actionsHistoryOverdueMarkersAndTheListingIndex() {
    var findings = new DynamoDbFindingRepository(aws.enhanced(), table.name(),
        Clock.fixed(EDITED_AT));
    var p = TestData.unique();
    var f = TestData.audit("F-" + p, LocalDate.of(2027, 1, 31));
    var pk = "FINDING#" + f.id();
    findings.create(f, new HistoryEntry(TestData.T0, "alice", HistoryEntry.Kind.CREATED, null,
        FindingStatus.OPEN, List.of(), null, 0));
    var action = new CorrectiveAction("A-" + p, f.id(), "review access quarterly", "bob",
        LocalDate.of(2027, 1, 31), ActionStatus.PLANNED, null, null, null, 0);
    findings.addAction(action, new HistoryEntry(EDITED_AT, "alice",
        HistoryEntry.Kind.ACTION_ADDED, FindingStatus.OPEN, FindingStatus.OPEN,
        List.of("description"), action.id(), 0));
    assertTrue(findings.markOverdueNotified(f.id(), action.id(), LocalDate.of(2027, 2, 1)));

    var actionItem = get(pk, "ACTION#" + action.id());
    assertEquals("CorrectiveAction", s(actionItem, "type"));
    assertEquals("0", actionItem.get("version").n());
    assertEquals("2026-12-01T09:30:00.000000000Z", s(actionItem, "createdAt"));
    assertEquals(1, query(null, VigilTable.PK, pk, "ACTION#").size());
    var history = query(null, VigilTable.PK, pk, "EVENT#");
    assertEquals(List.of("CREATED", "ACTION_ADDED"), history.stream().map(i -> s(i, "kind"))
        .toList());
    assertEquals(List.of("description"), history.get(1).get("fieldsChanged").l().stream()
        .map(AttributeValue::s).toList());
    assertEquals(action.id(), s(history.get(1), "actionId"));
    var marker = get(pk, "OVERDUE#" + action.id() + "#2027-02-01");
    assertEquals("OverdueNotice", s(marker, "type"));
    assertEquals(Long.toString(Instant.parse("2027-05-02T00:00:00Z").getEpochSecond()),
        marker.get("expiresAt").n(), "the marker expires through TTL, 90 days after its day");

    var listed = query(VigilTable.GSI3, VigilTable.GSI3_PK, "FINDINGS", null).stream()
        .filter(i -> s(i, "findingId").equals(f.id().value())).toList();
    assertEquals(1, listed.size(), "only META items are on GSI3");
    assertTrue(s(listed.get(0), "GSI3SK").startsWith("2026-11-28T06:00:00.123456789Z#"));
    assertEquals("AUDIT-2026-1", s(listed.get(0), "auditId"));
  }

  @Test
  void openFindingsOnGsi1AreReadPageByPageInDueDateOrder() {
    var findings = new DynamoDbFindingRepository(aws.enhanced(), table.name());
    var p = TestData.unique();
    for (int i = 1; i <= 5; i++) {
      findings.openIfNoneOpen(TestData.automated("F-" + p + "-" + i, TestData.arn(p, i),
          i == 3 ? null : LocalDate.of(2027, 1, 10 - i)));
    }

    var sortKeys = openOnGsi1(p).stream().map(i -> s(i, "GSI1SK")).toList();

    assertEquals(List.of("2027-01-05#F-" + p + "-5", "2027-01-06#F-" + p + "-4",
        "2027-01-08#F-" + p + "-2", "2027-01-09#F-" + p + "-1", "9999-12-31#F-" + p + "-3"),
        sortKeys);
    assertEquals(sortKeys.size(), findings.findOpen().stream().map(Finding::id)
        .filter(id -> id.value().startsWith("F-" + p)).count());
  }

  private static List<Map<String, AttributeValue>> openOnGsi1(String prefix) {
    return query(VigilTable.GSI1, VigilTable.GSI1_PK, "FINDINGS#OPEN", null).stream()
        .filter(i -> s(i, "findingId").startsWith("F-" + prefix)).toList();
  }
}
