package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.BatchReader;
import io.vigil.adapters.dynamodb.internal.Backoff;
import io.vigil.adapters.dynamodb.internal.BatchWriter;
import io.vigil.domain.performance.Measure;
import io.vigil.domain.performance.MeasureRepository;
import io.vigil.domain.performance.MeasureResult;
import io.vigil.domain.performance.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

/**
 * {@link MeasureRepository} on the Vigil table: one item per (measure, period),
 * {@code PK=MEASURE#<measure id>}, {@code SK=<PERIOD KIND>#<period id>} ({@link MeasureResultItem}).
 * Saving is {@code BatchWriteItem}, 25 puts a call, unprocessed items retried with jittered
 * backoff; the key is (measure, period), so saving again replaces the same items. A trend is one
 * Query of the measure's partition, sort key {@code BETWEEN} the first and the last period of the
 * window (both of the same kind), strongly consistent, oldest first; the trends of a report's
 * measures are one {@code BatchGetItem} ({@link #trends}).
 */
public final class DynamoDbMeasureRepository implements MeasureRepository {

  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<MeasureResultItem> table;
  private final BatchWriter batchWriter;
  private final Integer pageSize;

  public DynamoDbMeasureRepository(DynamoDbEnhancedClient enhanced, String tableName) {
    this(enhanced, tableName, new BatchWriter(Backoff.standard()), null);
  }

  /** For tests: a batch writer with another backoff, and a Query page size (null: up to 1 MB). */
  DynamoDbMeasureRepository(DynamoDbEnhancedClient enhanced, String tableName,
      BatchWriter batchWriter, Integer pageSize) {
    this.enhanced = Objects.requireNonNull(enhanced, "enhanced");
    this.table = enhanced.table(new VigilTable(tableName).name(), MeasureResultItem.SCHEMA);
    this.batchWriter = Objects.requireNonNull(batchWriter, "batchWriter");
    this.pageSize = pageSize;
  }

  /**
   * Stores the results; of several results with the same (measure, period) in the list, the last
   * one wins (a batch must not name a key twice).
   *
   * @throws IllegalArgumentException if a result's period is not a period id or a number is not
   *     finite (nothing is written)
   * @throws BatchWriter.IncompleteBatchWriteException if DynamoDB kept items unprocessed
   */
  @Override
  public void save(List<MeasureResult> results) {
    var byKey = new LinkedHashMap<String, MeasureResultItem>();
    for (var r : results) {
      var item = MeasureResultItem.from(r);
      byKey.put(item.getPk() + "\n" + item.getSk(), item);
    }
    batchWriter.writeAll(new ArrayList<>(byKey.values()), chunk -> {
      var batch = WriteBatch.builder(MeasureResultItem.class).mappedTableResource(table);
      chunk.forEach(batch::addPutItem);
      return enhanced.batchWriteItem(r -> r.addWriteBatch(batch.build()))
          .unprocessedPutItemsForTable(table);
    });
  }

  /**
   * The stored results of {@code measure} for the {@code count} periods of {@code upTo}'s kind
   * ending with {@code upTo}, oldest first; periods without a result are left out.
   *
   * @throws IllegalArgumentException if {@code count < 1}
   */
  @Override
  public List<MeasureResult> trend(Measure measure, Period upTo, int count) {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(upTo, "upTo");
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    var first = upTo;
    for (int i = 1; i < count; i++) {
      first = first.previous();
    }
    var partition = MeasureResultItem.partition(measure);
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBetween(
            Keys.key(partition, MeasureResultItem.sortKey(first)),
            Keys.key(partition, MeasureResultItem.sortKey(upTo))))
        .consistentRead(true)
        .limit(pageSize)
        .build();
    return table.query(request).items().stream().map(MeasureResultItem::toDomain).toList();
  }

  /**
   * The trends of several measures with {@code BatchGetItem} (strongly consistent, 100 keys a
   * request, unprocessed keys requested again by the Enhanced Client as the pages are read): one
   * key per (measure, period) of each window, so one request for a report's 9 measures (38
   * keys); the same results, in the same order, as {@link #trend} for each measure.
   *
   * @throws IllegalArgumentException if a count is below 1
   */
  @Override
  public Map<Measure, List<MeasureResult>> trends(Map<Measure, Integer> counts, Period upTo) {
    Objects.requireNonNull(upTo, "upTo");
    var windows = new LinkedHashMap<Measure, List<Key>>();
    counts.forEach((measure, count) -> {
      if (count < 1) {
        throw new IllegalArgumentException("count must be at least 1, was " + count);
      }
      var keys = new ArrayList<Key>();
      var period = upTo;
      for (int i = 0; i < count; i++) {
        keys.add(0, Keys.key(MeasureResultItem.partition(measure),
            MeasureResultItem.sortKey(period)));
        period = period.previous();
      }
      windows.put(measure, keys);
    });
    var all = windows.values().stream().flatMap(List::stream).distinct().toList();
    var found = new HashMap<Key, MeasureResult>();
    BatchReader.get(enhanced, table, all, true)
        .forEach(item -> found.put(Keys.key(item.getPk(), item.getSk()), item.toDomain()));
    var out = new EnumMap<Measure, List<MeasureResult>>(Measure.class);
    windows.forEach((measure, keys) -> out.put(measure,
        keys.stream().map(found::get).filter(Objects::nonNull).toList()));
    return out;
  }
}
