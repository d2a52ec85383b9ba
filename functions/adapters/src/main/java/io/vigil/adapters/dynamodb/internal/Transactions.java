package io.vigil.adapters.dynamodb.internal;

import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs {@code TransactWriteItems} and reads why one was cancelled. A transaction cancelled only
 * because another transaction touched the same items ({@code TransactionConflict}) is retried with
 * backoff; every other cancellation is thrown to the caller, who inspects it with
 * {@link #conditionFailed}.
 */
public final class Transactions {

  /** Cancellation code of an item whose condition expression was false. */
  public static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

  /** Cancellation code of an item another transaction was changing at the same time. */
  public static final String TRANSACTION_CONFLICT = "TransactionConflict";

  private final DynamoDbEnhancedClient enhanced;
  private final Backoff backoff;

  public Transactions(DynamoDbEnhancedClient enhanced, Backoff backoff) {
    this.enhanced = enhanced;
    this.backoff = backoff;
  }

  /**
   * Writes the items the {@code request} consumer adds (in order: cancellation reasons are
   * reported by position).
   *
   * @throws TransactionCanceledException if a condition failed, or conflicts persisted
   */
  public void write(Consumer<TransactWriteItemsEnhancedRequest.Builder> request) {
    var builder = TransactWriteItemsEnhancedRequest.builder();
    request.accept(builder);
    var built = builder.build();
    for (int attempt = 1; ; attempt++) {
      try {
        enhanced.transactWriteItems(built);
        return;
      } catch (TransactionCanceledException e) {
        if (!isConflictOnly(e) || attempt >= backoff.maxAttempts()) {
          throw e;
        }
        backoff.pause(attempt);
      }
    }
  }

  /** True if the item at {@code index} of the cancelled transaction failed its condition. */
  public static boolean conditionFailed(TransactionCanceledException e, int index) {
    var reasons = reasons(e);
    return index < reasons.size()
        && CONDITIONAL_CHECK_FAILED.equals(reasons.get(index).code());
  }

  /** True if the transaction was cancelled for conflicts only (no failed condition). */
  public static boolean isConflictOnly(TransactionCanceledException e) {
    var reasons = reasons(e);
    return reasons.stream().anyMatch(r -> TRANSACTION_CONFLICT.equals(r.code()))
        && reasons.stream().noneMatch(r -> CONDITIONAL_CHECK_FAILED.equals(r.code()));
  }

  private static List<CancellationReason> reasons(TransactionCanceledException e) {
    return e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
  }
}
