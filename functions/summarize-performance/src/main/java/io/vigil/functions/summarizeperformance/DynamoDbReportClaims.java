package io.vigil.functions.summarizeperformance;

import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.evidence.JsonReader;
import io.vigil.domain.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link ReportClaims} in the Vigil table, like the collection run claims: item
 * {@code PK=REPORT#<kind>#<period>}, {@code SK=META}, type {@code ReportRun}, {@code status}
 * IN_PROGRESS with {@code leaseUntil} (epoch millis; conditional put: absent, or IN_PROGRESS with
 * its lease passed because the attempt that holds it crashed or timed out — a claim written before
 * leases existed has none and may be taken over) then COMPLETED with {@code completedAt} and
 * {@code result} (the response as canonical JSON).
 */
final class DynamoDbReportClaims implements ReportClaims {

  static final String IN_PROGRESS = "IN_PROGRESS";
  static final String COMPLETED = "COMPLETED";
  /** The key {@link #prime()} reads: no claim is ever stored under it. */
  static final String PRIMING_KEY = "PRIMING#";

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  DynamoDbReportClaims(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  static String pk(SummaryKind kind, String period) {
    return "REPORT#" + kind.id() + "#" + period;
  }

  @Override
  public Claim claim(SummaryKind kind, String period, Instant leaseUntil) {
    var now = clock.now();
    try {
      dynamo.putItem(b -> b.tableName(table)
          .item(Map.of("PK", s(pk(kind, period)), "SK", s("META"), "type", s("ReportRun"),
              "kind", s(kind.id()), "period", s(period), "status", s(IN_PROGRESS),
              "claimedAt", s(now.toString()), "leaseUntil", n(leaseUntil.toEpochMilli())))
          .conditionExpression("attribute_not_exists(PK) OR (#s = :inProgress AND"
              + " (attribute_not_exists(leaseUntil) OR leaseUntil < :now))")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS),
              ":now", n(now.toEpochMilli()))));
      return new Claimed();
    } catch (ConditionalCheckFailedException e) {
      var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
          .key(Map.of("PK", s(pk(kind, period)), "SK", s("META")))).item();
      var status = item == null || !item.containsKey("status") ? null : item.get("status").s();
      if (IN_PROGRESS.equals(status) && item.containsKey("leaseUntil")) {
        return new InProgress(Instant.ofEpochMilli(Long.parseLong(item.get("leaseUntil").n())));
      }
      if (!COMPLETED.equals(status) || !item.containsKey("result")) {
        throw new IllegalStateException(kind + " " + period + " could not be claimed and is not"
            + " completed (stored status " + status + ")", e);
      }
      return new Completed(parse(item.get("result").s()));
    }
  }

  @Override
  public void complete(SummaryKind kind, String period, Map<String, Object> result) {
    var now = clock.now().toString();
    dynamo.putItem(b -> b.tableName(table)
        .item(Map.of("PK", s(pk(kind, period)), "SK", s("META"), "type", s("ReportRun"),
            "kind", s(kind.id()), "period", s(period), "status", s(COMPLETED),
            "completedAt", s(now), "result", s(CanonicalJson.write(result)))));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    var value = JsonReader.read(json.getBytes(StandardCharsets.UTF_8));
    return new LinkedHashMap<>((Map<String, Object>) value);
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
