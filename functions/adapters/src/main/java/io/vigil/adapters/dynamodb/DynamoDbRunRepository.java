package io.vigil.adapters.dynamodb;

import io.vigil.adapters.dynamodb.internal.Conditions;
import io.vigil.domain.collection.RunRepository;
import io.vigil.domain.collection.RunSummary;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link RunRepository} on the Vigil table: one {@code RUN#<runId>/META} item per run, claimed
 * with a conditional put (absent, or still IN_PROGRESS because an earlier attempt crashed).
 */
public final class DynamoDbRunRepository implements RunRepository {

  private final DynamoDbTable<RunItem> runs;

  public DynamoDbRunRepository(DynamoDbEnhancedClient enhanced, String tableName) {
    this.runs = enhanced.table(new VigilTable(tableName).name(), RunItem.SCHEMA);
  }

  @Override
  public Start start(String runId, String trigger, Instant startedAt) {
    try {
      runs.putItem(PutItemEnhancedRequest.builder(RunItem.class)
          .item(RunItem.started(runId, trigger, startedAt))
          .conditionExpression(Conditions.absentOr(RunItem.STATUS, RunItem.IN_PROGRESS))
          .build());
      return new Start.Claimed();
    } catch (ConditionalCheckFailedException claimedBefore) {
      var stored = read(runId);
      if (stored != null && stored.isCompleted()) {
        return new Start.AlreadyCompleted(stored.toSummary());
      }
      throw new IllegalStateException("run " + runId + " could not be claimed and is not completed"
          + " (stored status " + (stored == null ? "none" : stored.getStatus()) + ")",
          claimedBefore);
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
}
