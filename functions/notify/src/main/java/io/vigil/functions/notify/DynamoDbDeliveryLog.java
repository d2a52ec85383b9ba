package io.vigil.functions.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link DeliveryLog} in the Vigil table: item {@code PK=NOTIFY#<eventId>, SK=<target>} with
 * {@code status} (IN_PROGRESS, SENT, DEAD_LETTERED), {@code claimedAt} and {@code leaseUntil}
 * (epoch millis), {@code attempts} and {@code expiresAt} (epoch seconds; the table's TTL
 * attribute). The claim is a conditional put: absent, or IN_PROGRESS with its lease passed (an
 * item written before leases existed has none: it counts as passed once {@code claimedAt} is older
 * than the stale limit). When the put is refused the stored status, returned with the refusal,
 * tells a finished delivery from one in progress.
 */
public final class DynamoDbDeliveryLog implements DeliveryLog {

  static final String IN_PROGRESS = "IN_PROGRESS";
  static final String SENT = "SENT";
  static final String DEAD_LETTERED = "DEAD_LETTERED";

  /** The key {@link #prime()} reads: no delivery is ever stored under it. */
  static final String PRIMING_KEY = "PRIMING#";

  private final DynamoDbClient dynamo;
  private final String table;
  private final Duration stale;
  private final Duration ttl;
  private final Clock clock;

  public DynamoDbDeliveryLog(DynamoDbClient dynamo, String table, Duration stale, Duration ttl,
      Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.stale = stale;
    this.ttl = ttl;
    this.clock = clock;
  }

  static String pk(String eventId) {
    return "NOTIFY#" + eventId;
  }

  @Override
  public Claim claim(String eventId, String target, Instant leaseUntil) {
    long now = clock.millis();
    try {
      dynamo.putItem(b -> b.tableName(table)
          .item(Map.of(
              "PK", s(pk(eventId)), "SK", s(target), "type", s("NotifyDelivery"),
              "status", s(IN_PROGRESS), "claimedAt", n(now),
              "leaseUntil", n(leaseUntil.toEpochMilli()), "attempts", n(0),
              "expiresAt", n(now / 1000 + ttl.toSeconds())))
          .conditionExpression("attribute_not_exists(PK) OR (#s = :inProgress AND"
              + " (leaseUntil < :now OR (attribute_not_exists(leaseUntil)"
              + " AND claimedAt < :stale)))")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS), ":now", n(now),
              ":stale", n(now - stale.toMillis())))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return Claim.CLAIMED;
    } catch (ConditionalCheckFailedException e) {
      var status = e.hasItem() && e.item().containsKey("status") ? e.item().get("status").s()
          : null;
      return SENT.equals(status) || DEAD_LETTERED.equals(status) ? Claim.DUPLICATE
          : Claim.IN_PROGRESS;
    }
  }

  @Override
  public void markSent(String eventId, String target, int attempts) {
    mark(eventId, target, SENT, attempts);
  }

  @Override
  public void markDeadLettered(String eventId, String target, int attempts) {
    mark(eventId, target, DEAD_LETTERED, attempts);
  }

  private void mark(String eventId, String target, String status, int attempts) {
    dynamo.updateItem(b -> b.tableName(table)
        .key(Map.of("PK", s(pk(eventId)), "SK", s(target)))
        .updateExpression("SET #s = :s, attempts = :a, completedAt = :t")
        .expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":s", s(status), ":a", n(attempts),
            ":t", n(clock.millis()))));
  }

  @Override
  public void release(String eventId, String target) {
    dynamo.deleteItem(b -> b.tableName(table)
        .key(Map.of("PK", s(pk(eventId)), "SK", s(target))));
  }

  @Override
  public void prime() {
    dynamo.getItem(b -> b.tableName(table)
        .key(Map.of("PK", s(PRIMING_KEY), "SK", s(PRIMING_KEY))));
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }
}
