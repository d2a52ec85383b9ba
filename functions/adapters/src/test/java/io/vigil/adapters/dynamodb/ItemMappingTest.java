package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.contract.TestData;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.RunSummary;
import io.vigil.domain.finding.ActionStatus;
import io.vigil.domain.finding.CorrectiveAction;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.HistoryEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The static schemas map every field both ways and place the keys as the data model says. */
class ItemMappingTest {

  @Test
  void openFindingIsOnBothIndexes() {
    var f = TestData.automated("F-1", TestData.arn("p", 1), LocalDate.of(2027, 1, 31));

    var map = FindingItem.SCHEMA.itemToMap(FindingItem.from(f), true);

    assertEquals(AttributeValue.fromS("FINDING#F-1"), map.get("PK"));
    assertEquals(AttributeValue.fromS("META"), map.get("SK"));
    assertEquals(AttributeValue.fromS("Finding"), map.get("type"));
    assertEquals(AttributeValue.fromS("FINDINGS#OPEN"), map.get("GSI1PK"));
    assertEquals(AttributeValue.fromS("2027-01-31#F-1"), map.get("GSI1SK"));
    assertEquals(AttributeValue.fromS("CONTROL#A.8.24"), map.get("GSI2PK"));
    assertEquals(AttributeValue.fromS("FINDING#2026-11-28T06:00:00.123456789Z#F-1"),
        map.get("GSI2SK"));
    assertEquals(AttributeValue.fromN("0"), map.get("version"));
    assertEquals(f, FindingItem.SCHEMA.mapToItem(map).toDomain());
  }

  @Test
  void openFindingWithoutDueDateSortsLastAndClosedFindingLeavesGsi1() {
    var f = TestData.automated("F-1", TestData.arn("p", 1), null);

    assertEquals(AttributeValue.fromS("9999-12-31#F-1"),
        FindingItem.SCHEMA.itemToMap(FindingItem.from(f), true).get("GSI1SK"));
    var closed = FindingItem.SCHEMA.itemToMap(
        FindingItem.from(f.withStatus(FindingStatus.CLOSED)), true);
    assertFalse(closed.containsKey("GSI1PK"));
    assertFalse(closed.containsKey("GSI1SK"));
  }

  @Test
  void findingWithClausesOnlyHasNoControlIndexEntry() {
    var f = TestData.audit("F-2", null);

    var map = FindingItem.SCHEMA.itemToMap(FindingItem.from(f), true);

    assertFalse(map.containsKey("GSI2PK"));
    assertEquals(f, FindingItem.SCHEMA.mapToItem(map).toDomain());
  }

  @Test
  void everyFieldIncludingAuditAndTreatmentRoundTrips() {
    var f = TestData.automated("F-4", TestData.arn("p", 4), LocalDate.of(2027, 1, 31));
    var full = new Finding(f.id(), f.type(), f.source(), FindingStatus.EFFECTIVE, f.title(),
        f.description(), f.severity(), f.controls(), f.clauses(), f.checkId(), f.accountId(),
        f.region(), f.resourceArn(), f.raisedAt(), f.dueDate(), "Alice", "no guardrail", null, null,
        FindingId.of("F-3"), "AUDIT-2026-1", TestData.fullTreatment(), 7);

    var map = FindingItem.SCHEMA.itemToMap(FindingItem.from(full), true);

    assertEquals(AttributeValue.fromS("AUDIT-2026-1"), map.get("auditId"));
    assertEquals(AttributeValue.fromS("2026-11-28T07:00:00.123456789Z"), map.get("implementedAt"));
    assertEquals(AttributeValue.fromS("bob"), map.get("reviewedBy"));
    assertEquals(AttributeValue.fromS("alice"), map.get("ownerKey"));
    assertEquals(AttributeValue.fromS("FINDINGS"), map.get("GSI3PK"));
    assertEquals(full, FindingItem.SCHEMA.mapToItem(map).toDomain());
    var none = FindingItem.SCHEMA.itemToMap(FindingItem.from(f), true);
    assertFalse(none.containsKey("correction"), "unset treatment steps are not written");
    assertEquals(f, FindingItem.SCHEMA.mapToItem(none).toDomain());
  }

  @Test
  void gsi3ListsNewestFirstAndSameInstantByAscendingId() {
    var at = "2026-11-28T06:00:00.123456789Z";
    var keys = java.util.stream.Stream.of("F-a", "F-ab", "F-b", "F-B", "F-1", "F-a-1")
        .sorted(java.util.Comparator.comparing((String id) -> Keys.findingsByRaisedAt(at, id))
            .reversed())
        .toList();

    assertEquals(java.util.stream.Stream.of("F-a", "F-ab", "F-b", "F-B", "F-1", "F-a-1").sorted()
        .toList(), keys, "descending index order is ascending id order");
    assertTrue(Keys.findingsByRaisedAt("2026-11-28T06:00:00.000000001Z", "F-z")
        .compareTo(Keys.findingsByRaisedAt(at, "F-a")) < 0);
  }

