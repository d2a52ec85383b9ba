package io.vigil.adapters.dynamodb;

import io.vigil.domain.collection.RunRepository;
import io.vigil.domain.collection.RunSummary;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link RunRepository} on the Vigil table: one {@code RUN#<runId>/META} item per run or unit
 * ({@link RunItem}), claimed with a conditional put: absent, or still IN_PROGRESS with a claim that
 * has passed ({@code claimedUntil} before the new attempt's start: the invocation that held it
 * crashed or timed out) or has none (released after a failure, or written before claims had a
 * deadline). {@code claimedUntil} is stored to the millisecond. When the put is refused, a
 * consistent read tells a completed run from a live claim.
 */
public final class DynamoDbRunRepository implements RunRepository {

  private final DynamoDbTable<RunItem> runs;

  public DynamoDbRunRepository(DynamoDbEnhancedClient enhanced, String tableName) {
    this.runs = enhanced.table(new VigilTable(tableName).name(), RunItem.SCHEMA);
  }

  @Override
  public Start start(String runId, String trigger, Instant startedAt, Instant claimedUntil) {
    try {
      runs.putItem(PutItemEnhancedRequest.builder(RunItem.class)
          .item(RunItem.started(runId, trigger, startedAt, claimedUntil))
          .conditionExpression(Expression.builder()
              .expression("attribute_not_exists(#pk) OR (#s = :inProgress AND"
                  + " (attribute_not_exists(#cu) OR #cu < :now))")
              .putExpressionName("#pk", VigilTable.PK)
              .putExpressionName("#s", RunItem.STATUS)
              .putExpressionName("#cu", RunItem.CLAIMED_UNTIL)
              .putExpressionValue(":inProgress", AttributeValue.fromS(RunItem.IN_PROGRESS))
              .putExpressionValue(":now", millis(startedAt))
              .build())
          .build());
      return new Start.Claimed();
    } catch (ConditionalCheckFailedException claimedBefore) {
      var stored = read(runId);
      if (stored != null && stored.isCompleted()) {
        return new Start.AlreadyCompleted(stored.toSummary());
      }
      if (stored != null && RunItem.IN_PROGRESS.equals(stored.getStatus())
          && stored.getClaimedUntil() != null) {
        return new Start.Held(Instant.ofEpochMilli(stored.getClaimedUntil()));
      }
      throw new IllegalStateException("run " + runId + " could not be claimed and is not completed"
          + " (stored status " + (stored == null ? "none" : stored.getStatus()) + ")",
          claimedBefore);
    }
  }

  @Override
  public void release(String runId, Instant claimedUntil) {
    var stored = read(runId);
    if (stored == null || !RunItem.IN_PROGRESS.equals(stored.getStatus())
        || stored.getClaimedUntil() == null
        || stored.getClaimedUntil() != claimedUntil.toEpochMilli()) {
      return;
    }
    stored.setClaimedUntil(null);
    try {
      runs.putItem(PutItemEnhancedRequest.builder(RunItem.class)
          .item(stored)
          .conditionExpression(Expression.builder()
              .expression("#s = :inProgress AND #cu = :mine")
              .putExpressionName("#s", RunItem.STATUS)
              .putExpressionName("#cu", RunItem.CLAIMED_UNTIL)
              .putExpressionValue(":inProgress", AttributeValue.fromS(RunItem.IN_PROGRESS))
              .putExpressionValue(":mine", millis(claimedUntil))
              .build())
          .build());
    } catch (ConditionalCheckFailedException takenOverOrCompleted) {
      // another invocation claimed or completed the run since: its claim is not ours to release
    }
  }

  @Override
  public void complete(RunSummary summary) {
    runs.putItem(RunItem.completed(summary));
  }

  /** The summary of a completed run; empty while the run is in progress or unknown. */
  @Override
  public Optional<RunSummary> find(String runId) {
    return Optional.ofNullable(read(runId)).filter(RunItem::isCompleted).map(RunItem::toSummary);
  }

  private RunItem read(String runId) {
    return runs.getItem(r -> r.key(Keys.key(Keys.run(runId), Keys.META)).consistentRead(true));
  }

  private static AttributeValue millis(Instant instant) {
    return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
  }
}
