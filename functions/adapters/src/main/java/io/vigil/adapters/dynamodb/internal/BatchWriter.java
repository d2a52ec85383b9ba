package io.vigil.adapters.dynamodb.internal;

import java.util.List;
import java.util.function.Function;

/**
 * Writes items in chunks of at most {@value #MAX_BATCH} (the {@code BatchWriteItem} limit) and
 * retries the items DynamoDB leaves unprocessed, with jittered backoff, until all are written or
 * the attempts run out; then it fails loudly. It never drops an item silently.
 */
public final class BatchWriter {

  /** Most put/delete requests one {@code BatchWriteItem} call accepts. */
  public static final int MAX_BATCH = 25;

  private final Backoff backoff;

  public BatchWriter(Backoff backoff) {
    this.backoff = backoff;
  }

  /**
   * Writes {@code items}.
   *
   * @param writeChunk sends one batch of at most {@value #MAX_BATCH} items and returns the ones
   *     that were not processed (empty when all were written)
   * @throws IncompleteBatchWriteException if items are still unprocessed after the last attempt
   */
  public <T> void writeAll(List<T> items, Function<List<T>, List<T>> writeChunk) {
    for (int from = 0; from < items.size(); from += MAX_BATCH) {
      List<T> pending = items.subList(from, Math.min(from + MAX_BATCH, items.size()));
      for (int attempt = 1; ; attempt++) {
        pending = writeChunk.apply(List.copyOf(pending));
        if (pending.isEmpty()) {
          break;
        }
        if (attempt >= backoff.maxAttempts()) {
          throw new IncompleteBatchWriteException(pending.size() + " of " + items.size()
              + " items were still unprocessed after " + attempt + " BatchWriteItem attempts"
              + " (throttling?); nothing was dropped silently, the whole write must be retried");
        }
        backoff.pause(attempt);
      }
    }
  }

  /** Thrown when DynamoDB kept leaving items unprocessed. */
  public static final class IncompleteBatchWriteException extends RuntimeException {
    public IncompleteBatchWriteException(String message) {
      super(message);
    }
  }
}
