package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.contract.TestData;
import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.collection.RunSummary;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingStatus;
import java.time.LocalDate;
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
  void findingWithTooMuchTextIsRefused() {
    var f = TestData.audit("F-3", null);
    var huge = new Finding(f.id(), f.type(), f.source(), f.status(),
        f.title(), "z".repeat(FindingItem.MAX_TEXT_BYTES), f.severity(), f.controls(),
        f.clauses(), null, null, null, null, f.raisedAt(), null, null, null, null, null, null, 0);

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
