package io.vigil.functions.findingsapi;

import io.vigil.adapters.dynamodb.VigilTable;
import io.vigil.domain.evidence.CanonicalJson;
import io.vigil.domain.evidence.JsonReader;
import io.vigil.domain.evidence.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link IdempotencyStore} in the Vigil table, one item per key: {@code PK=IDEMPOTENCY#<sub>},
 * {@code SK=<method> <path>#<key>} (e.g. {@code POST /findings#8e03978e-...}; a sort key over
 * DynamoDB's 1,024 bytes becomes {@code SHA256#<hex>} and a partition key over that size
 * {@code IDEMPOTENCY#SHA256#<hex>}), type {@code IdempotencyKey}, with {@code subject},
 * {@code route} and {@code idempotencyKey} in full, {@code fingerprint} (SHA-256 of the body),
 * {@code status} ({@code IN_PROGRESS} with {@code token} and {@code lockedUntil}, epoch
 * milliseconds; then {@code COMPLETED} with {@code statusCode}, {@code headers} (canonical JSON)
 * and {@code body}, gzipped into {@code bodyGzip} when over {@value #MAX_PLAIN_BODY_BYTES} bytes),
 * {@code claimedAt} and {@code expiresAt} (epoch seconds, the table's TTL attribute).
 *
 * <ul>
 *   <li>claim: conditional {@code PutItem}, condition: absent, expired ({@code expiresAt <= now};
 *       TTL deletes lazily), or {@code IN_PROGRESS} past {@code lockedUntil} with the same
 *       fingerprint (a dead attempt is taken over); a failed condition is followed by a strongly
 *       consistent {@code GetItem} that tells completed, in progress and reused apart;
 *   <li>complete: {@code UpdateItem}, condition {@code token = :token};
 *   <li>release: {@code DeleteItem}, condition {@code token = :token AND status = IN_PROGRESS}.
 * </ul>
 */
final class DynamoDbIdempotencyStore implements IdempotencyStore {

  static final String TYPE = "IdempotencyKey";
  static final String PREFIX = "IDEMPOTENCY#";
  static final String IN_PROGRESS = "IN_PROGRESS";
  static final String COMPLETED = "COMPLETED";
  /** Bodies larger than this are stored gzipped (an item holds at most 400 KB). */
  static final int MAX_PLAIN_BODY_BYTES = 100 * 1024;

  private static final int MAX_KEY_BYTES = 1024;
  /** Claims tried before answering "in progress" when the key keeps changing hands. */
  private static final int ATTEMPTS = 3;

  private final DynamoDbClient dynamo;
  private final String table;

  DynamoDbIdempotencyStore(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
  }

  /** The item's primary key. */
  static Map<String, AttributeValue> key(Scope scope) {
    return Map.of(VigilTable.PK, s(bounded(PREFIX, scope.subject())),
        VigilTable.SK, s(bounded("", scope.route() + "#" + scope.key())));
  }

  @Override
  public Claim claim(Scope scope, String fingerprint, Instant now, Duration lease,
      Duration ttl) {
    var key = key(scope);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      var token = UUID.randomUUID().toString();
      var item = new HashMap<String, AttributeValue>(key);
      item.put(VigilTable.TYPE, s(TYPE));
      item.put("subject", s(scope.subject()));
      item.put("route", s(scope.route()));
      item.put("idempotencyKey", s(scope.key()));
      item.put("fingerprint", s(fingerprint));
      item.put("status", s(IN_PROGRESS));
      item.put("token", s(token));
      item.put("lockedUntil", n(now.plus(lease).toEpochMilli()));
      item.put("claimedAt", s(now.toString()));
      item.put(VigilTable.EXPIRES_AT, n(now.plus(ttl).getEpochSecond()));
      try {
        dynamo.putItem(b -> b.tableName(table).item(item)
            .conditionExpression("attribute_not_exists(#pk) OR #expires <= :nowSeconds"
                + " OR (#status = :inProgress AND #lockedUntil <= :nowMillis"
                + " AND #fingerprint = :fingerprint)")
            .expressionAttributeNames(Map.of("#pk", VigilTable.PK, "#expires",
                VigilTable.EXPIRES_AT, "#status", "status", "#lockedUntil", "lockedUntil",
                "#fingerprint", "fingerprint"))
            .expressionAttributeValues(Map.of(":nowSeconds", n(now.getEpochSecond()),
                ":inProgress", s(IN_PROGRESS), ":nowMillis", n(now.toEpochMilli()),
                ":fingerprint", s(fingerprint))));
        return new Claimed(token);
      } catch (ConditionalCheckFailedException taken) {
        var stored = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true))
            .item();
        if (stored == null || stored.isEmpty()
            || number(stored, VigilTable.EXPIRES_AT) <= now.getEpochSecond()) {
          continue; // released or expired meanwhile: claim again
        }
        if (!fingerprint.equals(text(stored, "fingerprint"))) {
          return new Mismatch();
        }
        if (COMPLETED.equals(text(stored, "status"))) {
          return new Completed(response(stored));
        }
        if (number(stored, "lockedUntil") <= now.toEpochMilli()) {
          continue; // its lease ran out meanwhile: take it over
        }
        return new InFlight();
      }
    }
    return new InFlight();
  }

  @Override
  public boolean complete(Scope scope, String token, StoredResponse response) {
    var bodyBytes = response.body().getBytes(StandardCharsets.UTF_8);
    boolean plain = bodyBytes.length <= MAX_PLAIN_BODY_BYTES;
    var values = new HashMap<String, AttributeValue>();
    values.put(":completed", s(COMPLETED));
    values.put(":statusCode", n(response.status()));
    values.put(":headers", s(CanonicalJson.write(response.headers())));
    values.put(":body", plain ? s(response.body())
        : AttributeValue.fromB(SdkBytes.fromByteArray(gzip(bodyBytes))));
    values.put(":token", s(token));
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key(scope))
          .updateExpression("SET #status = :completed, #statusCode = :statusCode,"
              + " #headers = :headers, #body = :body REMOVE #lockedUntil")
          .conditionExpression("#token = :token")
          .expressionAttributeNames(Map.of("#status", "status", "#token", "token",
              "#statusCode", "statusCode", "#headers", "headers", "#body",
              plain ? "body" : "bodyGzip", "#lockedUntil", "lockedUntil"))
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException notOurs) {
      return false;
    }
  }

  @Override
  public void release(Scope scope, String token) {
    try {
      dynamo.deleteItem(b -> b.tableName(table).key(key(scope))
          .conditionExpression("#token = :token AND #status = :inProgress")
          .expressionAttributeNames(Map.of("#status", "status", "#token", "token"))
          .expressionAttributeValues(Map.of(":token", s(token), ":inProgress",
              s(IN_PROGRESS))));
    } catch (ConditionalCheckFailedException notOurs) {
      // taken over or completed by another attempt: theirs to keep
    }
  }

  @SuppressWarnings("unchecked")
  private static StoredResponse response(Map<String, AttributeValue> item) {
    var headers = new LinkedHashMap<String, String>();
    ((Map<String, Object>) JsonReader.read(text(item, "headers").getBytes(
        StandardCharsets.UTF_8))).forEach((k, v) -> headers.put(k, String.valueOf(v)));
    String body;
    if (item.containsKey("bodyGzip")) {
      body = new String(gunzip(item.get("bodyGzip").b().asByteArray()), StandardCharsets.UTF_8);
    } else {
      body = text(item, "body");
    }
    return new StoredResponse((int) number(item, "statusCode"), headers, body);
  }

  /** {@code prefix + value}, or {@code prefix + SHA256#<hex of value>} when too long for a key. */
  private static String bounded(String prefix, String value) {
    var full = prefix + value;
    if (full.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES) {
      return full;
    }
    return prefix + "SHA256#" + Sha256.of(value).hex();
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    var v = item.get(name);
    return v == null ? null : v.s();
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    var v = item.get(name);
    return v == null || v.n() == null ? Long.MIN_VALUE : Long.parseLong(v.n());
  }

  private static byte[] gzip(byte[] bytes) {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] bytes) {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }
}
