package io.vigil.adapters.dynamodb.internal;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;

/**
 * Reads items by key with {@code BatchGetItem}, at most {@value #MAX_BATCH} keys per request; the
 * Enhanced Client requests unprocessed keys again as the result pages are read. Missing items are
 * simply absent from the answer (in no particular order).
 */
public final class BatchReader {

  /** Keys a {@code BatchGetItem} request may name. */
  public static final int MAX_BATCH = 100;

  private BatchReader() {}

  /**
   * The items of {@code table} under {@code keys} that exist.
   *
   * @param consistent strongly consistent reads (twice the read units) or eventually consistent
   */
  public static <T> List<T> get(DynamoDbEnhancedClient enhanced, DynamoDbTable<T> table,
      List<Key> keys, boolean consistent) {
    var out = new ArrayList<T>();
    for (int from = 0; from < keys.size(); from += MAX_BATCH) {
      var batch = ReadBatch.builder(table.tableSchema().itemType().rawClass())
          .mappedTableResource(table);
      keys.subList(from, Math.min(from + MAX_BATCH, keys.size())).forEach(k -> batch.addGetItem(
          GetItemEnhancedRequest.builder().key(k).consistentRead(consistent).build()));
      enhanced.batchGetItem(r -> r.readBatches(batch.build())).resultsForTable(table)
          .forEach(out::add);
    }
    return out;
  }
}
