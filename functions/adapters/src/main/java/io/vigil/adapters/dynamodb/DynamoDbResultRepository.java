package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.BatchReader;
import io.vigil.adapters.dynamodb.internal.Backoff;
import io.vigil.adapters.dynamodb.internal.BatchWriter;
import io.vigil.adapters.dynamodb.internal.Conditions;
import io.vigil.adapters.internal.ConcurrentWrites;
import io.vigil.domain.check.CheckResult;
import io.vigil.domain.collection.ResultRepository;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link ResultRepository} on the Vigil table. A run's results ({@code RUN#<runId>/RESULT#...})
 * are written with {@code BatchWriteItem}, 25 at a time, unprocessed items retried; each subject's
 * {@code LATEST} item is then written with a conditional put that lets only a result at least as
 * recent as the stored one replace it. The conditional puts are independent (one subject each) and
 * run {@value ConcurrentWrites#MAX_IN_FLIGHT} at a time.
 */
public final class DynamoDbResultRepository implements ResultRepository {

  /** DynamoDB's limit of keys in one BatchGetItem request. */

  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<ResultItem> results;
  private final software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex<ResultItem> byCheck;
  private final BatchWriter batchWriter;
  private final Integer pageSize;

  public DynamoDbResultRepository(DynamoDbEnhancedClient enhanced, String tableName) {
    this(enhanced, tableName, new BatchWriter(Backoff.standard()), null);
  }

  /** For tests: a batch writer with another backoff, and a Query page size (null: up to 1 MB). */
  DynamoDbResultRepository(DynamoDbEnhancedClient enhanced, String tableName,
      BatchWriter batchWriter, Integer pageSize) {
    this.enhanced = enhanced;
    this.results = enhanced.table(new VigilTable(tableName).name(), ResultItem.SCHEMA);
    this.byCheck = results.index(VigilTable.GSI2);
    this.batchWriter = batchWriter;
    this.pageSize = pageSize;
  }

  /**
   * Writes every result into its run, then makes each the latest of its subject unless a newer
   * one is stored. Writing the same results again writes the same items. If several results of
   * the list have the same (run, subject), the last one wins. The run's items are all written
   * before any subject's {@code LATEST} (so that a result that is the latest is in its run); the
   * {@code LATEST} puts are concurrent, and if one fails the call fails once those in flight have
   * ended (see {@link ConcurrentWrites}).
   *
   * @throws BatchWriter.IncompleteBatchWriteException if DynamoDB kept items unprocessed
   */
  @Override
  public void saveAll(List<CheckResult> list) {
    var byRunAndSubject = new LinkedHashMap<String, CheckResult>();
    var newestBySubject = new LinkedHashMap<String, CheckResult>();
    for (var r : list) {
      byRunAndSubject.put(r.runId() + "\n" + r.subjectKey(), r);
      newestBySubject.merge(r.subjectKey(), r,
          (old, neu) -> neu.observedAt().isBefore(old.observedAt()) ? old : neu);
    }
    var items = byRunAndSubject.values().stream().map(ResultItem::inRun).toList();
    batchWriter.writeAll(items, chunk -> {
      var batch = WriteBatch.builder(ResultItem.class).mappedTableResource(results);
      chunk.forEach(batch::addPutItem);
      return enhanced.batchWriteItem(r -> r.addWriteBatch(batch.build()))
          .unprocessedPutItemsForTable(results);
    });
    ConcurrentWrites.forEach(List.copyOf(newestBySubject.values()),
        this::putLatestUnlessNewerStored);
  }

  private void putLatestUnlessNewerStored(CheckResult result) {
    var item = ResultItem.latest(result);
    try {
      results.putItem(PutItemEnhancedRequest.builder(ResultItem.class)
          .item(item)
          .conditionExpression(
              Conditions.absentOrAtMost(ResultItem.OBSERVED_AT, item.getObservedAt()))
          .build());
    } catch (ConditionalCheckFailedException newerStored) {
      // expected: a later observation is already the latest; this one stays in its run only
    }
  }

  /** Every result of the run, in subject order; reads all pages of the Query. */
  @Override
  public List<CheckResult> findByRun(String runId) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(
            Keys.key(Keys.run(runId), Keys.RESULT_PREFIX)))
        .consistentRead(true)
        .limit(pageSize)
        .build();
    return results.query(request).items().stream().map(ResultItem::toDomain).toList();
  }

  /**
   * The latest results of many subjects with {@code BatchGetItem}, 100 keys per request; the
   * Enhanced Client requests unprocessed keys again as the result pages are read.
   */
  @Override
  public Map<String, CheckResult> findLatest(Collection<String> subjectKeys) {
    var out = new HashMap<String, CheckResult>();
    var keys = new LinkedHashSet<>(subjectKeys).stream()
        .map(k -> Keys.key(Keys.subject(k), Keys.LATEST)).toList();
    BatchReader.get(enhanced, results, keys, false).forEach(item -> {
      var result = item.toDomain();
      out.put(result.subjectKey(), result);
    });
    return out;
  }

  @Override
  public Optional<CheckResult> findLatest(String subjectKey) {
    return Optional.ofNullable(results.getItem(r -> r
            .key(Keys.key(Keys.subject(subjectKey), Keys.LATEST)).consistentRead(true)))
        .map(ResultItem::toDomain);
  }

  /** Query GSI2 {@code CHECK#<checkId>} (the subjects' {@code LATEST} items), all pages. */
  @Override
  public List<CheckResult> findLatestOfCheck(io.vigil.domain.check.CheckId checkId) {
    var out = new ArrayList<CheckResult>();
    byCheck.query(r -> r.queryConditional(QueryConditional.keyEqualTo(
            k -> k.partitionValue(Keys.check(checkId.value())))))
        .forEach(page -> page.items().forEach(item -> out.add(item.toDomain())));
    return out;
  }
}
