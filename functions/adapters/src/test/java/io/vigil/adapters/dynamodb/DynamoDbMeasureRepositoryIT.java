package io.vigil.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.adapters.Emulated;
import io.vigil.adapters.dynamodb.internal.Backoff;
import io.vigil.adapters.dynamodb.internal.BatchWriter;
import io.vigil.domain.performance.Measure;
import io.vigil.domain.performance.MeasureResult;
import io.vigil.domain.performance.Period;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DynamoDbMeasureRepository} against the emulator: the item layout, more results than one
 * batch, idempotent saves, trend windows across years and kinds, every Query page read.
 */
@WithAwsEmulator
class DynamoDbMeasureRepositoryIT {

  private static final Instant AT = Instant.parse("2027-01-05T06:00:00.123456789Z");

  private static Emulated aws;
  private static String table;

  @BeforeAll
  static void createTable(AwsEmulator emulator) {
    aws = Emulated.connect(emulator);
    table = Emulated.uniqueName("measures");
    new VigilTable(table).createIfAbsent(aws.dynamo());
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  /** Reads one item per Query page, so that every trend spans pages. */
  private static DynamoDbMeasureRepository repository() {
    return new DynamoDbMeasureRepository(aws.enhanced(), table,
        new BatchWriter(new Backoff(3, Duration.ofMillis(1), Duration.ofMillis(2), d -> { })), 1);
  }

  private static MeasureResult result(Measure m, String period, double value) {
    var breakdown = new LinkedHashMap<String, Double>();
    breakdown.put("z first", value / 2);
    breakdown.put("a second", 1.0 / 3);
    return new MeasureResult(m, period, value, breakdown, "", AT);
  }

  private static Map<String, AttributeValue> item(String pk, String sk) {
    return aws.dynamo().getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
        "PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk)))).item();
  }

  @Test
  void storesOneItemPerMeasureAndPeriod_asTheDataModelSays() {
    var withValue = result(Measure.CONTROL_PASS_RATE, "2031-11", 66.66666666666667);
    var noData = MeasureResult.noData(Measure.MEAN_TIME_TO_CLOSE, "2031-Q4",
        "no finding was closed in 2031-Q4", AT);
    repository().save(List.of(withValue, noData));

    var stored = item("MEASURE#control-pass-rate", "MONTH#2031-11");
    assertEquals("MeasureResult", stored.get("type").s());
    assertEquals("66.66666666666667", stored.get("value").n());
    assertEquals("2031-11", stored.get("period").s());
    assertEquals("2027-01-05T06:00:00.123456789Z", stored.get("measuredAt").s());
    assertEquals(Map.of("z first", AttributeValue.fromN("33.333333333333336"),
        "a second", AttributeValue.fromN("0.3333333333333333")), stored.get("breakdown").m());
    assertFalse(stored.containsKey("note"), "an empty note is not stored");
    assertFalse(stored.containsKey("GSI1PK"), "measures are on no index");

    var empty = item("MEASURE#mean-time-to-close", "QUARTER#2031-Q4");
    assertFalse(empty.containsKey("value"), "no data: no value attribute");
    assertEquals("no finding was closed in 2031-Q4", empty.get("note").s());

    assertEquals(List.of(withValue), repository().trend(Measure.CONTROL_PASS_RATE,
        Period.parse("2031-11"), 1));
    var read = repository().trend(Measure.MEAN_TIME_TO_CLOSE, Period.parse("2031-Q4"), 1);
    assertEquals(List.of(noData), read);
    assertNull(read.get(0).value());
    assertEquals(List.of("z first", "a second"), new ArrayList<>(repository()
        .trend(Measure.CONTROL_PASS_RATE, Period.parse("2031-11"), 1).get(0).breakdown()
        .keySet()), "the breakdown keeps its order");
  }

  @Test
  void savesMoreThanOneBatch_andSavingAgainChangesNothing() {
    var results = new ArrayList<MeasureResult>();
    var month = YearMonth.of(2032, 1);
    for (int i = 0; i < 60; i++) {
      results.add(result(Measure.OPEN_FINDINGS, month.plusMonths(i).toString(), i));
    }
    var repo = repository();
    repo.save(results);
    var last = Period.month(month.plusMonths(59));

    var trend = repo.trend(Measure.OPEN_FINDINGS, last, 60);
    assertEquals(results, trend, "all 60 (three BatchWriteItem calls), oldest first");

    repo.save(results);
    assertEquals(trend, repo.trend(Measure.OPEN_FINDINGS, last, 60));
    var count = aws.dynamo().query(r -> r.tableName(table).keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("MEASURE#open-findings")))
        .select("COUNT")).count();
    assertEquals(60, count, "the second save replaced the same items");
  }

  @Test
  void theLastOfTwoResultsForOneKeyWins() {
    var first = result(Measure.OVERDUE_ACTIONS, "2033-03", 4);
    var second = result(Measure.OVERDUE_ACTIONS, "2033-03", 5);

    repository().save(List.of(first, second));

    assertEquals(List.of(second), repository().trend(Measure.OVERDUE_ACTIONS,
        Period.parse("2033-03"), 1));
  }

  @Test
  void aTrendIsTheWindowOfItsKind_acrossTheYearEnd_withGapsLeftOut() {
    var repo = repository();
    repo.save(List.of(
        result(Measure.EVIDENCE_FRESHNESS, "2034-09", 1), // before the window
        result(Measure.EVIDENCE_FRESHNESS, "2034-10", 2), // first month of the window
        result(Measure.EVIDENCE_FRESHNESS, "2034-12", 3), // 2034-11 has no result
        result(Measure.EVIDENCE_FRESHNESS, "2035-01", 4), // the last month of the window
        result(Measure.EVIDENCE_FRESHNESS, "2035-02", 5), // after it
        result(Measure.EVIDENCE_FRESHNESS, "2034-Q4", 6), // another kind
        result(Measure.EVIDENCE_FRESHNESS, "2037-W53", 7),
        result(Measure.EVIDENCE_FRESHNESS, "2038-W01", 8),
        result(Measure.CONTROL_PASS_RATE, "2034-12", 9))); // another measure

    assertEquals(List.of("2034-10", "2034-12", "2035-01"),
        repo.trend(Measure.EVIDENCE_FRESHNESS, Period.parse("2035-01"), 4).stream()
            .map(MeasureResult::period).toList());
    assertEquals(List.of(6.0), repo.trend(Measure.EVIDENCE_FRESHNESS, Period.parse("2035-Q1"),
        2).stream().map(MeasureResult::value).toList());
    assertEquals(List.of("2037-W53", "2038-W01"), repo.trend(Measure.EVIDENCE_FRESHNESS,
        Period.parse("2038-W01"), 2).stream().map(MeasureResult::period).toList(),
        "ISO weeks across a 53-week year");
    assertEquals(List.of(), repo.trend(Measure.EVIDENCE_FRESHNESS, Period.parse("2034-08"), 12));
    assertEquals(List.of(), repo.trend(Measure.RISK_TREATMENT_PROGRESS, Period.parse("2035-01"),
        12));
  }

  /**
   * The trends of several measures in batches (one BatchGetItem for up to 100 keys): each the
   * same, in the same order, as its own trend Query; here 9 windows of 12 months (108 keys: two
   * batches) across the year end, with gaps and results outside the windows.
   */
  @Test
  void severalTrendsAtOnce_areEachTheSameAsItsOwnTrend() {
    // a table of its own: every measure's partition is written here
    var own = Emulated.uniqueName("measure-trends");
    new VigilTable(own).createIfAbsent(aws.dynamo());
    var repo = new DynamoDbMeasureRepository(aws.enhanced(), own);
    var results = new ArrayList<MeasureResult>();
    var month = YearMonth.of(2039, 3);
    for (var m : Measure.values()) {
      for (int i = 0; i < 16; i++) {
        if ((i + m.ordinal()) % 3 != 0) {
          results.add(result(m, month.plusMonths(i).toString(), i));
        }
      }
    }
    repo.save(results);
    var upTo = Period.month(month.plusMonths(13));
    var counts = new java.util.EnumMap<Measure, Integer>(Measure.class);
    for (var m : Measure.values()) {
      counts.put(m, 12);
    }
    counts.put(Measure.OPEN_FINDINGS, 2);

    var trends = repo.trends(counts, upTo);

    assertEquals(counts.keySet(), trends.keySet());
    counts.forEach((m, count) -> assertEquals(repo.trend(m, upTo, count), trends.get(m),
        m.id()));
    assertFalse(trends.get(Measure.CONTROL_PASS_RATE).isEmpty());
    assertThrows(IllegalArgumentException.class,
        () -> repo.trends(Map.of(Measure.OPEN_FINDINGS, 0), upTo));
  }

  @Test
  void refusesWhatCannotBeStored_andWritesNothing() {
    var bad = new MeasureResult(Measure.OBJECTIVES_ATTAINMENT, "2036-13", 1.0, Map.of(), "", AT);
    var good = result(Measure.OBJECTIVES_ATTAINMENT, "2036-01", 1);
    assertThrows(IllegalArgumentException.class, () -> repository().save(List.of(good, bad)));
    var nan = new MeasureResult(Measure.OBJECTIVES_ATTAINMENT, "2036-02", Double.NaN, Map.of(),
        "", AT);
    var e = assertThrows(IllegalArgumentException.class,
        () -> repository().save(List.of(good, nan)));
    assertTrue(e.getMessage().contains("objectives-attainment"), e.getMessage());
    assertEquals(List.of(), repository().trend(Measure.OBJECTIVES_ATTAINMENT,
        Period.parse("2036-02"), 2));
    assertThrows(IllegalArgumentException.class,
        () -> repository().trend(Measure.OBJECTIVES_ATTAINMENT, Period.parse("2036-02"), 0));
  }
}
