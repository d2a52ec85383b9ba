package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.adapters.Emulated;
import io.vigil.adapters.contract.TestData;
import io.vigil.domain.finding.Finding;
import io.vigil.domain.finding.FindingId;
import io.vigil.domain.finding.FindingSource;
import io.vigil.domain.finding.FindingStatus;
import io.vigil.domain.finding.FindingType;
import io.vigil.domain.finding.HistoryEntry;
import io.vigil.domain.performance.ClosedFindings.Closed;
import io.vigil.domain.time.Clock;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Findings closed in a time range ({@link DynamoDbClosedFindings}) from the GSI1 keys that
 * {@link DynamoDbFindingRepository} puts on a finding when an edit closes or declines it. Each test
 * closes findings in a year of its own, and every Query reads one item per page.
 */
@WithAwsEmulator
class DynamoDbClosedFindingsIT {

  private static Emulated aws;
  private static String table;
  private static DynamoDbFindingRepository findings;
  private static DynamoDbClosedFindings closed;

  @BeforeAll
  static void createTable(AwsEmulator emulator) {
    aws = Emulated.connect(emulator);
    table = Emulated.uniqueName("closed");
    new VigilTable(table).createIfAbsent(aws.dynamo());
    findings = new DynamoDbFindingRepository(aws.enhanced(), table, Clock.system(), 1);
    closed = new DynamoDbClosedFindings(aws.enhanced(), table, 1);
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  private static Finding raise(String id, Instant raisedAt) {
    var f = TestData.raised(id, FindingType.MINOR_NONCONFORMITY, FindingSource.INTERNAL_AUDIT,
        "A.5.18", "owner@example.org", raisedAt, null);
    findings.create(f, new HistoryEntry(raisedAt, "auditor@example.org",
        HistoryEntry.Kind.CREATED, null, FindingStatus.OPEN, List.of(), null, 0));
    return f;
  }

  /** Moves the stored finding to {@code to} with a history entry at {@code at}. */
  private static Finding move(FindingId id, FindingStatus to, Instant at) {
    var current = findings.findById(id).orElseThrow();
    return findings.update(current.withStatus(to), new HistoryEntry(at, "isms@example.org",
        HistoryEntry.Kind.TRANSITION, current.status(), to, List.of("status"), null,
        current.version() + 1));
  }

  private static List<String> ids(List<Closed> list) {
    return list.stream().map(c -> c.finding().id().value()).toList();
  }

  private static Map<String, AttributeValue> meta(String id) {
    return aws.dynamo().getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
        "PK", AttributeValue.fromS("FINDING#" + id), "SK", AttributeValue.fromS("META")))).item();
  }

  @Test
  void closingPutsTheFindingOnGsi1UnderItsMonthWithItsClosingTime() {
    var p = TestData.unique();
    var f = raise("F-" + p, Instant.parse("2040-01-10T08:00:00Z"));
    var at = Instant.parse("2040-02-03T10:15:30.123456789Z");

    move(f.id(), FindingStatus.CLOSED, at);

    var item = meta(f.id().value());
    assertEquals("FINDINGS#CLOSED#2040-02", item.get("GSI1PK").s());
    assertEquals("2040-02-03T10:15:30.123456789Z#F-" + p, item.get("GSI1SK").s());
    assertEquals("2040-02-03T10:15:30.123456789Z", item.get("closedAt").s());
    var listed = closed.closedBetween(Instant.parse("2040-02-01T00:00:00Z"),
        Instant.parse("2040-03-01T00:00:00Z"));
    assertEquals(List.of(new Closed(findings.findById(f.id()).orElseThrow(), at)), listed);
  }

  @Test
  void theRangeIncludesItsStartExcludesItsEnd_acrossMonths_oldestFirst() {
    var p = TestData.unique();
    var raisedAt = Instant.parse("2041-01-02T00:00:00Z");
    var beforeStart = Instant.parse("2041-02-28T23:59:59.999999999Z");
    var start = Instant.parse("2041-03-01T00:00:00Z");
    var monthEnd = Instant.parse("2041-03-31T23:59:59.999999999Z");
    var end = Instant.parse("2041-04-01T00:00:00Z");
    // raised in this order, closed in another, so that the order can only come from closedAt
    move(raise("F-" + p + "-e", raisedAt).id(), FindingStatus.CLOSED, end);
    move(raise("F-" + p + "-b", raisedAt).id(), FindingStatus.CLOSED, beforeStart);
    move(raise("F-" + p + "-m", raisedAt).id(), FindingStatus.CLOSED, monthEnd);
    move(raise("F-" + p + "-s2", raisedAt).id(), FindingStatus.CLOSED, start);
    move(raise("F-" + p + "-s1", raisedAt).id(), FindingStatus.CLOSED, start);

    assertEquals(List.of("F-" + p + "-s1", "F-" + p + "-s2", "F-" + p + "-m"),
        ids(closed.closedBetween(start, end)), "[start, end): same instant by id");
    assertEquals(List.of("F-" + p + "-b", "F-" + p + "-s1", "F-" + p + "-s2", "F-" + p + "-m",
            "F-" + p + "-e"),
        ids(closed.closedBetween(Instant.parse("2041-02-15T00:00:00Z"),
            Instant.parse("2041-04-15T00:00:00Z"))), "three months, three Queries, in order");
    assertEquals(List.of("F-" + p + "-b"), ids(closed.closedBetween(beforeStart, start)));
    assertEquals(List.of("F-" + p + "-e"),
        ids(closed.closedBetween(end, end.plusNanos(1))));
    assertEquals(List.of(), closed.closedBetween(start, start));
    assertEquals(List.of(), closed.closedBetween(Instant.parse("2041-01-01T00:00:00Z"),
        Instant.parse("2041-02-28T00:00:00Z")));
    assertThrows(IllegalArgumentException.class, () -> closed.closedBetween(end, start));
    var mean = closed.closedBetween(start, end).get(0);
    assertEquals(raisedAt, mean.finding().raisedAt(), "the finding comes with its raising time");
    assertEquals(start, mean.closedAt());
  }

  @Test
  void declinedCounts_reopeningRemoves_reclosingMoves_andAnEditKeepsTheTime() {
    var p = TestData.unique();
    var raisedAt = Instant.parse("2042-01-02T00:00:00Z");
    var declined = raise("F-" + p + "-d", raisedAt);
    var reopened = raise("F-" + p + "-r", raisedAt);
    var edited = raise("F-" + p + "-x", raisedAt);
    var year = new Instant[] {Instant.parse("2042-01-01T00:00:00Z"),
        Instant.parse("2043-01-01T00:00:00Z")};

    move(declined.id(), FindingStatus.DECLINED, Instant.parse("2042-02-01T09:00:00Z"));
    move(reopened.id(), FindingStatus.CLOSED, Instant.parse("2042-02-02T09:00:00Z"));
    move(edited.id(), FindingStatus.CLOSED, Instant.parse("2042-02-03T09:00:00Z"));
    assertEquals(List.of("F-" + p + "-d", "F-" + p + "-r", "F-" + p + "-x"),
        ids(closed.closedBetween(year[0], year[1])));

    move(reopened.id(), FindingStatus.REOPENED, Instant.parse("2042-03-01T09:00:00Z"));
    assertEquals(List.of("F-" + p + "-d", "F-" + p + "-x"),
        ids(closed.closedBetween(year[0], year[1])), "reopened: no longer closed");
    var item = meta(reopened.id().value());
    assertEquals("FINDINGS#OPEN", item.get("GSI1PK").s(), "back on the open findings' list");
    assertFalse(item.containsKey("closedAt"));
    assertEquals(List.of("F-" + p + "-r"), findings.findOpen().stream()
        .map(f -> f.id().value()).filter(id -> id.startsWith("F-" + p)).toList());

    var reclosedAt = Instant.parse("2042-04-01T09:00:00Z");
    move(reopened.id(), FindingStatus.CLOSED, reclosedAt);
    var current = findings.findById(edited.id()).orElseThrow();
    findings.update(current.edited(current.status(), current.type(), "Renamed after closing",
            current.description(), current.dueDate(), current.owner(), current.rootCause(),
            current.treatment()),
        new HistoryEntry(Instant.parse("2042-05-01T09:00:00Z"), "isms@example.org",
            HistoryEntry.Kind.EDITED, FindingStatus.CLOSED, FindingStatus.CLOSED,
            List.of("title"), null, current.version() + 1));

    var all = closed.closedBetween(year[0], year[1]);
    assertEquals(List.of("F-" + p + "-d", "F-" + p + "-x", "F-" + p + "-r"), ids(all));
    assertEquals(List.of(Instant.parse("2042-02-01T09:00:00Z"),
        Instant.parse("2042-02-03T09:00:00Z"), reclosedAt),
        all.stream().map(Closed::closedAt).toList(), "an edit of a closed finding keeps its time");
    assertEquals("Renamed after closing", all.get(1).finding().title());
    assertEquals(FindingStatus.DECLINED, all.get(0).finding().status());
  }

  @Test
  void automatedFindingsComeWithTheirEvidence() {
    var p = TestData.unique();
    var f = TestData.automated("F-" + p, TestData.arn(p, 1), null);
    findings.recordFailure(f, f.raisedAt());
    findings.recordRecovery(f.subjectKey(), f.raisedAt().plusSeconds(60));
    var at = Instant.parse("2044-06-30T23:00:00Z");

    move(f.id(), FindingStatus.CLOSED, at);

    var listed = closed.closedBetween(Instant.parse("2044-06-01T00:00:00Z"),
        Instant.parse("2044-07-01T00:00:00Z"));
    assertEquals(List.of(new Closed(findings.findById(f.id()).orElseThrow(), at)), listed);
    assertEquals(f.raisedAt().plusSeconds(60), listed.get(0).finding().evidenceRecoveredAt());
    assertEquals(java.util.Optional.empty(), findings.findOpenBySubject(f.subjectKey()),
        "closing still releases the subject");
  }

  @Test
  void aFindingClosedBeforeClosingTimesWereRecordedIsNotListed() {
    var p = TestData.unique();
    var old = TestData.raised("F-" + p, FindingType.OBSERVATION, FindingSource.INTERNAL_AUDIT,
        "A.5.1", null, Instant.parse("2045-01-02T00:00:00Z"), null)
        .withStatus(FindingStatus.CLOSED);
    // the layout before: a closed META item without GSI1 keys or closedAt
    aws.enhanced().table(table, FindingItem.SCHEMA).putItem(FindingItem.from(old));

    assertEquals(List.of(), closed.closedBetween(Instant.parse("2045-01-01T00:00:00Z"),
        Instant.parse("2046-01-01T00:00:00Z")));

    // an edit of it keeps it off the index: its closing time is not known
    var stored = findings.findById(old.id()).orElseThrow();
    findings.update(stored.edited(stored.status(), stored.type(), "Edited", stored.description(),
            stored.dueDate(), stored.owner(), stored.rootCause(), stored.treatment()),
        new HistoryEntry(Instant.parse("2045-06-01T00:00:00Z"), "isms@example.org",
            HistoryEntry.Kind.EDITED, FindingStatus.CLOSED, FindingStatus.CLOSED,
            List.of("title"), null, stored.version() + 1));
    assertFalse(meta(old.id().value()).containsKey("GSI1PK"));
    assertEquals(List.of(), closed.closedBetween(Instant.parse("2045-01-01T00:00:00Z"),
        Instant.parse("2046-01-01T00:00:00Z")));
  }
}