  @Test
  void historyEntryAndActionRoundTrip() {
    var id = FindingId.of("F-5");
    var entry = new HistoryEntry(TestData.T0, "alice@example.com", HistoryEntry.Kind.TRANSITION,
        FindingStatus.OPEN, FindingStatus.CORRECTED, List.of("status", "correction"), "A-1", 3);
    var event = FindingEventItem.SCHEMA.itemToMap(FindingEventItem.of(id, entry), true);
    var other = FindingEventItem.SCHEMA.itemToMap(FindingEventItem.of(id, entry), true);

    assertEquals(AttributeValue.fromS("FINDING#F-5"), event.get("PK"));
    assertTrue(event.get("SK").s().startsWith("EVENT#2026-11-28T06:00:00.123456789Z#"));
    assertTrue(event.get("SK").s().compareTo(other.get("SK").s()) < 0,
        "entries of one instant are unique and in write order");
    assertEquals(entry, FindingEventItem.SCHEMA.mapToItem(event).toDomain());

    var action = new CorrectiveAction("A-1", id, "enforce encryption", "bob",
        LocalDate.of(2027, 1, 31), ActionStatus.IMPLEMENTED, "no finding in 3 runs", "bob",
        TestData.T0, 2);
    var item = CorrectiveActionItem.SCHEMA.itemToMap(
        CorrectiveActionItem.from(action, 2, "2026-11-28T06:00:00.000000000Z"), true);
    assertEquals(AttributeValue.fromS("ACTION#A-1"), item.get("SK"));
    assertEquals(action, CorrectiveActionItem.SCHEMA.mapToItem(item).toDomain());
  }

  @Test
  void legacyHistoryItemsReadAsEntriesByVigil() {
    var legacy = Map.of("PK", AttributeValue.fromS("FINDING#F-6"),
        "SK", AttributeValue.fromS("EVENT#2026-11-28T06:00:00.123456789Z#0000000001"),
        "event", AttributeValue.fromS("REGRESSED"), "status", AttributeValue.fromS("OPEN"),
        "version", AttributeValue.fromN("1"),
        "at", AttributeValue.fromS("2026-11-28T06:00:00.123456789Z"));

    assertEquals(new HistoryEntry(TestData.T0, "vigil", HistoryEntry.Kind.OPENED_BY_CHECK, null,
        FindingStatus.OPEN, List.of(), null, 1),
        FindingEventItem.SCHEMA.mapToItem(legacy).toDomain());
  }

  @Test
  void overdueNoticeExpiresNinetyDaysLater() {
    var item = OverdueNoticeItem.SCHEMA.itemToMap(OverdueNoticeItem.of("F-7", "A-1",
        LocalDate.of(2026, 12, 1), java.time.Instant.parse("2026-12-01T06:00:00Z")), true);

    assertEquals(AttributeValue.fromS("OVERDUE#A-1#2026-12-01"), item.get("SK"));
    assertEquals(AttributeValue.fromN(Long.toString(
        java.time.Instant.parse("2027-03-01T06:00:00Z").getEpochSecond())), item.get("expiresAt"));
  }

  @Test
  void findingWithTooMuchTextIsRefused() {
    var f = TestData.audit("F-3", null);
    var huge = new Finding(f.id(), f.type(), f.source(), f.status(),
        f.title(), "z".repeat(FindingItem.MAX_TEXT_BYTES), f.severity(), f.controls(),
        f.clauses(), null, null, null, null, f.raisedAt(), null, null, null, null, null, null,
        null, null, 0);

    assertThrows(IllegalArgumentException.class, () -> FindingItem.from(huge));
  }

  @Test
  void resultIsStoredInItsRunAndAsLatestOnGsi2() {
    var r = TestData.result("run-1", "arn:aws:s3:::b", TestData.T0, CheckStatus.FAIL, "off");

    var inRun = ResultItem.SCHEMA.itemToMap(ResultItem.inRun(r), true);
    var latest = ResultItem.SCHEMA.itemToMap(ResultItem.latest(r), true);

    assertEquals(AttributeValue.fromS("RUN#run-1"), inRun.get("PK"));
    assertEquals(AttributeValue.fromS("RESULT#" + r.subjectKey()), inRun.get("SK"));
    assertEquals(AttributeValue.fromS("Result"), inRun.get("type"));
    assertFalse(inRun.containsKey("GSI2PK"));
    assertEquals(AttributeValue.fromS("SUBJECT#" + r.subjectKey()), latest.get("PK"));
    assertEquals(AttributeValue.fromS("LATEST"), latest.get("SK"));
    assertEquals(AttributeValue.fromS("LatestResult"), latest.get("type"));
    assertEquals(AttributeValue.fromS("CHECK#" + TestData.CHECK), latest.get("GSI2PK"));
    assertEquals(AttributeValue.fromS(TestData.ACCOUNT + "#arn:aws:s3:::b"), latest.get("GSI2SK"));
    assertEquals(r, ResultItem.SCHEMA.mapToItem(inRun).toDomain());
    assertEquals(r, ResultItem.SCHEMA.mapToItem(latest).toDomain());
  }

  @Test
  void runSummaryCountsAreANumberMap() {
    var summary = new RunSummary("run-1", "manual", TestData.T0, TestData.T0.plusSeconds(5), 2,
        Map.of(CheckStatus.FAIL, 2), 1, 2);

    var map = RunItem.SCHEMA.itemToMap(RunItem.completed(summary), true);

    assertEquals(AttributeValue.fromS("RUN#run-1"), map.get("PK"));
    assertEquals(AttributeValue.fromS("COMPLETED"), map.get("status"));
    assertEquals(AttributeValue.fromS("RUNS"), map.get("GSI1PK"));
    assertEquals(AttributeValue.fromS("2026-11-28T06:00:00.123456789Z#run-1"), map.get("GSI1SK"));
    assertEquals(AttributeValue.fromN("2"), map.get("counts").m().get("FAIL"));
    assertEquals(AttributeValue.fromN("0"), map.get("counts").m().get("PASS"));
    assertTrue(RunItem.SCHEMA.mapToItem(map).isCompleted());
    assertEquals(summary, RunItem.SCHEMA.mapToItem(map).toSummary());
  }
}
